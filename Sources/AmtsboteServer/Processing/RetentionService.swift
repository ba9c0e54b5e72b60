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
        do {
            let report = try await database.purgeExpired(retentionDays: retentionDays)
            logger.info(
                "retention purge",
                metadata: [
                    "days": "\(retentionDays)", "conversations": "\(report.conversations)", "cases": "\(report.cases)",
                    "message_texts": "\(report.messageTexts)", "events": "\(report.inboundEvents)",
                ])
        } catch {
            logger.error("retention purge failed", metadata: ["error": "\(error)"])
        }
    }
}
