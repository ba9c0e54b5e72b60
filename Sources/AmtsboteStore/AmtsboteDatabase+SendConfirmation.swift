import AmtsboteCore
import Foundation
import GRDB

/// The platform's word that it received parts of an outbox entry's reply: Messenger echoes the
/// `metadata` of each sent message, WhatsApp repeats `biz_opaque_callback_data` in its statuses.
public struct OutboxPartConfirmation: Sendable, Hashable {
    public var entryID: Int64
    /// Parts received, counted from the first (a confirmed part implies the earlier ones: parts
    /// are sent one after the other).
    public var parts: Int

    public init(entryID: Int64, parts: Int) {
        self.entryID = entryID
        self.parts = parts
    }
}

/// An echo of a reply part that names no outbox entry (Instagram's Send API takes no
/// `metadata`): it is recognised by the channel, the recipient and a digest of the part's text,
/// and only for an entry held after a crash with that part in flight (see `recoverInterruptedSends`).
public struct EchoedPart: Sendable, Hashable {
    public var channel: Channel
    public var recipientID: String
    /// The same digest the server computed for the part in flight (no text is stored for it).
    public var textDigest: String

    public init(channel: Channel, recipientID: String, textDigest: String) {
        self.channel = channel
        self.recipientID = recipientID
        self.textDigest = textDigest
    }
}

extension AmtsboteDatabase {
    /// Marks entries whose sends start now, so that a crash before their outcome is recorded
    /// leaves a trace (see `recoverInterruptedSends`). `awaitedEchoes` gives, for entries on a
    /// channel whose echoes carry no reference (Instagram), the digest of the part about to go
    /// out: its echo counts it as received even when the send's own answer is lost (a timeout, a
    /// 5xx after the platform took it), so that the retry goes on after it. For the other entries
    /// nothing is awaited. (An echo of an earlier send of the same part is of the same part.)
    public func markOutboxSending(ids: [Int64], awaitedEchoes: [Int64: String] = [:], now: Date = Date()) async throws {
        guard !ids.isEmpty else { return }
        try await writer.write { db in
            let statement = try db.cachedStatement(sql: "UPDATE outboxEntry SET sendStartedAt = ?, awaitedEcho = ?, awaitsConfirmation = 0 WHERE id = ?")
            for id in ids { try statement.execute(arguments: [now, awaitedEchoes[id], id]) }
        }
    }

    /// Records the platform's confirmations of sent parts, inside a write. Entries no longer
    /// pending are left alone (their outcome is known); for pending ones the dispatcher goes on
    /// after the confirmed parts, and sends nothing when all were confirmed.
    ///
    /// A confirmation beyond the recorded parts is of the part that was in flight (the next part
    /// starts only after the previous one is recorded), so nothing of the entry is uncertain any
    /// more: an entry held back after a crash, or waiting for a retry after a timeout, is due at once.
    public static func confirmOutboxParts(_ db: Database, _ confirmations: [OutboxPartConfirmation], now: Date = Date()) throws {
        guard !confirmations.isEmpty else { return }
        // SET expressions all see the row as it was, so `? > partsSent` compares with the old count.
        let statement = try db.cachedStatement(
            sql: """
                UPDATE outboxEntry
                SET nextAttemptAt = CASE WHEN ?1 > partsSent AND nextAttemptAt > ?2 THEN ?2 ELSE nextAttemptAt END,
                    awaitsConfirmation = CASE WHEN ?1 > partsSent THEN 0 ELSE awaitsConfirmation END,
                    partsSent = MAX(partsSent, ?1)
                WHERE id = ?3 AND status = 'pending'
                """)
        for confirmation in confirmations {
            try statement.execute(arguments: [confirmation.parts, now, confirmation.entryID])
        }
    }

    /// Records echoes of parts whose digest an entry awaits (the part being sent, or in flight at
    /// a crash, or whose send failed without a clear answer), inside a write: an entry whose
    /// awaited digest, channel and recipient match counts the part as received and is due at once.
    /// The awaited digest is always that of the part after the `partsSent` recorded (marking parts
    /// sent moves it on), so a late echo of an earlier part matches nothing. Each awaited echo
    /// counts once (a redelivered echo finds nothing left to match).
    public static func confirmEchoedParts(_ db: Database, _ echoes: [EchoedPart], now: Date = Date()) throws {
        guard !echoes.isEmpty else { return }
        let statement = try db.cachedStatement(
            sql: """
                UPDATE outboxEntry
                SET partsSent = partsSent + 1, awaitedEcho = NULL, awaitsConfirmation = 0,
                    nextAttemptAt = CASE WHEN nextAttemptAt > ?1 THEN ?1 ELSE nextAttemptAt END
                WHERE awaitedEcho = ?2 AND status = 'pending' AND channel = ?3
                  AND conversationID IN (SELECT id FROM conversation WHERE channel = ?3 AND senderID = ?4)
                """)
        for echo in echoes {
            try statement.execute(arguments: [now, echo.textDigest, echo.channel.rawValue, echo.recipientID])
        }
    }

    /// What `recoverInterruptedSends` found.
    public struct InterruptedSends: Sendable, Equatable {
        /// Entries held back until the platform could confirm them.
        public var waiting: Int
        /// Entries of channels without confirmations, to be sent again at once (at-least-once).
        public var resending: Int
    }

    /// Deals with sends that were in flight when the previous process stopped without finishing
    /// them (a crash or `kill -9`): the platform may or may not have received the part in flight.
    /// Entries on `confirmingChannels` are held until `holdUntil` (and until the webhook bodies
    /// received by then are read, see `dueOutboxEntries`), so that the platform's confirmation
    /// (redelivered to the restarted server) can mark the part received; so are
    /// entries for which `awaitedEcho` gives the digest of the part in flight, whose echo is then
    /// recognised by it (`confirmEchoedParts`). The others are due again at once. Run at start,
    /// before any send.
    public func recoverInterruptedSends(
        confirmingChannels: Set<Channel>, holdUntil: Date,
        awaitedEcho: @escaping @Sendable (OutboxEntryRecord) -> String? = { _ in nil }
    ) async throws -> InterruptedSends {
        try await writer.write { db in
            let interrupted = try OutboxEntryRecord
                .filter(sql: "status = 'pending' AND sendStartedAt IS NOT NULL")
                .fetchAll(db)
            var result = InterruptedSends(waiting: 0, resending: 0)
            for entry in interrupted {
                guard let id = entry.id else { continue }
                if confirmingChannels.contains(entry.channel) {
                    try db.execute(
                        sql: "UPDATE outboxEntry SET sendStartedAt = NULL, nextAttemptAt = MAX(nextAttemptAt, ?), awaitsConfirmation = 1"
                            + " WHERE id = ?",
                        arguments: [holdUntil, id])
                    result.waiting += 1
                } else if let digest = awaitedEcho(entry) {
                    try db.execute(
                        sql: "UPDATE outboxEntry SET sendStartedAt = NULL, awaitedEcho = ?, nextAttemptAt = MAX(nextAttemptAt, ?),"
                            + " awaitsConfirmation = 1 WHERE id = ?",
                        arguments: [digest, holdUntil, id])
                    result.waiting += 1
                } else {
                    try db.execute(sql: "UPDATE outboxEntry SET sendStartedAt = NULL WHERE id = ?", arguments: [id])
                    result.resending += 1
                }
            }
            return result
        }
    }
}
