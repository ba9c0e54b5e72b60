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

extension AmtsboteDatabase {
    /// Marks entries whose sends start now, so that a crash before their outcome is recorded
    /// leaves a trace (see `recoverInterruptedSends`).
    public func markOutboxSending(ids: [Int64], now: Date = Date()) async throws {
        guard !ids.isEmpty else { return }
        try await writer.write { db in
            let statement = try db.cachedStatement(sql: "UPDATE outboxEntry SET sendStartedAt = ? WHERE id = ?")
            for id in ids { try statement.execute(arguments: [now, id]) }
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
                    partsSent = MAX(partsSent, ?1)
                WHERE id = ?3 AND status = 'pending'
                """)
        for confirmation in confirmations {
            try statement.execute(arguments: [confirmation.parts, now, confirmation.entryID])
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
    /// Entries on `confirmingChannels` are held until `holdUntil`, so that the platform's
    /// confirmation (redelivered to the restarted server) can mark the part received; the others
    /// are due again at once. Run at start, before any send.
    public func recoverInterruptedSends(confirmingChannels: Set<Channel>, holdUntil: Date) async throws -> InterruptedSends {
        try await writer.write { db in
            let interrupted = try OutboxEntryRecord
                .filter(sql: "status = 'pending' AND sendStartedAt IS NOT NULL")
                .fetchAll(db)
            var result = InterruptedSends(waiting: 0, resending: 0)
            for entry in interrupted {
                guard let id = entry.id else { continue }
                if confirmingChannels.contains(entry.channel) {
                    try db.execute(
                        sql: "UPDATE outboxEntry SET sendStartedAt = NULL, nextAttemptAt = MAX(nextAttemptAt, ?) WHERE id = ?",
                        arguments: [holdUntil, id])
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
