import AmtsboteCore
import Foundation
import GRDB

extension AmtsboteDatabase {
    /// Appends a message to the log, inside a write.
    @discardableResult
    public static func appendMessage(_ db: Database, _ message: MessageRecord) throws -> MessageRecord {
        var message = message
        try message.insert(db)
        return message
    }

    /// Messages sent to a conversation (bot and staff) after the message with id `after`, oldest first.
    /// The web chat polls this for staff replies.
    public func outgoingMessages(conversationID: Int64, after: Int64, limit: Int = 50) async throws -> [MessageRecord] {
        typealias C = MessageRecord.Columns
        return try await writer.read { db in
            try MessageRecord
                .filter(C.conversationID == conversationID && C.direction == MessageRecord.Direction.out.rawValue && C.id > after)
                .order(C.id)
                .limit(limit)
                .fetchAll(db)
        }
    }

    /// All messages of a conversation, oldest first.
    public func messages(conversationID: Int64) async throws -> [MessageRecord] {
        try await writer.read { db in
            try MessageRecord
                .filter(MessageRecord.Columns.conversationID == conversationID)
                .order(MessageRecord.Columns.id)
                .fetchAll(db)
        }
    }
}
