import AmtsboteStore
import Foundation
import GRDB
import Testing

/// A staff command opens the database while the server is writing to it: every connection it
/// opens, including the read-only look at the file before, must wait for a lock instead of
/// failing with "database is locked".
@Suite struct OpenExistingLockTests {
    @Test func staffToolWaitsForALockHeldWhileItOpens() async throws {
        let file = try TemporaryDatabase()
        defer { file.remove() }
        do { _ = try file.open() }  // created and migrated, then closed

        // Another connection holds the whole file (exclusive locking mode keeps the lock after
        // its write), as SQLite does briefly while a connection recovers or truncates the WAL.
        var holderConfiguration = Configuration()
        holderConfiguration.prepareDatabase { db in try db.execute(sql: "PRAGMA locking_mode = EXCLUSIVE") }
        let holder = try DatabaseQueue(path: file.path, configuration: holderConfiguration)
        try await holder.write { db in try db.execute(sql: "CREATE TABLE IF NOT EXISTS _held(x)") }
        var probe = Configuration()
        probe.readonly = true
        #expect(throws: DatabaseError.self) { try DatabaseQueue(path: file.path, configuration: probe).read { _ in } }

        let released = Task {
            try await Task.sleep(for: .milliseconds(300))
            try await holder.write { db in try db.execute(sql: "DROP TABLE _held") }
            try holder.close()
        }
        let database = try AmtsboteDatabase.openExisting(path: file.path)
        try await released.value
        #expect(try await database.writer.read { db in try db.tableExists("escalationCase") })
        #expect(try await database.writer.read { db in try !db.tableExists("_held") })
    }
}
