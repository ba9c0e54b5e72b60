import AmtsboteCore
import AmtsboteStore
import Foundation
import GRDB
import Testing

@Suite struct CaseQueryTests {
    @Test func citizenWaitsUntilStaffReplyNotTheBotsAnswer() async throws {
        let database = try AmtsboteDatabase.inMemory()
        let record = try await database.seedCase(channel: .telegram, sender: "42")
        func botSays(_ text: String) async throws {
            try await database.writer.write { db in
                var message = MessageRecord(
                    conversationID: record.conversationID, caseID: record.id, direction: .out, author: "bot", text: text,
                    createdAt: testNow)
                try message.insert(db)
            }
        }
        try await botSays("Weitergegeben (Nr. \(record.number)).")
        #expect(try await database.listCases(now: testNow).first?.awaitingStaff == true)
        _ = try await database.reply(number: record.number, staff: "anna", text: "Im Bürgerbüro.", now: testNow)
        #expect(try await database.listCases(now: testNow).first?.awaitingStaff == false)
        try await database.seedCase(channel: .telegram, sender: "42", text: "Und wann?")
        try await botSays("Zu Nr. \(record.number) hinzugefügt.")
        #expect(try await database.listCases(now: testNow).first?.awaitingStaff == true)
    }

    @Test func listFiltersAndOrdersOldestFirst() async throws {
        let database = try AmtsboteDatabase.inMemory()
        let hour: TimeInterval = 3600
        let old = try await database.seedCase(channel: .whatsapp, sender: "491", language: "de", at: testNow.addingTimeInterval(-50 * hour))
        let mid = try await database.seedCase(channel: .telegram, sender: "42", language: "en", at: testNow.addingTimeInterval(-5 * hour))
        let new = try await database.seedCase(channel: .messenger, sender: "p1", language: "de", at: testNow.addingTimeInterval(-1 * hour))
        try await database.claim(number: mid.number, staff: "anna")
        try await database.close(number: new.number, staff: "ben")

        let all = try await database.listCases(now: testNow)
        #expect(all.map(\.number) == [old.number, mid.number])
        #expect(all[0].citizenMessages.map(\.text) == ["Wo beantrage ich eine Hundemarke?"])
        #expect(all[0].window == .closed(since: testNow.addingTimeInterval(-26 * hour)))
        #expect(all[1].window == .unlimited)

        func numbers(_ filter: CaseFilter) async throws -> [Int] { try await database.listCases(filter, now: testNow).map(\.number) }
        #expect(try await numbers(CaseFilter(statuses: [.closed])) == [new.number])
        #expect(try await numbers(CaseFilter(statuses: [.open, .closed])) == [old.number, new.number])
        #expect(try await numbers(CaseFilter(channel: .telegram)) == [mid.number])
        #expect(try await numbers(CaseFilter(language: "de")) == [old.number])
        #expect(try await numbers(CaseFilter(olderThan: 24 * hour)) == [old.number])
        #expect(try await numbers(CaseFilter(assignee: "anna")) == [mid.number])
        #expect(try await numbers(CaseFilter(limit: 1)) == [old.number])
    }

    @Test func laterMessagesJoinTheOpenCase() async throws {
        let database = try AmtsboteDatabase.inMemory()
        let first = try await database.seedCase(text: "Frage eins", at: testNow)
        let again = try await database.seedCase(text: "Noch eine Ergänzung", at: testNow.addingTimeInterval(60))
        #expect(again.number == first.number)
        let summary = try #require(try await database.listCases(now: testNow).first)
        #expect(summary.citizenMessages.compactMap(\.text) == ["Frage eins", "Noch eine Ergänzung"])
    }

    @Test func statisticsCountAndMedian() async throws {
        let database = try AmtsboteDatabase.inMemory()
        let a = try await database.seedCase(channel: .telegram, sender: "1", language: "de", at: testNow)
        let b = try await database.seedCase(channel: .telegram, sender: "2", language: "en", at: testNow)
        let c = try await database.seedCase(channel: .webchat, sender: "3", language: "de", at: testNow)
        _ = try await database.seedCase(channel: .api, sender: "4", language: "de", at: testNow)
        _ = try await database.reply(number: a.number, staff: "anna", text: "x", now: testNow.addingTimeInterval(600))
        _ = try await database.reply(number: b.number, staff: "anna", text: "x", now: testNow.addingTimeInterval(1800))
        _ = try await database.reply(number: c.number, staff: "anna", text: "x", now: testNow.addingTimeInterval(7200))
        try await database.close(number: c.number, staff: "anna")
        let stats = try await database.caseStatistics()
        #expect(stats.total == 4 && stats.open == 3 && stats.answered == 3)
        #expect(stats.medianFirstReplySeconds == 1800)
        #expect(stats.byChannel == ["telegram": 2, "webchat": 1, "api": 1])
        #expect(stats.byLanguage == ["de": 3, "en": 1])
        #expect(stats.byStatus == ["open": 1, "claimed": 0, "answered": 2, "closed": 1])
    }

