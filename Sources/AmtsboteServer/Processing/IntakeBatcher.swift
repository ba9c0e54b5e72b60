import AmtsboteCore
import AmtsboteStore
import Foundation

/// Group commit for the intake: messages from requests arriving while a write is in flight are
/// stored together in the next transaction, so SQLite does one commit for many webhooks. Each
/// caller still returns only after its own messages are durably stored.
actor IntakeBatcher {
    private typealias Waiter = (messages: [InboundMessage], continuation: CheckedContinuation<[Int64], any Error>)

    private let database: AmtsboteDatabase
    private var waiting: [Waiter] = []
    private var flushing = false
    private let clock = ContinuousClock()
    private var lastArrival: ContinuousClock.Instant?

    init(database: AmtsboteDatabase) { self.database = database }

    /// Stores `messages` (in a shared transaction); returns the ids of the new events.
    func store(_ messages: [InboundMessage]) async throws -> [Int64] {
        guard !messages.isEmpty else { return [] }
        lastArrival = clock.now
        return try await withCheckedThrowingContinuation { continuation in
            waiting.append((messages, continuation))
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
            let now = Date()
            do {
                let results = try await database.writer.write { db in
                    try batch.map { try AmtsboteDatabase.storeInbound(db, $0.messages, now: now) }
                }
                for (waiter, ids) in zip(batch, results) { waiter.continuation.resume(returning: ids) }
            } catch {
                for waiter in batch { waiter.continuation.resume(throwing: error) }
            }
        }
        flushing = false
    }
}
