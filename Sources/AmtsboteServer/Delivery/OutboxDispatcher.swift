import AmtsboteCore
import AmtsboteStore
import Foundation
import GRDB
import Logging
import ServiceLifecycle

/// Delivers queued replies in the background: due entries (at most one per conversation at a
/// time, so replies keep their order) are sent concurrently; temporary failures are retried with
/// exponential backoff (or the platform's `retry_after`), permanent ones recorded as failed.
/// Entries still pending after a restart are sent then. At graceful shutdown the sends in flight finish.
struct OutboxDispatcher: Service {
    let database: AmtsboteDatabase
    let clients: DeliveryClients
    let wakeup: Wakeup
    let tuning: Tuning
    let logger: Logger

    func run() async throws {
        await withGracefulShutdownHandler {
            while !Task.isShuttingDownGracefully && !Task.isCancelled {
                let sent = await deliverDue()
                if sent == 0 { await wakeup.wait(timeout: await idleTimeout()) }
            }
        } onGracefulShutdown: {
            Task { await wakeup.ring() }
        }
    }

    /// How long to sleep when nothing is due: until the next retry, at most a second.
    private func idleTimeout() async -> Duration {
        guard let next = try? await database.nextOutboxAttempt() else { return .seconds(1) }
        let seconds = min(max(next.timeIntervalSinceNow, 0.01), 1)
        return .milliseconds(Int(seconds * 1000))
    }

    /// Sends one batch of due entries; returns how many were attempted.
    func deliverDue(now: Date = Date()) async -> Int {
        let entries: [OutboxEntryRecord]
        do {
            entries = try await database.dueOutboxEntries(now: now, limit: tuning.deliveryConcurrency)
        } catch {
            logger.error("cannot read the outbox", metadata: ["error": "\(error)"])
            return 0
        }
        await withTaskGroup(of: Void.self) { group in
            for entry in entries {
                group.addTask { await deliver(entry) }
            }
        }
        return entries.count
    }

    private func deliver(_ entry: OutboxEntryRecord) async {
        guard let id = entry.id else { return }
        do {
            let message = try await outboundMessage(for: entry)
            guard let client = clients[entry.channel] else {
                throw DeliveryError.permanent("channel \(entry.channel.rawValue) is not configured")
            }
            try await client.send(message)
            try await database.markOutboxSent(id: id)
            logger.info("reply delivered", metadata: ["channel": "\(entry.channel.rawValue)", "outbox": "\(id)"])
        } catch {
            await recordFailure(entry, id: id, error: error)
        }
    }

    private func recordFailure(_ entry: OutboxEntryRecord, id: Int64, error: any Error) async {
        let failure = (error as? DeliveryError) ?? .temporary("\(type(of: error))")
        let attempts = entry.attempts + 1
        let metadata: Logger.Metadata = [
            "channel": "\(entry.channel.rawValue)", "outbox": "\(id)", "attempt": "\(attempts)", "error": "\(failure)",
        ]
        do {
            switch failure {
            case .temporary(_, let retryAfter) where attempts < tuning.maxDeliveryAttempts:
                let delay = retryAfter ?? backoff(attempt: attempts)
                try await database.markOutboxRetry(id: id, error: failure.description, retryAt: Date().addingTimeInterval(delay))
                logger.warning("delivery failed; will retry", metadata: metadata.merging(["retry_in": "\(delay)"]) { $1 })
            default:
                try await database.markOutboxFailed(id: id, error: failure.description)
                logger.error("delivery failed for good", metadata: metadata)
            }
        } catch {
            logger.error("cannot record the delivery outcome", metadata: ["outbox": "\(id)", "error": "\(error)"])
        }
    }

    /// Exponential backoff: base × 2^(attempt−1), capped.
    func backoff(attempt: Int) -> Double {
        let base = seconds(tuning.retryBaseDelay)
        return min(base * pow(2, Double(max(attempt - 1, 0))), seconds(tuning.retryMaxDelay))
    }

    private func seconds(_ duration: Duration) -> Double {
        Double(duration.components.seconds) + Double(duration.components.attoseconds) / 1e18
    }

    private func outboundMessage(for entry: OutboxEntryRecord) async throws -> OutboundMessage {
        let conversation = try await database.writer.read { db in
            try ConversationRecord.fetchOne(db, key: entry.conversationID)
        }
        guard let conversation else { throw DeliveryError.permanent("conversation is gone") }
        return OutboundMessage(
            channel: entry.channel, recipientID: conversation.senderID, address: conversation.replyAddress,
            reply: try entry.botReply(), tag: entry.tag)
    }
}
