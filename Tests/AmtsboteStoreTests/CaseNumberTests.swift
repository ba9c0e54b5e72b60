import AmtsboteCore
import AmtsboteStore
import Foundation
import GRDB
import Testing

/// Citizens quote their case number ("Anfrage Nr. 1002"): a number is never handed out twice.
@Suite struct CaseNumberTests {
    @Test func numbersAreNotReusedAfterTheNewestCaseWasErased() async throws {
        let file = try TemporaryDatabase()
        defer { file.remove() }
        let database = try file.open()
        let first = try await database.seedCase(sender: "111")
        let second = try await database.seedCase(sender: "222")
        let start = AmtsboteDatabase.firstCaseNumber
        #expect(first.number == start && second.number == start + 1)
        _ = try await database.forget(channel: .telegram, senderID: "222", staff: "anna")
        // It was MAX(number) + 1, which gave the erased case's number to the next citizen.
        let third = try await database.seedCase(sender: "333")
        #expect(third.number == second.number + 1)
        // Reopened, the file keeps counting.
        let reopened = try file.open()
        #expect(try await reopened.seedCase(sender: "444").number == third.number + 1)
    }

    @Test func aDatabaseWithCasesBeforeTheCounterContinuesAfterItsNewestCase() async throws {
        let file = try TemporaryDatabase()
        defer { file.remove() }
        let database = try file.open()
        _ = try await database.seedCase(sender: "111")
        // As a database migrated from before the counter, or one whose counter lags.
        try await database.writer.write { db in try db.execute(sql: "UPDATE caseNumberCounter SET last = 0") }
        #expect(try await database.seedCase(sender: "222").number == AmtsboteDatabase.firstCaseNumber + 1)
    }
}
