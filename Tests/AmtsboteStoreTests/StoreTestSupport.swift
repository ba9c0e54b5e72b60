import AmtsboteCore
import AmtsboteStore
import Foundation
import GRDB

/// A real SQLite file in its own temporary folder, removed when the test is done.
struct TemporaryDatabase {
    let folder: URL
    var path: String { folder.appendingPathComponent("amtsbote.sqlite").path }

    init() throws {
        folder = FileManager.default.temporaryDirectory.appendingPathComponent("amtsbote-test-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
    }

    /// Opens a new pool on the file (each call is like another process).
    func open() throws -> AmtsboteDatabase { try AmtsboteDatabase.open(path: path) }

    func remove() { try? FileManager.default.removeItem(at: folder) }
}

/// A fixed clock for tests: 27 Nov 2026, 12:00 UTC.
let testNow = Date(timeIntervalSince1970: 1_795_780_800)

extension AmtsboteDatabase {
    /// What the server does for a question it cannot answer: conversation, logged message, case.
    @discardableResult
    func seedCase(
        channel: Channel = .telegram, sender: String = "987654321", text: String = "Wo beantrage ich eine Hundemarke?",
        language: String = "de", at date: Date = testNow, reason: EscalationReason = .noMatch
    ) async throws -> EscalationCaseRecord {
        try await writer.write { db in
            var conversation = try ConversationRecord
                .filter(ConversationRecord.Columns.channel == channel.rawValue && ConversationRecord.Columns.senderID == sender)
                .fetchOne(db) ?? ConversationRecord(channel: channel, senderID: sender, now: date)
            conversation.lastInboundAt = date
            conversation.lastMessageAt = date
            conversation.language = language
            try conversation.save(db)
            var message = MessageRecord(
                conversationID: conversation.id!, direction: .in, author: "citizen", text: text, outcome: "escalate",
                createdAt: date)
            try message.insert(db)
            return try Self.escalate(
                db, conversationID: conversation.id!, messageID: message.id, reason: reason,
                candidates: [ScoredTopic(id: "hundesteuer", score: 0.31)], language: language, now: date
            ).case
        }
    }

    func count(_ table: String) throws -> Int {
        try writer.read { db in try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM \(table)") ?? 0 }
    }
}
