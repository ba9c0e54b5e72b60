/// How far a commit is written out before it counts as done (SQLite's `PRAGMA synchronous`,
/// with the database in WAL mode).
public enum SynchronousMode: String, Sendable {
    /// Each commit is synced to the disk before it returns: it survives a power cut or an
    /// operating-system crash. Costs an `fsync` per commit (per group of requests in the server).
    case full
    /// Commits survive a crash of the process (`kill -9`), but the last ones before a power cut
    /// or operating-system crash may be lost: the WAL is synced only at checkpoints.
    case normal

    /// The value for `PRAGMA synchronous`.
    var pragma: String { rawValue.uppercased() }
}
