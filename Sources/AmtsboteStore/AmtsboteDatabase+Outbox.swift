import AmtsboteCore
import Foundation
import GRDB

extension AmtsboteDatabase {
    /// Queues a reply for delivery, inside a write (the same transaction that decided it).
    @discardableResult
    public static func enqueue(_ db: Database, _ entry: OutboxEntryRecord) throws -> OutboxEntryRecord {
        var entry = entry
        try entry.insert(db)
        return entry
    }

    /// Pending entries due at `now`, oldest first, at most one per conversation so that a
    /// conversation's replies go out in order. (Walks the pending entries in id order: the planner
    /// would otherwise sort every due entry of a long outbox for each refill.) An entry held for a
    /// confirmation is due only when no webhook body received before its hold ended is still
    /// unread (the confirmation may wait behind a backlog; bodies are read oldest first).
    public func dueOutboxEntries(now: Date = Date(), limit: Int = 32) async throws -> [OutboxEntryRecord] {
        try await writer.read { db in try Self.dueOutboxEntries(db, now: now, limit: limit) }
    }

    /// Due entries (as `dueOutboxEntries`) with their conversations, read together.
    public func dueOutboxDeliveries(now: Date = Date(), limit: Int) async throws
        -> (entries: [OutboxEntryRecord], conversations: [Int64: ConversationRecord])
    {
        try await writer.read { db in
            let entries = try Self.dueOutboxEntries(db, now: now, limit: limit)
            let conversations = try ConversationRecord.fetchAll(db, keys: Set(entries.map(\.conversationID)))
            return (entries, Dictionary(uniqueKeysWithValues: conversations.compactMap { c in c.id.map { ($0, c) } }))
        }
    }

    static func dueOutboxEntries(_ db: Database, now: Date, limit: Int) throws -> [OutboxEntryRecord] {
        try OutboxEntryRecord.fetchAll(
            db,
            sql: """
                SELECT * FROM outboxEntry AS o INDEXED BY outboxEntry_pending
                WHERE o.status = 'pending' AND o.nextAttemptAt <= ?
                  AND (o.awaitsConfirmation = 0
                       OR COALESCE((SELECT w.receivedAt FROM webhookDelivery AS w ORDER BY w.id LIMIT 1)
                                   > (julianday(o.nextAttemptAt) - 2440587.5) * 86400.0, 1))
                  AND NOT EXISTS (SELECT 1 FROM outboxEntry AS e
                                  WHERE e.conversationID = o.conversationID AND e.status = 'pending' AND e.id < o.id)
                ORDER BY o.id LIMIT ?
                """,
            arguments: [now, limit])
    }

    /// The earliest time a pending entry is due, if any.
    public func nextOutboxAttempt() async throws -> Date? {
        try await writer.read { db in
            try Date.fetchOne(db, sql: "SELECT MIN(nextAttemptAt) FROM outboxEntry WHERE status = 'pending'")
        }
    }

    /// Records a successful delivery.
    public func markOutboxSent(id: Int64, now: Date = Date()) async throws {
        try await writer.write { db in try Self.markOutboxSent(db, id: id, now: now) }
    }

    /// Records a successful delivery, inside a write (the server groups many into one commit).
    public static func markOutboxSent(_ db: Database, id: Int64, now: Date) throws {
        try db.cachedStatement(
            sql: "UPDATE outboxEntry SET status = 'sent', sentAt = ?, attempts = attempts + 1, lastError = NULL, sendStartedAt = NULL,"
                + " awaitedEcho = NULL, awaitsConfirmation = 0 WHERE id = ?"
        ).execute(arguments: [now, id])
    }

    /// Records that the first `parts` parts of an entry's reply were delivered, inside a write
    /// (never lowering the count: the platform's echo of a later part may have been recorded first).
    /// `awaitedEcho` is the digest of the next part, now on its way, on channels that recognise
    /// echoes by it (see `markOutboxSending`); it replaces the digest of the part just recorded.
    public static func markOutboxPartsSent(_ db: Database, id: Int64, parts: Int, awaitedEcho: String? = nil) throws {
        // SET expressions all see the row as it was: `?1 >= partsSent` compares with the old count.
        try db.cachedStatement(
            sql: """
                UPDATE outboxEntry
                SET partsSent = MAX(partsSent, ?1), awaitedEcho = CASE WHEN ?1 >= partsSent THEN ?2 ELSE awaitedEcho END
                WHERE id = ?3
                """
        ).execute(arguments: [parts, awaitedEcho, id])
    }

    /// Records a failed attempt to be retried at `retryAt`. An awaited echo stays awaited: the
    /// platform may have taken the part although the send failed (see `confirmEchoedParts`).
    /// `awaitingConfirmation`: the send got no answer, so the retry also waits for the webhook
    /// bodies received until `retryAt` to be read (see `dueOutboxEntries`).
    public func markOutboxRetry(id: Int64, error: String, retryAt: Date, awaitingConfirmation: Bool = false) async throws {
        try await writer.write { db in
            try db.execute(
                sql: "UPDATE outboxEntry SET attempts = attempts + 1, lastError = ?, nextAttemptAt = ?, sendStartedAt = NULL,"
                    + " awaitsConfirmation = ? WHERE id = ?",
                arguments: [error, retryAt, awaitingConfirmation, id])
        }
    }

    /// Records a delivery that failed for good (blocked user, closed window, too many attempts).
    public func markOutboxFailed(id: Int64, error: String) async throws {
        try await writer.write { db in
            try db.execute(
                sql: "UPDATE outboxEntry SET status = 'failed', attempts = attempts + 1, lastError = ?, sendStartedAt = NULL,"
                    + " awaitedEcho = NULL, awaitsConfirmation = 0 WHERE id = ?",
                arguments: [error, id])
        }
    }

    /// An outbox entry by id.
    public func outboxEntry(id: Int64) async throws -> OutboxEntryRecord? {
        try await writer.read { db in try OutboxEntryRecord.fetchOne(db, key: id) }
    }

    /// All outbox entries, oldest first (for tests and diagnostics).
    public func outboxEntries() async throws -> [OutboxEntryRecord] {
        try await writer.read { db in try OutboxEntryRecord.order(OutboxEntryRecord.Columns.id).fetchAll(db) }
    }
}
