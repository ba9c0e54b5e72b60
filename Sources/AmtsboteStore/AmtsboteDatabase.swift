import Foundation
import GRDB

/// The one store type: owns the SQLite connection and the migrator, and offers transactional
/// reads and writes. Server and CLI share one file (WAL mode, busy timeout), so every write is
/// one short transaction.
public final class AmtsboteDatabase: Sendable {
    /// The underlying GRDB writer (a `DatabasePool` on a file, a `DatabaseQueue` in memory).
    public let writer: any DatabaseWriter

    /// Opens (creating folder and file when missing) the database at `path` and migrates it.
    public static func open(path: String) throws -> AmtsboteDatabase {
        let folder = URL(fileURLWithPath: path).deletingLastPathComponent()
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        let pool = try DatabasePool(path: path, configuration: makeConfiguration())
        return try AmtsboteDatabase(pool)
    }

    /// An in-memory database, for tests.
    public static func inMemory() throws -> AmtsboteDatabase {
        try AmtsboteDatabase(DatabaseQueue(configuration: makeConfiguration()))
    }

    /// Wraps and migrates an existing writer.
    public init(_ writer: any DatabaseWriter) throws {
        self.writer = writer
        try Self.migrator.migrate(writer)
    }

    static func makeConfiguration() -> Configuration {
        var config = Configuration()
        // A second process (the CLI next to the server) waits instead of failing with SQLITE_BUSY.
        config.busyMode = .timeout(10)
        config.foreignKeysEnabled = true
        config.prepareDatabase { db in
            try db.execute(sql: "PRAGMA synchronous = NORMAL")
            // Reads straight from the mapped file instead of copying pages in with pread.
            try db.execute(sql: "PRAGMA mmap_size = 268435456")
        }
        return config
    }

    /// Schema migrations. Never edit a migration once it has landed; add a new one.
    static var migrator: DatabaseMigrator {
        var migrator = DatabaseMigrator()
        migrator.registerMigration("v1", migrate: Migrations.v1)
        migrator.registerMigration("v2", migrate: Migrations.v2)
        migrator.registerMigration("v3", migrate: Migrations.v3)
        migrator.registerMigration("v4", migrate: Migrations.v4)
        migrator.registerMigration("v5", migrate: Migrations.v5)
        return migrator
    }

    /// Whether the database file accepts writes (used by the readiness check).
    public func isWritable() async -> Bool {
        do {
            try await writer.write { db in try db.execute(sql: "CREATE TEMP TABLE IF NOT EXISTS _probe(x); DROP TABLE _probe") }
            return true
        } catch {
            return false
        }
    }
}
