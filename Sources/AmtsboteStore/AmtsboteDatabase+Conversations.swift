import AmtsboteCore
import Foundation
import GRDB

extension AmtsboteDatabase {
    /// The conversation of this channel and sender, created when missing, inside a write.
    public static func conversation(_ db: Database, channel: Channel, senderID: String, now: Date) throws -> ConversationRecord {
        // A cached statement: this runs for every processed message.
        let select = try db.cachedStatement(sql: "SELECT * FROM conversation WHERE channel = ? AND senderID = ?")
        if let existing = try ConversationRecord.fetchOne(select, arguments: [channel.rawValue, senderID]) {
            return existing
        }
        var record = ConversationRecord(channel: channel, senderID: senderID, now: now)
        try record.insert(db)
        return record
    }

    /// The conversation of this channel and sender, if any.
    public func conversation(channel: Channel, senderID: String) async throws -> ConversationRecord? {
        try await writer.read { db in
            try ConversationRecord
                .filter(ConversationRecord.Columns.channel == channel.rawValue
                    && ConversationRecord.Columns.senderID == senderID)
                .fetchOne(db)
        }
    }

    /// Whether staff have written to the citizen in this case (a reply sent from the queue).
    public static func staffReplied(_ db: Database, caseID: Int64) throws -> Bool {
        try MessageRecord
            .filter(MessageRecord.Columns.caseID == caseID && MessageRecord.Columns.author.like(MessageRecord.staffAuthorPrefix + "%"))
            .isEmpty(db) == false
    }

    /// The open (not closed) case of a conversation, if any, inside a read or write.
    public static func openCase(_ db: Database, conversationID: Int64) throws -> EscalationCaseRecord? {
        typealias C = EscalationCaseRecord.Columns
        return try EscalationCaseRecord
            .filter(C.conversationID == conversationID && C.status != EscalationCaseRecord.Status.closed.rawValue)
            .order(C.id.desc)
            .fetchOne(db)
    }
}