    @Test func refusesMissingFileAndNewerSchema() async throws {
        let file = try TemporaryDatabase()
        defer { file.remove() }
        #expect(throws: DatabaseAccessError.missing(path: file.path)) { try AmtsboteDatabase.openExisting(path: file.path) }
        let database = try file.open()
        try await database.writer.write { db in
            try db.execute(sql: "INSERT INTO grdb_migrations (identifier) VALUES ('v99-from-the-future')")
        }
        #expect(throws: DatabaseAccessError.newerSchema(path: file.path, unknown: ["v99-from-the-future"])) {
            try AmtsboteDatabase.openExisting(path: file.path)
        }
    }

    @Test func refusesFilesThatAreNoAmtsboteDatabaseAndLeavesThemAlone() throws {
        let file = try TemporaryDatabase()
        defer { file.remove() }
        func refused(_ path: String) -> Bool {
            #expect(throws: DatabaseAccessError.notAmtsbote(path: path)) { try AmtsboteDatabase.openExisting(path: path) }
            return true
        }
        // An empty file: it became a fresh Amtsbote database and the queue looked empty.
        let empty = file.folder.appendingPathComponent("empty.sqlite").path
        FileManager.default.createFile(atPath: empty, contents: Data())
        #expect(refused(empty))
        #expect(try Data(contentsOf: URL(fileURLWithPath: empty)).isEmpty)
        // Another application's database: it got all of Amtsbote's tables added.
        let other = file.folder.appendingPathComponent("other.sqlite").path
        try DatabaseQueue(path: other).write { db in try db.execute(sql: "CREATE TABLE invoice(id INTEGER PRIMARY KEY)") }
        #expect(refused(other))
        #expect(try DatabaseQueue(path: other).read { db in
            try !db.tableExists("grdb_migrations") && String.fetchOne(db, sql: "PRAGMA journal_mode") == "delete"
        })
        // Text, and a folder.
        let text = file.folder.appendingPathComponent("notes.txt").path
        FileManager.default.createFile(atPath: text, contents: Data(String(repeating: "Keine Datenbank. ", count: 100).utf8))
        #expect(refused(text))
        #expect(refused(file.folder.path))
    }

    @Test func manyWritersLoseAndDuplicateNothing() async throws {
        let file = try TemporaryDatabase()
        defer { file.remove() }
        let server = try file.open()
        let staffA = try file.open()
        let staffB = try file.open()
        let citizens = 40
        let messagesEach = 3
        try await withThrowingTaskGroup(of: Void.self) { group in
            // The server: each citizen writes several questions that escalate, concurrently.
            for citizen in 0..<citizens {
                group.addTask {
                    for message in 0..<messagesEach {
                        try await server.seedCase(channel: .telegram, sender: "c\(citizen)", text: "Frage \(message)")
                    }
                }
            }
            // Two staff members work the queue at the same time from their own connections.
            for (database, name) in [(staffA, "anna"), (staffB, "ben")] {
                group.addTask {
                    for _ in 0..<30 {
                        for summary in try await database.listCases(CaseFilter(statuses: [.open])) {
                            do {
                                try await database.claim(number: summary.number, staff: name)
                                _ = try await database.reply(number: summary.number, staff: name, text: "Antwort von \(name)")
                            } catch is CaseError {}  // the colleague was faster
                        }
                        try await Task.sleep(for: .milliseconds(2))
                    }
                }
            }
            try await group.waitForAll()
        }
        let check = try file.open()
        let (cases, numbers, inbound, unattached, doubleReplies) = try await check.writer.read { db in
            (
                try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM escalationCase")!,
                try Int.fetchAll(db, sql: "SELECT number FROM escalationCase ORDER BY number"),
                try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM message WHERE direction = 'in'")!,
                try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM message WHERE direction = 'in' AND caseID IS NULL")!,
                try Int.fetchOne(db, sql: """
                    SELECT COUNT(*) FROM (SELECT caseID FROM outboxEntry GROUP BY caseID
                    HAVING COUNT(DISTINCT substr(reply, 1, 200)) > 1 AND COUNT(*) > 1)
                    """)!
            )
        }
        // One case per citizen (later questions join the open case; after a reply it stays open as `answered`).
        #expect(cases == citizens)
        #expect(numbers == Array(AmtsboteDatabase.firstCaseNumber..<(AmtsboteDatabase.firstCaseNumber + citizens)))
        #expect(inbound == citizens * messagesEach)
        #expect(unattached == 0)
        // A case was answered by at most one of the two staff members (the claim decided who).
        #expect(doubleReplies == 0)
    }
}
