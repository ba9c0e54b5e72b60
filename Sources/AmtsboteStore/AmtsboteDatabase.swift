import Foundation
import GRDB

/// The one store type: owns the SQLite connection and the migrator, and offers transactional
/// reads and writes. Server and CLI share one file (WAL mode, busy timeout), so every write is
/// one short transaction.
public final class AmtsboteDatabase: Sendable {
    /// The underlying GRDB writer (a `DatabasePool` on a file, a `DatabaseQueue` in memory).
    public let writer: any DatabaseWriter
    /// A connection of its own for WAL checkpoints, when they run in the background (see `open`).
    let checkpointer: DatabaseQueue?

    /// Opens (creating folder and file when missing) the database at `path` and migrates it.
    /// - Parameters:
    ///   - backgroundCheckpoints: when true (the server), commits never copy the WAL back
    ///     into the database file themselves (SQLite's automatic checkpoint, every 1000 pages, would
    ///     hold up the commit, and every request waiting on it, for milliseconds); the caller runs
    ///     `checkpoint()` regularly instead, on a connection of its own that does not block the writer.
    ///   - synchronous: how the commits are written out by default. The server opens with `normal`
    ///     and syncs the commits that acknowledge something itself (`transaction(_:synced:_:)`).
    public static func open(
        path: String, backgroundCheckpoints: Bool = false, synchronous: SynchronousMode = .full
    ) throws -> AmtsboteDatabase {
        let folder = URL(fileURLWithPath: path).deletingLastPathComponent()
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        var configuration = makeConfiguration(synchronous: synchronous)
        if backgroundCheckpoints {
            configuration.prepareDatabase { db in
                try db.execute(sql: "PRAGMA wal_autocheckpoint = 0")
                // After a burst the WAL is rewound; keep the file from staying large.
                try db.execute(sql: "PRAGMA journal_size_limit = 67108864")
            }
        }
        let pool = try DatabasePool(path: path, configuration: configuration)
        var checkpointerConfiguration = Configuration()
        checkpointerConfiguration.busyMode = .timeout(10)
        let checkpointer = backgroundCheckpoints ? try DatabaseQueue(path: path, configuration: checkpointerConfiguration) : nil
        return try AmtsboteDatabase(pool, checkpointer: checkpointer)
    }

    /// An in-memory database, for tests.
    public static func inMemory() throws -> AmtsboteDatabase {
        try AmtsboteDatabase(DatabaseQueue(configuration: makeConfiguration()))
    }

    /// Wraps and migrates an existing writer.
    public init(_ writer: any DatabaseWriter) throws {
        self.writer = writer
        self.checkpointer = nil
        try Self.migrator.migrate(writer)
    }

    private init(_ writer: any DatabaseWriter, checkpointer: DatabaseQueue?) throws {
        self.writer = writer
        self.checkpointer = checkpointer
        try Self.migrator.migrate(writer)
    }

    /// Copies committed WAL pages back into the database file, when the database was opened with
    /// `backgroundCheckpoints`; nil otherwise.
    ///
    /// First without waiting for (or holding up) the writer or readers (a passive checkpoint).
    /// While writes never pause, though, the WAL is never found fully copied at the start of a
    /// write, which is when SQLite starts it over: it would grow without end. So once it holds more
    /// than `restartFrames` pages, a restart checkpoint follows, which holds the writer back
    /// for the few pages written since the passive one and makes the next write start the WAL over.
    /// - Returns: frames in the WAL, and how many of them are now in the database file.
    @discardableResult
    public func checkpoint(restartFrames: Int = 8192) async throws -> (walFrames: Int, checkpointed: Int)? {
        guard let checkpointer else { return nil }
        let result = try await checkpointer.writeWithoutTransaction { db in
            let passive = try db.checkpoint(.passive)
            return passive.walFrameCount > restartFrames ? try db.checkpoint(.restart) : passive
        }
        return (result.walFrameCount, result.checkpointedFrameCount)
    }

    static func makeConfiguration(synchronous: SynchronousMode = .full) -> Configuration {
        var config = Configuration()
        // A second process (the CLI next to the server) waits instead of failing with SQLITE_BUSY.
        config.busyMode = .timeout(10)
        config.foreignKeysEnabled = true
        config.prepareDatabase { db in
            try db.execute(sql: "PRAGMA synchronous = \(synchronous.pragma)")
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
        migrator.registerMigration("v6", migrate: Migrations.v6)
        migrator.registerMigration("v7", migrate: Migrations.v7)
        migrator.registerMigration("v8", migrate: Migrations.v8)
        migrator.registerMigration("v9", migrate: Migrations.v9)
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
