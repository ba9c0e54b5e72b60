import AmtsboteCore
import Foundation
import GRDB

/// A row of `escalationCase`: a question for staff, with the number the citizen is told.
public struct EscalationCaseRecord: Codable, Sendable, Hashable, FetchableRecord, MutablePersistableRecord {
    public static let databaseTableName = "escalationCase"
    public enum Status: String, Codable, Sendable, CaseIterable { case open, claimed, answered, closed }

    public var id: Int64?
    public var number: Int
    public var conversationID: Int64
    public var channel: Channel
    public var senderID: String
    public var language: String
    public var reason: EscalationReason
    /// JSON of `[ScoredTopic]`: the matcher's best candidates.
    public var candidates: String
    public var status: Status
    public var assignee: String?
    public var createdAt: Date
    public var updatedAt: Date
    public var claimedAt: Date?
    public var firstReplyAt: Date?
    public var closedAt: Date?

    public enum Columns {
        public static let id = Column(CodingKeys.id)
        public static let number = Column(CodingKeys.number)
        public static let conversationID = Column(CodingKeys.conversationID)
        public static let channel = Column(CodingKeys.channel)
        public static let senderID = Column(CodingKeys.senderID)
        public static let language = Column(CodingKeys.language)
        public static let status = Column(CodingKeys.status)
        public static let assignee = Column(CodingKeys.assignee)
        public static let createdAt = Column(CodingKeys.createdAt)
    }

    public mutating func didInsert(_ inserted: InsertionSuccess) { id = inserted.rowID }
}

/// A row of `caseNote`: an internal staff note on a case (never sent to the citizen).
public struct CaseNoteRecord: Codable, Sendable, Hashable, FetchableRecord, MutablePersistableRecord {
    public static let databaseTableName = "caseNote"
    public var id: Int64?
    public var caseID: Int64
    public var author: String
    public var text: String
    public var createdAt: Date

    public enum Columns {
        public static let caseID = Column(CodingKeys.caseID)
    }

    public init(caseID: Int64, author: String, text: String, createdAt: Date) {
        self.caseID = caseID
        self.author = author
        self.text = text
        self.createdAt = createdAt
    }

    public mutating func didInsert(_ inserted: InsertionSuccess) { id = inserted.rowID }
}
