import GRDB

/// Group commit: items submitted while a write is in flight go into the next transaction
/// together, so SQLite commits once for many callers. Each caller returns only when its own
/// item is durably stored (or the shared transaction failed).
actor GroupCommit<Item: Sendable, Output: Sendable> {
    /// Stores a batch inside one write transaction; returns one output per item, in order.
    typealias Body = @Sendable (Database, [Item]) throws -> [Output]

    private struct Mismatch: Error {}

    private let writer: any DatabaseWriter
    private let body: Body
    private let afterCommit: @Sendable ([Item], [Output]) async -> Void
    private var waiting: [(item: Item, continuation: CheckedContinuation<Output, any Error>)] = []
    private var flushing = false
    /// Items submitted since the start, for telling a burst from a trickle.
    private(set) var submitted = 0

    /// - Parameter afterCommit: called after each successful commit with its items and outputs.
    init(writer: any DatabaseWriter, body: @escaping Body, afterCommit: @escaping @Sendable ([Item], [Output]) async -> Void = { _, _ in }) {
        self.writer = writer
        self.body = body
        self.afterCommit = afterCommit
    }

    /// Stores `item` in the next shared transaction and returns its output.
    func submit(_ item: Item) async throws -> Output {
        submitted &+= 1
        return try await withCheckedThrowingContinuation { continuation in
            waiting.append((item, continuation))
            if !flushing {
                flushing = true
                Task { await flush() }
            }
        }
    }

    private func flush() async {
        while !waiting.isEmpty {
            let batch = waiting
            waiting = []
            let items = batch.map(\.item)
            do {
                let body = self.body
                let outputs = try await writer.write { db in try body(db, items) }
                guard outputs.count == batch.count else { throw Mismatch() }
                for (waiter, output) in zip(batch, outputs) { waiter.continuation.resume(returning: output) }
                await afterCommit(items, outputs)
            } catch {
                for waiter in batch { waiter.continuation.resume(throwing: error) }
            }
        }
        flushing = false
    }
}
