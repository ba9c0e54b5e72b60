import AmtsboteCore
import Foundation
import GRDB

/// A row of `conversation`: one citizen on one channel.
public struct ConversationRecord: Codable, Sendable, Hashable, FetchableRecord, MutablePersistableRecord {
    public static let databaseTableName = "conversation"
    public var id: Int64?
    public var channel: Channel
    public var senderID: String
    public var language: String?
    /// JSON of `ConversationState`.
    public var state: String
    /// JSON of `ReplyAddress`.
    public var address: String
    public var createdAt: Date
    public var lastInboundAt: Date?
    public var lastMessageAt: Date

    public enum Columns {
        public static let id = Column(CodingKeys.id)
        public static let channel = Column(CodingKeys.channel)
        public static let senderID = Column(CodingKeys.senderID)
        public static let lastMessageAt = Column(CodingKeys.lastMessageAt)
    }

    public init(channel: Channel, senderID: String, now: Date) {
        self.channel = channel
        self.senderID = senderID
        self.state = "{}"
        self.address = "{}"
        self.createdAt = now
        self.lastMessageAt = now
    }

    public mutating func didInsert(_ inserted: InsertionSuccess) { id = inserted.rowID }

    /// The decoded dialogue state (empty when missing or unreadable).
    public var dialogueState: ConversationState {
        get { (try? JSONDecoder().decode(ConversationState.self, from: Data(state.utf8))) ?? ConversationState() }
        set { state = String(decoding: (try? JSONEncoder().encode(newValue)) ?? Data("{}".utf8), as: UTF8.self) }
    }

    /// The dialogue state for a message arriving at `now`: a choice or topic from before a long
    /// pause (`ConversationState.contextLifetime`) is forgotten.
    public func dialogueState(at now: Date) -> ConversationState {
        dialogueState.resumed(afterIdle: now.timeIntervalSince(lastMessageAt))
    }

    /// The decoded reply address.
    public var replyAddress: ReplyAddress {
        get { (try? JSONDecoder().decode(ReplyAddress.self, from: Data(address.utf8))) ?? ReplyAddress() }
        set { address = String(decoding: (try? JSONEncoder().encode(newValue)) ?? Data("{}".utf8), as: UTF8.self) }
    }
}
