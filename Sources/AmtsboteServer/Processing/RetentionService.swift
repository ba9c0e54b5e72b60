import AmtsboteStore
import Foundation
import Logging
import ServiceLifecycle

/// Purges closed cases and old message texts once a day (the retention period of the privacy message).
struct RetentionService: Service {
    let database: AmtsboteDatabase
    let interval: Duration
    let retentionDays: Int
    let logger: Logger

    func run() async throws {
        // Stops quietly at graceful shutdown: the sleep is cancelled, not failed.
        try? await cancelWhenGracefulShutdown {
            while !Task.isCancelled {
                await purge()
                try await Task.sleep(for: interval)
            }
        }
    }

    private func purge() async {
        // TODO(issue 4): call `database.purgeExpired(retentionDays:now:)` once it lands on main
        // (AmtsboteDatabase+Privacy.swift from the queue branch). Until then nothing is purged here.
        logger.debug("retention purge skipped: purgeExpired not available yet", metadata: ["days": "\(retentionDays)"])
    }
}
