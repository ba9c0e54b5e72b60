import AmtsboteCore
import AmtsboteStore
import Foundation

/// Group commit for the intake: messages from requests arriving while a write is in flight are
/// stored together in the next transaction, so SQLite does one commit for many webhooks. Each
/// caller still returns only after its own messages are durably stored.
actor IntakeBatcher {
    private typealias Waiter = (
        records: [InboundEventRecord], wake: Bool, continuation: CheckedContinuation<[Int64], any Error>
    )

    private let database: AmtsboteDatabase
    private let wakeup: Wakeup
    private var waiting: [Waiter] = []
    private var flushing = false
    private let clock = ContinuousClock()
    private var lastArrival: ContinuousClock.Instant?

    /// - Parameter wakeup: rung once per commit that stored new events for the background processor.
    init(database: AmtsboteDatabase, wakeup: Wakeup) {
        self.database = database
        self.wakeup = wakeup
    }

    /// Stores the prepared events (in a shared transaction); returns the ids of the new ones.
    /// - Parameter wake: whether new events are for the background processor.
    func store(_ records: [InboundEventRecord], wake: Bool) async throws -> [Int64] {
        guard !records.isEmpty else { return [] }
        lastArrival = clock.now
        return try await withCheckedThrowingContinuation { continuation in
            waiting.append((records, wake, continuation))
            if !flushing {
                flushing = true
                Task { await flush() }
            }
        }
    }

    /// Whether messages arrived within `interval` (background work yields to a busy intake).
    func isActive(within interval: Duration) -> Bool {
        lastArrival.map { clock.now - $0 < interval } ?? false
    }

    private func flush() async {
        while !waiting.isEmpty {
            let batch = waiting
            waiting = []
            do {
                let results = try await database.writer.write { db in
                    try batch.map { try AmtsboteDatabase.storeInbound(db, $0.records) }
                }
                for (waiter, ids) in zip(batch, results) { waiter.continuation.resume(returning: ids) }
                if zip(batch, results).contains(where: { $0.wake && !$1.isEmpty }) { await wakeup.ring() }
            } catch {
                for waiter in batch { waiter.continuation.resume(throwing: error) }
            }
        }
        flushing = false
    }
}
