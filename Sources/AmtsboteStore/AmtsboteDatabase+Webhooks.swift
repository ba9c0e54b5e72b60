import Foundation
import GRDB

extension AmtsboteDatabase {
    /// Stores one verified webhook body, inside a write the caller (a group commit) holds.
    /// - Returns: the row id.
    public static func storeWebhookDelivery(_ db: Database, _ record: WebhookDeliveryRecord) throws -> Int64 {
        try db.cachedStatement(sql: "INSERT INTO webhookDelivery (source, body, receivedAt) VALUES (?, ?, ?)")
            .execute(arguments: [record.source.rawValue, record.body, record.receivedAt.timeIntervalSince1970])
        return db.lastInsertedRowID
    }

    /// Stores one verified webhook body in its own transaction (tools and tests).
    @discardableResult
    public func storeWebhookDelivery(_ source: WebhookDeliveryRecord.Source, body: Data, now: Date = Date()) async throws -> Int64 {
        let record = WebhookDeliveryRecord(source: source, body: body, receivedAt: now)
        return try await writer.write { db in try Self.storeWebhookDelivery(db, record) }
    }

    /// Stored bodies not expanded yet, oldest first.
    public func pendingWebhookDeliveries(limit: Int = 100) async throws -> [WebhookDeliveryRecord] {
        try await writer.read { db in
            try WebhookDeliveryRecord.order(WebhookDeliveryRecord.Columns.id).limit(limit).fetchAll(db)
        }
    }

    /// Replaces expanded bodies by their events in one transaction: the events are inserted
    /// (a platform id seen before is skipped by the unique key), the platform's confirmations and
    /// echoes of sent replies recorded, and the bodies deleted. Safe to run twice for the same bodies, e.g.
    /// by the server and a CLI tool at once.
    /// - Returns: the ids of the newly stored events.
    @discardableResult
    public func expandWebhookDeliveries(
        _ deliveryIDs: [Int64], into events: [InboundEventRecord], confirming confirmations: [OutboxPartConfirmation] = [],
        echoes: [EchoedPart] = []
    ) async throws -> [Int64] {
        try await writer.write { db in
            let ids = try Self.storeInbound(db, events)
            try Self.confirmOutboxParts(db, confirmations)
            try Self.confirmEchoedParts(db, echoes)
            try WebhookDeliveryRecord.deleteAll(db, keys: deliveryIDs)
            return ids
        }
    }
}
