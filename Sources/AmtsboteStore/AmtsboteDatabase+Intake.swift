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
        return try await writer.write { db in try Self.storeInbound(db, messages, now: now) }
    }

    /// The transactional body of `storeInbound`, for callers already inside a write.
    public static func storeInbound(_ db: Database, _ messages: [InboundMessage], now: Date) throws -> [Int64] {
        var ids: [Int64] = []
        for message in messages {
            var record = InboundEventRecord(message: message, now: now)
            try record.insert(db, onConflict: .ignore)
            if db.changesCount > 0, let id = record.id { ids.append(id) }
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

    /// The event still pending with this id, inside a write (nil when already processed).
    public static func claimPendingEvent(_ db: Database, id: Int64) throws -> InboundEventRecord? {
        guard var event = try InboundEventRecord.fetchOne(db, key: id), event.status == .pending else { return nil }
        event.attempts += 1
        try event.update(db)
        return event
    }

    /// Marks an event done (or failed for good), inside a write.
    public static func finishEvent(_ db: Database, id: Int64, status: InboundEventRecord.Status, now: Date) throws {
        try db.execute(
            sql: "UPDATE inboundEvent SET status = ?, processedAt = ? WHERE id = ?",
            arguments: [status.rawValue, now, id])
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
