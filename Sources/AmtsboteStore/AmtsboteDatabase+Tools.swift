import Foundation
import GRDB

/// Why a command-line tool cannot use a database file.
public enum DatabaseAccessError: Error, Equatable, Sendable, CustomStringConvertible {
    /// There is no database at the path (the tools do not create one: probably the wrong path).
    case missing(path: String)
    /// The schema was written by a newer Amtsbote; `unknown` lists the migrations this build does not know.
    case newerSchema(path: String, unknown: [String])

    public var description: String {
        switch self {
        case .missing(let path): return "no database at \(path)"
        case .newerSchema(let path, let unknown):
            return "the database at \(path) has a newer schema (\(unknown.joined(separator: ", "))) than this build knows"
        }
    }
}

extension AmtsboteDatabase {
    /// Opens an existing database for the staff tools, next to a running server: refuses a missing file
    /// (a typo in `--database` would otherwise show an empty queue) and a schema newer than this build
    /// knows (an older CLI must not write to it); applies missing migrations of an older schema.
    public static func openExisting(path: String) throws -> AmtsboteDatabase {
        guard FileManager.default.fileExists(atPath: path) else { throw DatabaseAccessError.missing(path: path) }
        let pool = try DatabasePool(path: path, configuration: makeConfiguration())
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
}
