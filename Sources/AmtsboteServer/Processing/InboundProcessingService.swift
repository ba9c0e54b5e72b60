import AmtsboteCore
import AmtsboteStore
import Foundation
import Logging
import ServiceLifecycle

/// Processes stored webhook events in the background, oldest first: woken by the webhook
/// handlers, and polling now and then so events left over from before a restart are picked up.
/// At graceful shutdown it finishes the event at hand and stops.
struct InboundProcessingService: Service {
    let processor: ConversationProcessor
    let wakeup: Wakeup
    let outboxWakeup: Wakeup
    let callbacks: CallbackAcknowledger?
    let pollInterval: Duration
    let logger: Logger
    /// Attempts before an event that keeps failing is set aside as `failed`.
    var maxAttempts = 5

    func run() async throws {
        await withGracefulShutdownHandler {
            while !Task.isShuttingDownGracefully && !Task.isCancelled {
                let drained = await processBatch()
                if drained { await wakeup.wait(timeout: pollInterval) }
            }
        } onGracefulShutdown: {
            Task { await wakeup.ring() }
        }
    }

    /// Processes up to one batch; returns true when nothing more is pending.
    private func processBatch() async -> Bool {
        let events: [InboundEventRecord]
        do {
            // Web chat and API messages are answered by their own request; only pick up those
            // left behind (a crash, an error) after a grace period.
            events = try await processor.database.pendingInboundEvents(limit: 200, directCutoff: Date().addingTimeInterval(-30))
        } catch {
            logger.error("cannot read pending events", metadata: ["error": "\(error)"])
            return true
        }
        var failures = 0
        for event in events {
            if Task.isShuttingDownGracefully { return true }
            guard let id = event.id else { continue }
            do {
                if let processed = try await processor.process(eventID: id) {
                    if processed.queued { await outboxWakeup.ring() }
                    if let callbackID = processed.callbackID { callbacks?.acknowledge(callbackID) }
                }
            } catch ConversationProcessor.Failure.knowledgeNotLoaded {
                return true  // wait for a valid base
            } catch {
                failures += 1
                logger.error("event processing failed", metadata: ["event": "\(id)", "error": "\(error)"])
                try? await processor.database.recordEventFailure(id: id, maxAttempts: maxAttempts)
            }
        }
        return events.count < 200 || failures == events.count
    }
}
