import AmtsboteCore
import AmtsboteStore
import Foundation
import Logging

/// The durable front door: stores verified messages (a redelivered platform id is skipped by the
/// unique key) and wakes the background processor (once per commit). Handlers answer 200 only after this returns.
struct Intake: Sendable {
    let batcher: IntakeBatcher
    let wakeup: Wakeup

    init(database: AmtsboteDatabase, wakeup: Wakeup) {
        self.batcher = IntakeBatcher(database: database, wakeup: wakeup)
        self.wakeup = wakeup
    }

    /// Stores `messages`; returns the ids of the new events (empty for a pure redelivery).
    @discardableResult
    func accept(_ messages: [InboundMessage], wake: Bool = true) async throws -> [Int64] {
        // Encoded here, on the request's own task, so the shared write holds only the inserts.
        let now = Date()
        return try await batcher.store(messages.map { InboundEventRecord(message: $0, now: now) }, wake: wake)
    }

    /// Whether webhooks arrived within `interval`.
    func isActive(within interval: Duration) async -> Bool {
        await batcher.isActive(within: interval)
    }
}
