import AmtsboteCore
import AmtsboteStore
import Foundation
import GRDB
import Testing

/// The staff audit log: written in the same transaction as the action, nothing for a refused one,
/// no citizen data in it, and kept for two years.
@Suite struct AuditLogTests {
    @Test func aRefusedActionLeavesNoEntryAndTakingACaseNamesWhoseItWas() async throws {
        let database = try AmtsboteDatabase.inMemory()
        let record = try await database.seedCase()
        try await database.claim(number: record.number, staff: "anna", now: testNow)
        await #expect(throws: CaseError.claimedByOther(number: record.number, assignee: "anna")) {
            try await database.claim(number: record.number, staff: "ben", now: testNow)
        }
        await #expect(throws: CaseError.self) { try await database.close(number: record.number, staff: "ben", now: testNow) }
        try await database.claim(number: record.number, staff: "ben", force: true, now: testNow)
        let log = try await database.staffActions()
        #expect(log.reversed().map { "\($0.staff) \($0.action.rawValue) \($0.detail ?? "-")" } == ["anna claim -", "ben claim from anna"])
        #expect(log.allSatisfy { $0.caseNumber == record.number })
    }

    @Test func theServersPurgeIsLoggedAndEntriesOlderThanTwoYearsGo() async throws {
        let database = try AmtsboteDatabase.inMemory()
        let old = testNow.addingTimeInterval(-Double(AmtsboteDatabase.auditRetentionDays + 1) * 86400)
        try await database.recordStaffAction(staff: "anna", .close, caseNumber: 1001, now: old)
        try await database.recordStaffAction(staff: "anna", .close, caseNumber: 1002, now: testNow.addingTimeInterval(-86400))
        let report = try await database.purgeExpired(retentionDays: 90, now: testNow)
        #expect(report.auditEntries == 1)
        let log = try await database.staffActions()
        #expect(log.map(\.caseNumber) == [nil, 1002])
        #expect(log[0].staff == "server" && log[0].action == .purge)
        // Nothing left to purge: no entry for doing nothing.
        #expect(try await database.purgeExpired(retentionDays: 90, now: testNow).isEmpty)
        #expect(try await database.staffActions().count == 2)
    }

    @Test func erasureIsLoggedWithoutTheCitizensIdOrTexts() async throws {
        let database = try AmtsboteDatabase.inMemory()
        let record = try await database.seedCase(channel: .whatsapp, sender: "4915112345678", text: "Ich wohne Lindenweg 7")
        try await database.forget(channel: .whatsapp, senderID: "4915112345678", staff: "dsb", now: testNow)
        let entry = try #require(try await database.staffActions().first)
        #expect(entry.staff == "dsb" && entry.action == .erase && entry.caseNumber == nil)
        #expect(entry.detail == "whatsapp: 1 messages, 1 cases (#\(record.number))")
        let everything = try await database.writer.read { db in try String.fetchAll(db, sql: "SELECT COALESCE(detail, '') || staff FROM staffAction") }
        #expect(!everything.joined().contains("4915112345678") && !everything.joined().contains("Lindenweg"))
    }
}
