import AmtsboteCore
import AmtsboteStore
import Foundation
import Logging

/// The durable front door. Webhook handlers store the verified body as it arrived (decoded later
/// by the background processor); the web chat and the JSON API store their message directly (a
/// redelivered platform id is skipped by the unique key). Requests arriving while a write is in
/// flight are stored together in the next transaction (group commit); handlers answer only after
/// their own data is stored.
struct Intake: Sendable {
    let wakeup: Wakeup
    private let commit: GroupCommit<Submission, [Int64]>

    private enum Submission: Sendable {
        case events([InboundEventRecord], wake: Bool)
        case delivery(WebhookDeliveryRecord)

        var wakes: Bool {
            switch self {
            case .events(_, let wake): wake
            case .delivery: true
            }
        }
    }

    /// - Parameter synced: sync each commit to the disk before acknowledging its requests
    ///   (`SynchronousMode.full`), so that an acknowledged message survives a power cut too.
    init(database: AmtsboteDatabase, wakeup: Wakeup, synced: Bool) {
        self.wakeup = wakeup
        commit = GroupCommit(
            writer: database.writer, synced: synced,
            body: { db, batch in
                try batch.map { submission in
                    switch submission {
                    case .events(let records, _): try AmtsboteDatabase.storeInbound(db, records)
                    case .delivery(let record): [try AmtsboteDatabase.storeWebhookDelivery(db, record)]
                    }
                }
            },
            afterCommit: { batch, ids in
                // One ring per commit that stored something for the background processor.
                if zip(batch, ids).contains(where: { $0.wakes && !$1.isEmpty }) { Task { await wakeup.ring() } }
            })
    }

    /// Stores `messages`; returns the ids of the new events (empty for a pure redelivery).
    @discardableResult
    func accept(_ messages: [InboundMessage], wake: Bool = true) async throws -> [Int64] {
        guard !messages.isEmpty else { return [] }
        // Encoded here, on the request's own task, so the shared write holds only the inserts.
        let now = Date()
        return try await commit.submit(.events(messages.map { InboundEventRecord(message: $0, now: now) }, wake: wake))
    }

    /// Stores a verified webhook body for the background processor.
    func accept(_ source: WebhookDeliveryRecord.Source, body: Data) async throws {
        _ = try await commit.submit(.delivery(WebhookDeliveryRecord(source: source, body: body, receivedAt: Date())))
    }

    /// Requests stored since the start (see `BurstDetector`).
    func arrivals() -> Int {
        commit.submitted
    }
}
