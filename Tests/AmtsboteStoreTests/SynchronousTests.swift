import Foundation
import GRDB
import Testing

@testable import AmtsboteStore

/// Commits synced to the disk on demand, on a connection that otherwise only writes them.
@Suite struct SynchronousTests {
    private func mode(_ db: Database) throws -> Int? { try Int.fetchOne(db, sql: "PRAGMA synchronous") }

    @Test func aSyncedTransactionIsFullOnANormalConnectionAndRestoresIt() async throws {
        let file = try TemporaryDatabase()
        defer { file.remove() }
        let database = try AmtsboteDatabase.open(path: file.path, backgroundCheckpoints: true, synchronous: .normal)
        try await database.writer.writeWithoutTransaction { db in
            #expect(try mode(db) == 1)
            let inside = try AmtsboteDatabase.transaction(db, synced: true) {
                try db.execute(sql: "INSERT INTO webhookDelivery (source, body, receivedAt) VALUES ('meta', x'7b7d', ?)", arguments: [testNow.timeIntervalSince1970])
                return try mode(db)
            }
            #expect(inside == 2)
            #expect(try mode(db) == 1)
            // A failing body rolls back and still restores the mode.
            struct Failure: Error {}
            #expect(throws: Failure.self) {
                try AmtsboteDatabase.transaction(db, synced: true) {
                    try db.execute(sql: "INSERT INTO webhookDelivery (source, body, receivedAt) VALUES ('meta', x'7b7d', ?)", arguments: [testNow.timeIntervalSince1970])
                    throw Failure()
                }
            }
            #expect(try mode(db) == 1)
            #expect(try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM webhookDelivery") == 1)
        }
    }

    @Test func databasesOpenFullByDefault() async throws {
        let file = try TemporaryDatabase()
        defer { file.remove() }
        // The CLI's writes (staff replies, erasure) are synced commit by commit.
        #expect(try await file.open().writer.read { db in try mode(db) } == 2)
        #expect(try await AmtsboteDatabase.openExisting(path: file.path).writer.read { db in try mode(db) } == 2)
    }
}
