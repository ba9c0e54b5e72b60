import AmtsboteCore
import Foundation
import GRDB

/// A row of `message`: the log of what citizens, the bot and staff wrote.
public struct MessageRecord: Codable, Sendable, Hashable, FetchableRecord, MutablePersistableRecord {
    public static let databaseTableName = "message"
    public enum Direction: String, Codable, Sendable { case `in`, out }

    public var id: Int64?
    public var conversationID: Int64
    public var caseID: Int64?
    public var direction: Direction
    /// `citizen`, `bot` or `staff:<name>`.
    public var author: String
    /// nil once purged by the retention period.
    public var text: String?
    public var outcome: String?
    public var topic: String?
    public var createdAt: Date

    public enum Columns {
        public static let id = Column(CodingKeys.id)
        public static let conversationID = Column(CodingKeys.conversationID)
        public static let caseID = Column(CodingKeys.caseID)
        public static let direction = Column(CodingKeys.direction)
        public static let author = Column(CodingKeys.author)
        public static let createdAt = Column(CodingKeys.createdAt)
    }

    public init(
        conversationID: Int64, caseID: Int64? = nil, direction: Direction, author: String, text: String?,
        outcome: String? = nil, topic: String? = nil, createdAt: Date
    ) {
        self.conversationID = conversationID
        self.caseID = caseID
        self.direction = direction
        self.author = author
        self.text = text
        self.outcome = outcome
        self.topic = topic
        self.createdAt = createdAt
    }

    public mutating func didInsert(_ inserted: InsertionSuccess) { id = inserted.rowID }

    /// How staff authors begin (`staff:<name>`), for queries such as `LIKE 'staff:%'`.
    public static let staffAuthorPrefix = "staff:"

    /// The author of a message that staff member `name` wrote.
    public static func staffAuthor(_ name: String) -> String { staffAuthorPrefix + name }

    /// The staff member named in `author`, nil for the citizen and the bot.
    public static func staffName(ofAuthor author: String) -> String? {
        author.hasPrefix(staffAuthorPrefix) ? String(author.dropFirst(staffAuthorPrefix.count)) : nil
    }
}
