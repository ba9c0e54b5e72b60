import AmtsboteStore
import GRDB
import Synchronization

/// Group commit: items submitted while a write is in flight go into the next transaction
/// together, so SQLite commits once for many callers. Each caller returns only when its own
/// item is durably stored (or the shared transaction failed).
///
/// The batches are written straight on the database's writer queue: a submission appends to a
/// locked list and, when no batch is under way, schedules one write there; each write takes what
/// has gathered meanwhile and schedules the next behind whatever other writes are waiting (so
/// intake cannot starve them). No task or actor hop sits between the requests and the commit.
final class GroupCommit<Item: Sendable, Output: Sendable>: Sendable {
    /// Stores a batch inside one write transaction; returns one output per item, in order.
    typealias Body = @Sendable (Database, [Item]) throws -> [Output]

    private struct Mismatch: Error {}

    private struct Waiter {
        var item: Item
        var continuation: CheckedContinuation<Output, any Error>
    }

    private struct State {
        var waiting: [Waiter] = []
        var scheduled = false
        var submitted = 0
    }

    private let writer: any DatabaseWriter
    private let body: Body
    private let afterCommit: @Sendable ([Item], [Output]) -> Void
    private let synced: Bool
    private let state = Mutex(State())

    /// - Parameters:
    ///   - synced: when true, each commit is synced to the disk before its callers return
    ///     (`AmtsboteDatabase.transaction(_:synced:_:)`), whatever the connection's synchronous mode.
    ///   - afterCommit: called on the writer queue after each successful commit with its
    ///     items and outputs (keep it short: start a task for anything that waits).
    init(
        writer: any DatabaseWriter, synced: Bool = false, body: @escaping Body,
        afterCommit: @escaping @Sendable ([Item], [Output]) -> Void = { _, _ in }
    ) {
        self.writer = writer
        self.synced = synced
        self.body = body
        self.afterCommit = afterCommit
    }

    /// Items submitted since the start, for telling a burst from a trickle.
    var submitted: Int { state.withLock { $0.submitted } }

    /// Stores `item` in the next shared transaction and returns its output.
    func submit(_ item: Item) async throws -> Output {
        try await withCheckedThrowingContinuation { continuation in
            let schedule = state.withLock { state in
                state.submitted &+= 1
                state.waiting.append(Waiter(item: item, continuation: continuation))
                defer { state.scheduled = true }
                return !state.scheduled
            }
            if schedule { scheduleWrite() }
        }
    }

    private func scheduleWrite() {
        writer.asyncWriteWithoutTransaction { [self] db in writeBatch(db) }
    }

    /// Writes what has gathered in one transaction, then schedules the next batch if more came.
    private func writeBatch(_ db: Database) {
        let batch = state.withLock { state in
            defer { state.waiting = [] }
            return state.waiting
        }
        if !batch.isEmpty {
            let items = batch.map(\.item)
            do {
                let outputs = try AmtsboteDatabase.transaction(db, synced: synced) { try body(db, items) }
                guard outputs.count == batch.count else { throw Mismatch() }
                for (waiter, output) in zip(batch, outputs) { waiter.continuation.resume(returning: output) }
                afterCommit(items, outputs)
            } catch {
                for waiter in batch { waiter.continuation.resume(throwing: error) }
            }
        }
        let more = state.withLock { state in
            state.scheduled = !state.waiting.isEmpty
            return state.scheduled
        }
        if more { scheduleWrite() }
    }
}
