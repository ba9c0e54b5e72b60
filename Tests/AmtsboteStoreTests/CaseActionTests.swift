import AmtsboteCore
import AmtsboteStore
import Foundation
import GRDB
import Testing

@Suite struct CaseActionTests {
    @Test func concurrentClaimsFromTwoPoolsHaveExactlyOneWinner() async throws {
        let file = try TemporaryDatabase()
        defer { file.remove() }
        let server = try file.open()
        let staffTool = try file.open()
        let record = try await server.seedCase()

        let outcomes = await withTaskGroup(of: Result<String, any Error>.self) { group in
            for index in 0..<12 {
                let database = index.isMultiple(of: 2) ? server : staffTool
                let name = "staff\(index)"
                group.addTask {
                    do {
                        _ = try await database.claim(number: record.number, staff: name, now: testNow)
                        return .success(name)
                    } catch {
                        return .failure(error)
                    }
                }
            }
            var results: [Result<String, any Error>] = []
            for await result in group { results.append(result) }
            return results
        }
        let winners = outcomes.compactMap { try? $0.get() }
        #expect(winners.count == 1)
        let winner = try #require(winners.first)
        for case .failure(let error) in outcomes {
            #expect(error as? CaseError == .claimedByOther(number: record.number, assignee: winner))
        }
        let stored = try await staffTool.caseDetail(number: record.number, now: testNow).summary.record
        #expect(stored.assignee == winner)
        #expect(stored.status == .claimed)
    }

