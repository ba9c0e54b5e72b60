import AmtsboteCore
import Foundation
import GRDB

/// A row of `inboundEvent`: an accepted webhook event, processed from storage.
public struct InboundEventRecord: Codable, Sendable, Hashable, FetchableRecord, MutablePersistableRecord {
    public static let databaseTableName = "inboundEvent"
    public enum Status: String, Codable, Sendable { case pending, processed, failed }

    public var id: Int64?
    public var channel: Channel
    public var externalID: String
    public var senderID: String
    /// JSON of `InboundMessage`.
    public var payload: String
    public var status: Status
    public var attempts: Int
    public var receivedAt: Date
    public var processedAt: Date?

    public enum Columns {
        public static let id = Column(CodingKeys.id)
        public static let channel = Column(CodingKeys.channel)
        public static let externalID = Column(CodingKeys.externalID)
        public static let senderID = Column(CodingKeys.senderID)
        public static let status = Column(CodingKeys.status)
        public static let receivedAt = Column(CodingKeys.receivedAt)
    }

    public init(message: InboundMessage, now: Date) {
        self.channel = message.channel
        self.externalID = message.externalID
        self.senderID = message.senderID
        self.payload = String(decoding: (try? JSONEncoder().encode(message)) ?? Data(), as: UTF8.self)
        self.status = .pending
        self.attempts = 0
        self.receivedAt = now
    }

    public mutating func didInsert(_ inserted: InsertionSuccess) { id = inserted.rowID }

    /// The decoded message.
    public func message() throws -> InboundMessage {
        try JSONDecoder().decode(InboundMessage.self, from: Data(payload.utf8))
    }
}
