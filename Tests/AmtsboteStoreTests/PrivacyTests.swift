import AmtsboteCore
import AmtsboteStore
import Foundation
import GRDB
import Testing

@Suite struct PrivacyTests {
    /// Every table that can hold something about a citizen.
    static let tables = ["conversation", "inboundEvent", "escalationCase", "caseNote", "message", "outboxEntry"]

    @Test func forgetLeavesNothingAboutTheCitizen() async throws {
        let file = try TemporaryDatabase()
        defer { file.remove() }
        let database = try file.open()
        let secret = "Mein Nachbar Zacharias-Quendel lärmt"
        let record = try await database.seedCase(channel: .whatsapp, sender: "4915199999999", text: secret)
        try await database.addNote(number: record.number, staff: "anna", text: "Zacharias-Quendel anrufen")
        _ = try await database.reply(number: record.number, staff: "anna", text: "Wir kümmern uns, Zacharias-Quendel.", now: testNow)
        try await database.writer.write { db in
            var event = InboundEventRecord(
                message: InboundMessage(channel: .whatsapp, senderID: "4915199999999", externalID: "wamid.1", text: secret), now: testNow)
            try event.insert(db)
        }
        let other = try await database.seedCase(channel: .whatsapp, sender: "4915100000000", text: "Andere Frage")

        let report = try await database.forget(channel: .whatsapp, senderID: "4915199999999", staff: "anna")
        #expect(report.conversations == 1 && report.cases == 1 && report.notes == 1 && report.inboundEvents == 1)
        #expect(report.messages == 2 && report.outboxEntries == 1)

        let leftovers = try await database.writer.read { db in
            try Self.tables.map { table in
                try Row.fetchAll(db, sql: "SELECT * FROM \(table)").filter { row in
                    row.databaseValues.contains { value in
                        guard let text = String.fromDatabaseValue(value) else { return false }
                        return text.contains("4915199999999") || text.contains("Zacharias")
                    }
                }.count
            }
        }
        #expect(leftovers.allSatisfy { $0 == 0 })
        #expect(try await database.caseDetail(number: other.number).summary.citizenMessages.count == 1)

        // Not even in the file's free pages once the log is checkpointed.
        try await database.writer.writeWithoutTransaction { db in _ = try db.checkpoint(.truncate) }
        let bytes = try Data(contentsOf: URL(fileURLWithPath: file.path))
        #expect(bytes.range(of: Data("Zacharias".utf8)) == nil)
        #expect(bytes.range(of: Data("4915199999999".utf8)) == nil)
    }

    @Test func exportHoldsEverythingAboutTheCitizen() async throws {
        let database = try AmtsboteDatabase.inMemory()
        let record = try await database.seedCase(channel: .telegram, sender: "77", text: "Frage A")
        try await database.addNote(number: record.number, staff: "anna", text: "Notiz")
        _ = try await database.reply(number: record.number, staff: "anna", text: "Antwort", now: testNow)
        _ = try await database.seedCase(channel: .telegram, sender: "78", text: "Fremde Frage")
        let export = try await database.export(channel: .telegram, senderID: "77", staff: "anna", now: testNow)
        #expect(export.conversations.count == 1)
        #expect(export.messages.compactMap(\.text) == ["Frage A", "Antwort"])
        #expect(export.cases.map(\.number) == [record.number])
        #expect(export.notes.map(\.text) == ["Notiz"])
        #expect(export.outboxEntries.count == 1)
        let json = try JSONEncoder().encode(export)
        #expect(!String(decoding: json, as: UTF8.self).contains("Fremde Frage"))

        // For the citizen's copy, what the records keep as JSON text is nested as JSON.
        let readable = try export.readableJSON()
        let object = try #require(try JSONSerialization.jsonObject(with: readable) as? [String: Any])
        let conversation = try #require((object["conversations"] as? [[String: Any]])?.first)
        #expect(conversation["state"] is [String: Any] && conversation["address"] is [String: Any], "\(conversation)")
        #expect((object["cases"] as? [[String: Any]])?.first?["candidates"] is [Any])
        let reply = try #require((object["outboxEntries"] as? [[String: Any]])?.first?["reply"] as? [String: Any])
        #expect("\(reply)".contains("Antwort"), "\(reply)")
        #expect((object["messages"] as? [[String: Any]])?.compactMap { $0["text"] as? String } == ["Frage A", "Antwort"])
        #expect(!String(decoding: readable, as: UTF8.self).contains(#"\""#))
    }

