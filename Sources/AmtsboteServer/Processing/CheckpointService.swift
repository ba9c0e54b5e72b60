import AmtsboteStore
import Logging
import ServiceLifecycle

/// Runs SQLite's WAL checkpoints on a connection of their own, at a steady pace, so that no
/// commit (and no acknowledgement waiting for it) has to copy pages back into the database file.
/// At shutdown the last connection to close checkpoints what is left.
struct CheckpointService: Service {
    let database: AmtsboteDatabase
    let interval: Duration
    let logger: Logger

    func run() async throws {
        try? await cancelWhenGracefulShutdown {
            var failing = false
            while !Task.isCancelled {
                do {
                    if let result = try await database.checkpoint() {
                        logger.trace("checkpoint", metadata: ["wal_frames": "\(result.walFrames)", "checkpointed": "\(result.checkpointed)"])
                    }
                    failing = false
                } catch {
                    // Logged once per spell of failures (the WAL only grows meanwhile; nothing is lost).
                    if !failing { logger.warning("WAL checkpoint failed", metadata: ["error": "\(error)"]) }
                    failing = true
                }
                try await Task.sleep(for: interval)
            }
        }
    }
}
