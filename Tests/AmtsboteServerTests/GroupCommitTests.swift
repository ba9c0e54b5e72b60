import AmtsboteStore
import Foundation
import GRDB
import Testing

@testable import AmtsboteServer

/// Group commit: every caller gets its own output once its item is stored, and the intake's
/// commits are synced to the disk on a connection that does not sync the others.
@Suite struct GroupCommitTests {
    @Test(arguments: [true, false])
    func concurrentSubmissionsAreStoredAndAnsweredEachWithItsOwnOutput(synced: Bool) async throws {
        let path = ServerHarness.temporaryDatabasePath()
        let database = try AmtsboteDatabase.open(path: path, backgroundCheckpoints: true, synchronous: .normal)
        let commit = GroupCommit<Int, Int>(writer: database.writer, synced: synced) { db, items in
            let mode = try Int.fetchOne(db, sql: "PRAGMA synchronous")
            return try items.map { item in
                try db.execute(
                    sql: "INSERT INTO webhookDelivery (source, body, receivedAt) VALUES ('meta', ?, ?)",
                    arguments: [Data("\(item)".utf8), Double(item)])
                return item * 10 + (mode ?? 0)
            }
        }
        let outputs = try await withThrowingTaskGroup(of: (Int, Int).self) { group in
            for item in 1...200 { group.addTask { (item, try await commit.submit(item)) } }
            return try await group.reduce(into: [:]) { $0[$1.0] = $1.1 }
        }
        // Synced commits ran in FULL mode (2), the others in the connection's NORMAL mode (1).
        #expect(outputs == Dictionary(uniqueKeysWithValues: (1...200).map { ($0, $0 * 10 + (synced ? 2 : 1)) }))
        #expect(commit.submitted == 200)
        let stored = try await database.writer.read { db in try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM webhookDelivery") }
        #expect(stored == 200)
        #expect(try await database.writer.writeWithoutTransaction { db in try Int.fetchOne(db, sql: "PRAGMA synchronous") } == 1)
    }
}
