import AmtsboteCore
import AmtsboteStore
import Foundation
import Logging

/// The durable front door: stores verified messages (a redelivered platform id is skipped by the
/// unique key) and wakes the background processor. Requests arriving while a write is in flight
/// are stored together in the next transaction (group commit); handlers answer 200 only after
/// their own messages are stored.
struct Intake: Sendable {
    let wakeup: Wakeup
    private let commit: GroupCommit<(records: [InboundEventRecord], wake: Bool), [Int64]>

    init(database: AmtsboteDatabase, wakeup: Wakeup) {
        self.wakeup = wakeup
        commit = GroupCommit(
            writer: database.writer,
            body: { db, batch in try batch.map { try AmtsboteDatabase.storeInbound(db, $0.records) } },
            afterCommit: { batch, ids in
                // One ring per commit that stored events for the background processor.
                if zip(batch, ids).contains(where: { $0.wake && !$1.isEmpty }) { await wakeup.ring() }
            })
    }

    /// Stores `messages`; returns the ids of the new events (empty for a pure redelivery).
    @discardableResult
    func accept(_ messages: [InboundMessage], wake: Bool = true) async throws -> [Int64] {
        guard !messages.isEmpty else { return [] }
        // Encoded here, on the request's own task, so the shared write holds only the inserts.
        let now = Date()
        return try await commit.submit((messages.map { InboundEventRecord(message: $0, now: now) }, wake))
    }

    /// Whether webhooks arrived within `interval`.
    func isActive(within interval: Duration) async -> Bool {
        await commit.isActive(within: interval)
    }
}
