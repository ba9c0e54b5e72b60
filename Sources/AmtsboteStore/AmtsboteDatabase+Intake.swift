import AmtsboteCore
import Foundation
import GRDB

extension AmtsboteDatabase {
    /// Stores accepted webhook events, each keyed by channel + platform id. A redelivered id hits
    /// the unique key and is skipped. One transaction for the whole batch.
    /// - Returns: the ids of the newly stored events (redeliveries are left out).
    @discardableResult
    public func storeInbound(_ messages: [InboundMessage], now: Date = Date()) async throws -> [Int64] {
        guard !messages.isEmpty else { return [] }
        let records = messages.map { InboundEventRecord(message: $0, now: now) }
        return try await writer.write { db in try Self.storeInbound(db, records) }
    }

    /// The transactional body of `storeInbound`, for callers already inside a write: the records
    /// are prepared (payload encoded) outside it, so the write lock is held only for the inserts.
    public static func storeInbound(_ db: Database, _ records: [InboundEventRecord]) throws -> [Int64] {
        let insert = try db.cachedStatement(sql: """
            INSERT OR IGNORE INTO inboundEvent (channel, externalID, senderID, payload, status, attempts, receivedAt)
            VALUES (?, ?, ?, ?, ?, ?, ?)
            """)
        var ids: [Int64] = []
        for record in records {
            try insert.execute(arguments: [
                record.channel.rawValue, record.externalID, record.senderID, record.payload, record.status.rawValue,
                record.attempts, record.receivedAt,
            ])
            if db.changesCount > 0 { ids.append(db.lastInsertedRowID) }
        }
        return ids
    }

    /// Events not processed yet, oldest first (also those left over from before a restart).
    /// - Parameter directCutoff: web chat and API events received after this are being answered
    ///   by their own HTTP request and are left to it (else the response could lose its reply).
    public func pendingInboundEvents(limit: Int = 100, directCutoff: Date? = nil) async throws -> [InboundEventRecord] {
        try await writer.read { db in
            let direct = [Channel.webchat.rawValue, Channel.api.rawValue]
            let isRecentDirect = direct.contains(InboundEventRecord.Columns.channel)
                && InboundEventRecord.Columns.receivedAt > (directCutoff ?? .distantPast)
            return try InboundEventRecord
                .filter(InboundEventRecord.Columns.status == InboundEventRecord.Status.pending.rawValue)
                .filter(!isRecentDirect)
                .order(InboundEventRecord.Columns.id)
                .limit(limit)
                .fetchAll(db)
        }
    }

    /// Marks the event with this id processed if it is still pending, inside the write that
    /// processes it (a rollback leaves it pending); false when it was already taken.
    public static func claimPendingEvent(_ db: Database, id: Int64, now: Date) throws -> Bool {
        try db.cachedStatement(sql: """
            UPDATE inboundEvent SET status = 'processed', processedAt = ?, attempts = attempts + 1
            WHERE id = ? AND status = 'pending'
            """).execute(arguments: [now, id])
        return db.changesCount > 0
    }

    /// Marks an event that could not be processed: it stays pending for another attempt until
    /// `maxAttempts`, then it is set to `failed` so it cannot block the queue.
    public func recordEventFailure(id: Int64, maxAttempts: Int, now: Date = Date()) async throws {
        try await writer.write { db in
            try db.execute(
                sql: "UPDATE inboundEvent SET attempts = attempts + 1, status = CASE WHEN attempts + 1 >= ? THEN 'failed' ELSE status END, processedAt = ? WHERE id = ?",
                arguments: [maxAttempts, now, id])
        }
    }

    /// The stored event with this channel and platform id.
    public func inboundEvent(channel: Channel, externalID: String) async throws -> InboundEventRecord? {
        try await writer.read { db in
            try InboundEventRecord
                .filter(InboundEventRecord.Columns.channel == channel.rawValue
                    && InboundEventRecord.Columns.externalID == externalID)
                .fetchOne(db)
        }
    }
}
