import AmtsboteCore
import Foundation
import GRDB

/// A row of `outboxEntry`: a reply waiting to be delivered (or its delivery outcome).
public struct OutboxEntryRecord: Codable, Sendable, Hashable, FetchableRecord, MutablePersistableRecord {
    public static let databaseTableName = "outboxEntry"
    public enum Status: String, Codable, Sendable { case pending, sent, failed }

    public var id: Int64?
    public var conversationID: Int64
    public var caseID: Int64?
    public var channel: Channel
    /// JSON of `BotReply`.
    public var reply: String
    /// Platform message tag (e.g. `HUMAN_AGENT`), when the reply is sent outside the standard window.
    public var tag: String?
    public var status: Status
    public var attempts: Int
    /// Parts of the (split) reply already confirmed by the platform.
    public var partsSent: Int
    public var nextAttemptAt: Date
    public var lastError: String?
    public var createdAt: Date
    public var sentAt: Date?
    /// Set while a send is in flight: still set after a crash, it marks a part the platform may
    /// have received although its confirmation was never recorded.
    public var sendStartedAt: Date?
    /// Held for the platform's confirmation of a part it may have received: due only once the
    /// webhook bodies received before `nextAttemptAt` are read (see `dueOutboxEntries`).
    public var awaitsConfirmation: Bool

    public enum Columns {
        public static let id = Column(CodingKeys.id)
        public static let conversationID = Column(CodingKeys.conversationID)
        public static let status = Column(CodingKeys.status)
        public static let nextAttemptAt = Column(CodingKeys.nextAttemptAt)
    }

    public init(conversationID: Int64, caseID: Int64? = nil, channel: Channel, reply: BotReply, tag: String? = nil, now: Date) {
        self.conversationID = conversationID
        self.caseID = caseID
        self.channel = channel
        self.reply = String(decoding: (try? JSONEncoder().encode(reply)) ?? Data(), as: UTF8.self)
        self.tag = tag
        self.status = .pending
        self.attempts = 0
        self.partsSent = 0
        self.nextAttemptAt = now
        self.createdAt = now
        self.awaitsConfirmation = false
    }

    public mutating func didInsert(_ inserted: InsertionSuccess) { id = inserted.rowID }

    /// The decoded reply.
    public func botReply() throws -> BotReply {
        try JSONDecoder().decode(BotReply.self, from: Data(reply.utf8))
    }
}