    @Test func claimUnclaimAndForce() async throws {
        let database = try AmtsboteDatabase.inMemory()
        let record = try await database.seedCase()
        try await database.claim(number: record.number, staff: "anna")
        try await database.claim(number: record.number, staff: "anna")  // again: fine
        await #expect(throws: CaseError.claimedByOther(number: record.number, assignee: "anna")) {
            try await database.unclaim(number: record.number, staff: "ben")
        }
        let taken = try await database.claim(number: record.number, staff: "ben", force: true)
        #expect(taken.assignee == "ben")
        let released = try await database.unclaim(number: record.number, staff: "ben")
        #expect(released.assignee == nil && released.status == .open)
        await #expect(throws: CaseError.notFound(number: 99)) { try await database.claim(number: 99, staff: "anna") }
    }

    @Test func replyQueuesOutboxEntryLogsMessageAndMarksAnswered() async throws {
        let database = try AmtsboteDatabase.inMemory()
        let record = try await database.seedCase(channel: .messenger, sender: "psid-1", at: testNow)
        let receipt = try await database.reply(
            number: record.number, staff: "anna", text: "Die Hundemarke gibt es im Bürgerbüro.",
            now: testNow.addingTimeInterval(3600)
        ) { text, language in "[\(language)] \(text)" }
        #expect(receipt.tag == nil)
        #expect(receipt.channel == .messenger)
        let entry = try await database.writer.read { db in try OutboxEntryRecord.fetchOne(db, key: receipt.outboxID) }
        let outbox = try #require(entry)
        #expect(outbox.channel == .messenger && outbox.caseID == record.id && outbox.status == .pending)
        #expect(try outbox.botReply().text == "[de] Die Hundemarke gibt es im Bürgerbüro.")
        let detail = try await database.caseDetail(number: record.number, now: testNow)
        #expect(detail.summary.record.status == .answered)
        #expect(detail.summary.record.assignee == "anna")
        #expect(detail.summary.record.firstReplyAt == testNow.addingTimeInterval(3600))
        #expect(detail.conversation.last?.author == "staff:anna")
        #expect(detail.conversation.last?.text == "Die Hundemarke gibt es im Bürgerbüro.")
        #expect(detail.summary.awaitingStaff == false)
    }

    struct WindowCase: Sendable, CustomTestStringConvertible {
        var channel: Channel
        var hoursLater: Double
        var allowed: Bool
        var tag: String?
        var testDescription: String { "\(channel.rawValue) after \(hoursLater) h" }
    }

    static let windowCases: [WindowCase] = [
        WindowCase(channel: .messenger, hoursLater: 23, allowed: true, tag: nil),
        WindowCase(channel: .messenger, hoursLater: 25, allowed: true, tag: "HUMAN_AGENT"),
        WindowCase(channel: .instagram, hoursLater: 6 * 24, allowed: true, tag: "HUMAN_AGENT"),
        WindowCase(channel: .messenger, hoursLater: 7 * 24 + 1, allowed: false, tag: nil),
        WindowCase(channel: .whatsapp, hoursLater: 23, allowed: true, tag: nil),
        WindowCase(channel: .whatsapp, hoursLater: 25, allowed: false, tag: nil),
        WindowCase(channel: .telegram, hoursLater: 90 * 24, allowed: true, tag: nil),
        WindowCase(channel: .webchat, hoursLater: 30 * 24, allowed: true, tag: nil),
    ]

    @Test(arguments: windowCases)
    func replyWindowDecidesTagOrRefusal(_ example: WindowCase) async throws {
        let (channel, hoursLater, allowed, tag) = (example.channel, example.hoursLater, example.allowed, example.tag)
        let database = try AmtsboteDatabase.inMemory()
        let record = try await database.seedCase(channel: channel, sender: "s-\(channel.rawValue)", at: testNow)
        let later = testNow.addingTimeInterval(hoursLater * 3600)
        if allowed {
            let receipt = try await database.reply(number: record.number, staff: "anna", text: "Antwort", now: later)
            #expect(receipt.tag == tag)
        } else {
            await #expect(throws: CaseError.self) {
                try await database.reply(number: record.number, staff: "anna", text: "Antwort", now: later)
            }
            #expect(try database.count("outboxEntry") == 0)
            #expect(try database.count("message") == 1)
            let status = try await database.caseDetail(number: record.number, now: later).summary.record.status
            #expect(status == .open)
        }
    }

    @Test func replyRefusedForOthersCaseAndClosedCase() async throws {
        let database = try AmtsboteDatabase.inMemory()
        let record = try await database.seedCase()
        try await database.claim(number: record.number, staff: "anna")
        await #expect(throws: CaseError.claimedByOther(number: record.number, assignee: "anna")) {
            try await database.reply(number: record.number, staff: "ben", text: "Hallo", now: testNow)
        }
        _ = try await database.reply(number: record.number, staff: "ben", text: "Hallo", force: true, now: testNow)
        await #expect(throws: CaseError.emptyText) { try await database.reply(number: record.number, staff: "anna", text: "  ") }
        try await database.close(number: record.number, staff: "anna")
        await #expect(throws: CaseError.closed(number: record.number)) {
            try await database.reply(number: record.number, staff: "anna", text: "Noch etwas", now: testNow)
        }
    }

    @Test func closeReopenAndNotes() async throws {
        let database = try AmtsboteDatabase.inMemory()
        let record = try await database.seedCase(at: testNow)
        try await database.addNote(number: record.number, staff: "anna", text: "Beim Ordnungsamt nachgefragt")
        let closed = try await database.close(number: record.number, staff: "anna", now: testNow)
        #expect(closed.status == .closed && closed.closedAt == testNow)
        await #expect(throws: CaseError.closed(number: record.number)) {
            try await database.close(number: record.number, staff: "anna")
        }
        // The citizen writes again: a new case opens; the old one cannot be reopened beside it.
        let second = try await database.seedCase(text: "Und die Gebühr?", at: testNow.addingTimeInterval(60))
        #expect(second.number == record.number + 1)
        await #expect(throws: CaseError.otherCaseOpen(number: record.number, other: second.number)) {
            try await database.reopen(number: record.number, staff: "anna")
        }
        try await database.close(number: second.number, staff: "anna")
        let reopened = try await database.reopen(number: record.number, staff: "anna")
        #expect(reopened.status == .open && reopened.closedAt == nil)
        await #expect(throws: CaseError.notClosed(number: record.number)) { try await database.reopen(number: record.number, staff: "anna") }
        let detail = try await database.caseDetail(number: record.number)
        #expect(detail.notes.map(\.text) == ["Beim Ordnungsamt nachgefragt"])
        #expect(detail.candidates == [ScoredTopic(id: "hundesteuer", score: 0.31)])
        #expect(detail.conversation.count == 2)
    }
}
