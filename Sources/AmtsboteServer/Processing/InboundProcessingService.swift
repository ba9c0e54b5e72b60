import AmtsboteCore
import AmtsboteStore
import Foundation
import Logging
import ServiceLifecycle

/// Processes stored webhook events in the background, oldest first, a batch per transaction
/// (stored webhook bodies are first expanded into events): woken by the webhook handlers, and
/// polling now and then so events left over from before a restart are picked up. While webhooks
/// keep arriving it takes only a share of the time, so acknowledgements stay fast under a burst;
/// the stored backlog is worked off when it ends.
/// At graceful shutdown it finishes the batch at hand and stops.
struct InboundProcessingService: Service {
    let processor: ConversationProcessor
    let expander: WebhookExpander
    let intake: Intake
    let outboxWakeup: Wakeup
    let callbacks: CallbackAcknowledger?
    let pollInterval: Duration
    let tuning: Tuning
    let logger: Logger
    /// Attempts before an event that keeps failing is set aside as `failed`.
    var maxAttempts = 5

    private var wakeup: Wakeup { intake.wakeup }

    func run() async throws {
        let clock = ContinuousClock()
        var burst = BurstDetector(threshold: tuning.burstArrivalRate, window: tuning.burstWindow)
        await withGracefulShutdownHandler {
            while !Task.isShuttingDownGracefully && !Task.isCancelled {
                let started = clock.now
                let busy = burst.update(arrivals: intake.arrivals(), at: clock.now)
                let drained = await busy
                    ? processBatch(limit: tuning.processingBatchSizeUnderLoad, expansionLimit: tuning.processingBatchSizeUnderLoad)
                    : processBatch(limit: tuning.processingBatchSize, expansionLimit: tuning.expansionBatchSize)
                if drained {
                    await wakeup.wait(timeout: pollInterval)
                } else if busy {
                    // Busy intake: rest so that processing takes `backgroundShareUnderLoad` of the time.
                    try? await Task.sleep(for: tuning.restUnderLoad(after: clock.now - started))
                }
            }
        } onGracefulShutdown: {
            Task { await wakeup.ring() }
        }
    }

    /// Expands up to `expansionLimit` stored bodies, then processes up to `limit` events; returns
    /// true when nothing more is pending.
    private func processBatch(limit: Int, expansionLimit: Int) async -> Bool {
        var bodiesLeft = false
        do {
            bodiesLeft = try await expander.expandPending(limit: expansionLimit) == expansionLimit
        } catch {
            logger.error("cannot expand stored webhook bodies", metadata: ["error": "\(error)"])
        }
        let events: [InboundEventRecord]
        do {
            // Web chat and API messages are answered by their own request; only pick up those
            // left behind (a crash, an error) after a grace period.
            events = try await processor.database.pendingInboundEvents(limit: limit, directCutoff: Date().addingTimeInterval(-30))
        } catch {
            logger.error("cannot read pending events", metadata: ["error": "\(error)"])
            return true
        }
        let ids = events.compactMap(\.id)
        guard !ids.isEmpty else { return !bodiesLeft }
        do {
            await finish(try await processor.process(eventIDs: ids))
            return events.count < limit && !bodiesLeft
        } catch ConversationProcessor.Failure.knowledgeNotLoaded {
            return true  // wait for a valid base
        } catch {
            // Something in the batch failed and rolled it back: one by one, to set the culprit aside.
            return await processSingly(ids) || (events.count < limit && !bodiesLeft)
        }
    }

    /// Processes events one transaction each, recording failures; true when all of them failed.
    private func processSingly(_ ids: [Int64]) async -> Bool {
        var failures = 0
        for id in ids {
            if Task.isShuttingDownGracefully { return true }
            do {
                await finish(try await processor.process(eventIDs: [id]))
            } catch ConversationProcessor.Failure.knowledgeNotLoaded {
                return true
            } catch {
                failures += 1
                logger.error("event processing failed", metadata: ["event": "\(id)", "error": "\(error)"])
                try? await processor.database.recordEventFailure(id: id, maxAttempts: maxAttempts)
            }
        }
        return failures == ids.count
    }

    private func finish(_ processed: [Int64: ProcessedEvent]) async {
        if processed.values.contains(where: \.queued) { await outboxWakeup.ring() }
        for event in processed.values {
            if let callbackID = event.callbackID { callbacks?.acknowledge(callbackID) }
        }
    }
}