    @Test func purgeAppliesTheRetentionPeriod() async throws {
        let database = try AmtsboteDatabase.inMemory()
        let day: TimeInterval = 86400
        let long = testNow.addingTimeInterval(-120 * day)
        // Closed long ago: deleted. Open but old: kept with its text. Recent: untouched.
        let closedOld = try await database.seedCase(channel: .telegram, sender: "old-closed", text: "alt geschlossen", at: long)
        try await database.close(number: closedOld.number, staff: "anna", now: long.addingTimeInterval(day))
        let openOld = try await database.seedCase(channel: .telegram, sender: "old-open", text: "alt offen", at: long)
        let recent = try await database.seedCase(channel: .telegram, sender: "recent", text: "neu", at: testNow.addingTimeInterval(-day))
        // A plain conversation without a case, last message long ago: deleted.
        try await database.writer.write { db in
            var conversation = ConversationRecord(channel: .webchat, senderID: "visitor", now: long)
            try conversation.insert(db)
            var message = MessageRecord(conversationID: conversation.id!, direction: .in, author: "citizen", text: "Hallo", createdAt: long)
            try message.insert(db)
        }

        let report = try await database.purgeExpired(retentionDays: 90, now: testNow)
        #expect(report.cases == 1)
        #expect(report.conversations == 2)  // the closed case's conversation and the visitor's
        let remaining = try await database.listCases(CaseFilter(statuses: Set(EscalationCaseRecord.Status.allCases)), now: testNow)
        #expect(remaining.map(\.number) == [openOld.number, recent.number])
        #expect(remaining[0].citizenMessages.compactMap(\.text) == ["alt offen"])
        #expect(try database.count("conversation") == 2)

        let again = try await database.purgeExpired(retentionDays: 90, now: testNow)
        #expect(again.isEmpty)
    }

    @Test func erasedTextLeavesNoTraceInTheDatabaseFileOrItsWriteAheadLog() async throws {
        let file = try TemporaryDatabase()
        defer { file.remove() }
        // As the server opens it: no automatic checkpoints, so the log keeps every page written.
        let database = try AmtsboteDatabase.open(path: file.path, backgroundCheckpoints: true)
        let marker = "WALMARKER-Quendelweg-17"
        _ = try await database.seedCase(channel: .telegram, sender: "wal", text: marker)
        _ = try await database.seedCase(channel: .telegram, sender: "other", text: "Andere Frage")
        func traces() throws -> Int {
            try [file.path, file.path + "-wal"].filter { path in
                guard let data = FileManager.default.contents(atPath: path) else { return false }
                return data.range(of: Data(marker.utf8)) != nil
            }.count
        }
        #expect(try traces() > 0)
        _ = try await database.forget(channel: .telegram, senderID: "wal", staff: "anna")
        // The old pages stayed in the -wal file for as long as the server ran.
        #expect(try traces() == 0)
        #expect(try await database.listCases().count == 1)
    }

    @Test func purgeTreatsAnsweredCasesIdleSinceTheCutoffAsDone() async throws {
        let database = try AmtsboteDatabase.inMemory()
        let day: TimeInterval = 86400
        let long = testNow.addingTimeInterval(-120 * day)
        // Answered long ago and never closed: its texts were kept for good.
        let idle = try await database.seedCase(channel: .telegram, sender: "idle", text: "alt beantwortet", at: long)
        _ = try await database.reply(number: idle.number, staff: "anna", text: "Antwort", now: long.addingTimeInterval(day))
        let active = try await database.seedCase(channel: .telegram, sender: "active", text: "noch im Gespräch", at: long)
        _ = try await database.reply(number: active.number, staff: "anna", text: "Antwort", now: testNow.addingTimeInterval(-day))
        let report = try await database.purgeExpired(retentionDays: 90, now: testNow)
        #expect(report.cases == 1)
        let remaining = try await database.listCases(CaseFilter(statuses: Set(EscalationCaseRecord.Status.allCases)), now: testNow)
        #expect(remaining.map(\.number) == [active.number])
    }

    @Test func purgeDropsWebhookBodiesNeverReadWithinTheRetentionPeriod() async throws {
        let database = try AmtsboteDatabase.inMemory()
        try await database.storeWebhookDelivery(.meta, body: Data("{}".utf8), now: testNow.addingTimeInterval(-91 * 86400))
        let fresh = try await database.storeWebhookDelivery(.meta, body: Data("[]".utf8), now: testNow.addingTimeInterval(-60))
        let report = try await database.purgeExpired(retentionDays: 90, now: testNow)
        #expect(report.inboundEvents == 1)
        let left = try await database.pendingWebhookDeliveries()
        #expect(left.map(\.id) == [fresh])
        #expect(abs(try #require(left.first).receivedAt.timeIntervalSince(testNow.addingTimeInterval(-60))) < 0.001)
    }
}
