import GRDB

extension AmtsboteDatabase {
    /// Runs `body` in a transaction. With `synced`, its commit is synced to the disk
    /// (`SynchronousMode.full`) whatever the connection's own mode, which is restored afterwards;
    /// in WAL mode the sync writes out every earlier commit as well. The server's connection runs
    /// in `normal` mode and syncs only the commits after which a request is acknowledged: a power
    /// cut may then undo the latest background work (processing is repeated, a reply may go out
    /// again), never an acknowledged message.
    public static func transaction<T>(_ db: Database, synced: Bool, _ body: () throws -> T) throws -> T {
        let previous = synced ? try Int.fetchOne(db, sql: "PRAGMA synchronous") ?? 2 : 2
        if previous != 2 { try db.execute(sql: "PRAGMA synchronous = FULL") }
        // If restoring fails, commits stay synced: slower, never less safe.
        defer { if previous != 2 { try? db.execute(sql: "PRAGMA synchronous = \(previous)") } }
        var result: T?
        try db.inTransaction {
            result = try body()
            return .commit
        }
        return result!
    }
}
