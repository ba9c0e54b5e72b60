import AmtsboteCore
import Foundation
import GRDB

extension AmtsboteDatabase {
    /// Opens a case for a conversation, or joins the open one: a later message in the same
    /// conversation belongs to the case that is not yet closed, which takes the message's reason
    /// when that weighs more (`EscalationReason.precedence`). One transaction, so two
    /// escalations at once cannot open two cases or take the same number.
    /// - Parameter messageID: the citizen's message to attach to the case, if logged.
    /// - Returns: the case and whether it was newly opened.
    public func escalate(
        conversationID: Int64, messageID: Int64?, reason: EscalationReason, candidates: [ScoredTopic],
        language: String, now: Date = Date()
    ) async throws -> (case: EscalationCaseRecord, opened: Bool) {
        try await writer.write { db in
            try Self.escalate(
                db, conversationID: conversationID, messageID: messageID, reason: reason, candidates: candidates,
                language: language, now: now)
        }
    }

    /// The transactional body of `escalate`, for callers already inside a write.
    public static func escalate(
        _ db: Database, conversationID: Int64, messageID: Int64?, reason: EscalationReason, candidates: [ScoredTopic],
        language: String, now: Date
    ) throws -> (case: EscalationCaseRecord, opened: Bool) {
        if var existing = try openCase(db, conversationID: conversationID) {
            existing.updatedAt = now
            if reason.precedence > existing.reason.precedence { existing.reason = reason }
            try existing.update(db)
            if let messageID {
                try db.execute(sql: "UPDATE message SET caseID = ? WHERE id = ?", arguments: [existing.id, messageID])
            }
            return (existing, false)
        }
        guard let conversation = try ConversationRecord.fetchOne(db, key: conversationID) else {
            throw StoreError.notFound("conversation \(conversationID)")
        }
        let number = try nextCaseNumber(db)
        let candidatesJSON = String(decoding: (try? JSONEncoder().encode(candidates)) ?? Data("[]".utf8), as: UTF8.self)
        var record = EscalationCaseRecord(
            id: nil, number: number, conversationID: conversationID,
            channel: conversation.channel, senderID: conversation.senderID, language: language, reason: reason,
            candidates: candidatesJSON, status: .open, assignee: nil, createdAt: now, updatedAt: now)
        try record.insert(db)
        if let messageID {
            try db.execute(sql: "UPDATE message SET caseID = ? WHERE id = ?", arguments: [record.id, messageID])
        }
        return (record, true)
    }

    /// Case numbers start here, so citizens get short but not tiny numbers ("Anfrage Nr. 1001").
    public static let firstCaseNumber = 1001

    /// The next case number: never one handed out before, also when that case was erased (a
    /// citizen may still quote it). Past the newest case too, should the counter lag behind.
    static func nextCaseNumber(_ db: Database) throws -> Int {
        try db.execute(sql: """
            UPDATE caseNumberCounter
            SET last = MAX(last, ?, (SELECT COALESCE(MAX(number), 0) FROM escalationCase)) + 1
            """, arguments: [firstCaseNumber - 1])
        return try Int.fetchOne(db, sql: "SELECT last FROM caseNumberCounter") ?? firstCaseNumber
    }
}

/// Errors of the store, mapped to HTTP or CLI messages at the edges.
public enum StoreError: Error, CustomStringConvertible, Equatable {
    case notFound(String)
    case conflict(String)

    public var description: String {
        switch self {
        case .notFound(let what): return "\(what) not found"
        case .conflict(let what): return what
        }
    }
}
