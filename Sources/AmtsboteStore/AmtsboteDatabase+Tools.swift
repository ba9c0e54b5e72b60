import Foundation
import GRDB

/// Why a command-line tool cannot use a database file.
public enum DatabaseAccessError: Error, Equatable, Sendable, CustomStringConvertible {
    /// There is no database at the path (the tools do not create one: probably the wrong path).
    case missing(path: String)
    /// The schema was written by a newer Amtsbote; `unknown` lists the migrations this build does not know.
    case newerSchema(path: String, unknown: [String])
    /// The file is no SQLite database, or one Amtsbote did not make (the tools must not add their
    /// tables to another application's database).
    case notAmtsbote(path: String)
    /// The file or its folder cannot be written (SQLite needs that also to read a WAL database).
    case notWritable(path: String)

    public var description: String {
        switch self {
        case .missing(let path): return "no database at \(path)"
        case .newerSchema(let path, let unknown):
            return "the database at \(path) has a newer schema (\(unknown.joined(separator: ", "))) than this build knows"
        case .notAmtsbote(let path): return "\(path) is not an Amtsbote database"
        case .notWritable(let path): return "\(path) or its folder is not writable"
        }
    }
}

extension AmtsboteDatabase {
    /// Opens an existing database for the staff tools, next to a running server: refuses a missing file
    /// (a typo in `--database` would otherwise show an empty queue) and a schema newer than this build
    /// knows (an older CLI must not write to it); applies missing migrations of an older schema.
    public static func openExisting(path: String) throws -> AmtsboteDatabase {
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) else { throw DatabaseAccessError.missing(path: path) }
        guard !isDirectory.boolValue, try isAmtsboteDatabase(path: path) else { throw DatabaseAccessError.notAmtsbote(path: path) }
        let pool: DatabasePool
        do {
            pool = try DatabasePool(path: path, configuration: makeConfiguration())
        } catch let error as DatabaseError {
            switch error.resultCode {
            case .SQLITE_NOTADB: throw DatabaseAccessError.notAmtsbote(path: path)
            case .SQLITE_READONLY, .SQLITE_CANTOPEN, .SQLITE_PERM: throw DatabaseAccessError.notWritable(path: path)
            default: throw error
            }
        }
        let migrator = Self.migrator
        try pool.read { db in
            if try migrator.hasBeenSuperseded(db) {
                let known = Set(migrator.migrations)
                let unknown = try migrator.appliedIdentifiers(db).subtracting(known).sorted()
                throw DatabaseAccessError.newerSchema(path: path, unknown: unknown)
            }
        }
        return try AmtsboteDatabase(pool)
    }

    /// Whether the file is a SQLite database with Amtsbote's first migration, looked at without
    /// writing (opening it for the tools would switch it to WAL mode): the server migrates a
    /// database when it creates it, so one without it is an empty file or another application's.
    static func isAmtsboteDatabase(path: String) throws -> Bool {
        guard let handle = FileHandle(forReadingAtPath: path) else { throw DatabaseAccessError.notWritable(path: path) }
        let header = (try? handle.read(upToCount: 16)) ?? nil
        try? handle.close()
        guard header == Data("SQLite format 3\u{0}".utf8) else { return false }
        var configuration = Configuration()
        configuration.readonly = true
        // Like every connection beside the server: wait for a lock rather than fail (GRDB's default
        // for a read-only queue is to fail at once, on its first statement).
        configuration.busyMode = .timeout(10)
        do {
            return try DatabaseQueue(path: path, configuration: configuration).read { db in
                try db.tableExists("grdb_migrations")
                    && (try Bool.fetchOne(db, sql: "SELECT 1 FROM grdb_migrations WHERE identifier = 'v1'") ?? false)
            }
        } catch let error as DatabaseError where error.resultCode == .SQLITE_NOTADB {
            return false
        }
    }
}
