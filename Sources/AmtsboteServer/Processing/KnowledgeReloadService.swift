import Logging
import ServiceLifecycle
import UnixSignals

/// Reloads the knowledge base when its files change (polling a cheap fingerprint every
/// `interval`; never when it is zero) and on SIGHUP.
struct KnowledgeReloadService: Service {
    let knowledge: KnowledgeService
    let interval: Duration
    let logger: Logger

    func run() async throws {
        await withTaskGroup(of: Void.self) { group in
            group.addTask {
                for await _ in await UnixSignalsSequence(trapping: .sighup) {
                    logger.info("SIGHUP: reloading knowledge base")
                    await knowledge.reload(force: true)
                }
            }
            if interval > .zero {
                group.addTask {
                    while !Task.isCancelled {
                        try? await Task.sleep(for: interval)
                        if Task.isCancelled { break }
                        await knowledge.reload()
                    }
                }
            }
            // Stop both loops at graceful shutdown (or when cancelled).
            try? await gracefulShutdown()
            group.cancelAll()
        }
    }
}
