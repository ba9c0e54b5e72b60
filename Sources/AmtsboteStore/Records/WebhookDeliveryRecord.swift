import Foundation
import GRDB

/// A row of `webhookDelivery`: a verified webhook body exactly as it arrived, stored before the
/// platform gets its 200 and expanded into inbound events by the background processor.
public struct WebhookDeliveryRecord: Codable, Sendable, Hashable, FetchableRecord, MutablePersistableRecord {
    public static let databaseTableName = "webhookDelivery"
    /// Which endpoint received the body, and so how to read it.
    public enum Source: String, Codable, Sendable { case meta, telegram }

    public var id: Int64?
    public var source: Source
    public var body: Data
    /// Stored as Unix time (a number), which GRDB reads back as a date.
    public var receivedAt: Date

    public enum Columns {
        public static let id = Column(CodingKeys.id)
        public static let source = Column(CodingKeys.source)
        public static let body = Column(CodingKeys.body)
        public static let receivedAt = Column(CodingKeys.receivedAt)
    }

    public init(source: Source, body: Data, receivedAt: Date) {
        self.source = source
        self.body = body
        self.receivedAt = receivedAt
    }

    public func encode(to container: inout PersistenceContainer) {
        container[Columns.id] = id
        container[Columns.source] = source.rawValue
        container[Columns.body] = body
        container[Columns.receivedAt] = receivedAt.timeIntervalSince1970
    }

    public mutating func didInsert(_ inserted: InsertionSuccess) { id = inserted.rowID }
}
