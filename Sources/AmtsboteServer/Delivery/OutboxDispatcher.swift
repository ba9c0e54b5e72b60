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
///
/// Sends in flight when the process died (`kill -9`, power loss) are the one place a reply could
/// go out twice: the platform may have received the part before its outcome was recorded. Each
/// send is marked before it starts; at the next start, marked entries on channels that confirm
/// sends by webhook (Messenger echoes, WhatsApp statuses, see `SendReference`; Instagram echoes,
/// recognised by the text of the part, see `EchoDigest`) wait `Tuning.confirmationWait` for that
/// confirmation before the unconfirmed parts go out again. Telegram confirms nothing: its part in
/// flight goes out again at once (at least once). The same confirmations keep a retry from
/// sending a part again whose send failed without a clear answer (a timeout, a 5xx) although the
/// platform took it: they arrive before the retry is due and move the entry on past that part.
///
/// While webhooks arrive at burst rate, sending takes only `Tuning.backgroundShareUnderLoad` of
/// the time, like processing: one send at a time, each followed by a rest. (A send through
/// URLSession, and the platform's echo it brings back, cost the server more than processing the
/// message did; replies worked out between two bursts, sent at full speed during the second, took
/// a fifth of its intake throughput.)
struct OutboxDispatcher: Service {
    let database: AmtsboteDatabase
    let clients: DeliveryClients
    let wakeup: Wakeup
    let tuning: Tuning
    let logger: Logger
    /// Webhook requests stored since the start (`Intake.arrivals`), for telling a burst.
    let arrivals: @Sendable () -> Int
    /// Successful sends are recorded together (one commit for the sends finishing meanwhile).
    private let sentMarks: GroupCommit<(id: Int64, at: Date), Void>
    /// So are the parts of split replies, so that neither a retry nor a restart sends them again
    /// (with the digest of the next part on channels that recognise echoes by it).
    private let partMarks: GroupCommit<(id: Int64, parts: Int, awaitedEcho: String?), Void>

    init(
        database: AmtsboteDatabase, clients: DeliveryClients, wakeup: Wakeup, tuning: Tuning, logger: Logger,
        arrivals: @escaping @Sendable () -> Int = { 0 }
    ) {
        self.database = database
        self.clients = clients
        self.wakeup = wakeup
        self.tuning = tuning
        self.logger = logger
        self.arrivals = arrivals
        sentMarks = GroupCommit(writer: database.writer) { db, marks in
            try marks.map { try AmtsboteDatabase.markOutboxSent(db, id: $0.id, now: $0.at) }
        }
        partMarks = GroupCommit(writer: database.writer) { db, marks in
            try marks.map { try AmtsboteDatabase.markOutboxPartsSent(db, id: $0.id, parts: $0.parts, awaitedEcho: $0.awaitedEcho) }
        }
    }

    /// Channels whose platform repeats our `SendReference` in a webhook after a send.
    static let confirmingChannels: Set<Channel> = [.messenger, .whatsapp]

    /// Whether the platform confirms sends on `channel` by webhook (by reference or by text).
    static func confirms(_ channel: Channel) -> Bool { confirmingChannels.contains(channel) || EchoDigest.channels.contains(channel) }

    func run() async throws {
        await recoverInterruptedSends()
        let inFlight = InFlightEntries()
        var burst = BurstDetector(threshold: tuning.burstArrivalRate, window: tuning.burstWindow)
        await withGracefulShutdownHandler {
            // Sends finish on their own time; a finished send rings the wakeup so its slot (and the
            // conversation's next reply) is taken at once. At shutdown the group waits for them.
            await withDiscardingTaskGroup { group in
                while !Task.isShuttingDownGracefully && !Task.isCancelled {
                    if burst.update(arrivals: arrivals(), at: .now) {
                        await sendPaced(in: &group, inFlight: inFlight)
                        continue
                    }
                    let started = await startDue(in: &group, inFlight: inFlight, slots: tuning.deliveryConcurrency)
                    guard started == 0 else { continue }
                    // Nothing started: wait for a finished send or new replies (or the next retry).
                    let sending = await !inFlight.ids.isEmpty
                    await wakeup.wait(timeout: sending ? .seconds(1) : await idleTimeout())
                }
            }
        } onGracefulShutdown: {
            Task { await wakeup.ring() }
        }
    }

    private func recoverInterruptedSends() async {
        do {
            let holdUntil = Date().addingTimeInterval(tuning.confirmationWait.inSeconds)
            let found = try await database.recoverInterruptedSends(confirmingChannels: Self.confirmingChannels, holdUntil: holdUntil) {
                entry in
                (try? entry.botReply()).flatMap { EchoDigest.ofPartInFlight($0, channel: entry.channel, partsSent: entry.partsSent) }
            }
            guard found.waiting + found.resending > 0 else { return }
            logger.warning(
                "replies were being sent when the server stopped",
                metadata: [
                    "waiting_for_confirmation": "\(found.waiting)", "sent_again": "\(found.resending)",
                    "wait": "\(tuning.confirmationWait)",
                ])
        } catch {
            logger.error("cannot look for interrupted sends", metadata: ["error": "\(error)"])
        }
    }

    /// Under a burst: one send at a time, then a rest so that sending takes the background share.
    private func sendPaced(in group: inout DiscardingTaskGroup, inFlight: InFlightEntries) async {
        let clock = ContinuousClock()
        let began = clock.now
        let started = await startDue(in: &group, inFlight: inFlight, slots: 1)
        let sending = await !inFlight.ids.isEmpty
        guard started > 0 || sending else {
            await wakeup.wait(timeout: await idleTimeout())
            return
        }
        await wakeup.wait(timeout: .seconds(1))  // rung when the send is done
        // At most a second, so that a graceful shutdown is not held up.
        let rest = min(tuning.restUnderLoad(after: max(clock.now - began, .milliseconds(1))), .seconds(1))
        try? await Task.sleep(for: rest)
    }

    /// Starts sends for due entries not already in flight, up to the free of `slots`; returns how many.
    private func startDue(in group: inout DiscardingTaskGroup, inFlight: InFlightEntries, slots: Int) async -> Int {
        let busy = await inFlight.ids
        let free = slots - busy.count
        // Refill when half the slots are free: one read for several sends, not one per send.
        guard free > 0, busy.isEmpty || free >= max(slots / 2, 1) else { return 0 }
        let fresh: ArraySlice<OutboxEntryRecord>
        let conversations: [Int64: ConversationRecord]
        do {
            let due = try await database.dueOutboxDeliveries(limit: slots + busy.count)
            fresh = due.entries.filter { $0.id.map { !busy.contains($0) } ?? false }.prefix(free)
            conversations = due.conversations
        } catch {
            logger.error("cannot read the outbox", metadata: ["error": "\(error)"])
            return 0
        }
        do {
            try await database.markOutboxSending(ids: fresh.compactMap(\.id), awaitedEchoes: awaitedEchoes(of: fresh))
        } catch {
            logger.error("cannot mark replies as being sent", metadata: ["error": "\(error)"])
            return 0
        }
        for entry in fresh {
            guard let id = entry.id else { continue }
            await inFlight.insert(id)
            group.addTask {
                await deliver(entry, conversation: conversations[entry.conversationID])
                await inFlight.remove(id)
                await wakeup.ring()
            }
        }
        return fresh.count
    }

    /// The digests of the parts about to go out, for entries on channels whose echoes name no entry.
    private func awaitedEchoes(of entries: ArraySlice<OutboxEntryRecord>) -> [Int64: String] {
        var digests: [Int64: String] = [:]
        for entry in entries where EchoDigest.channels.contains(entry.channel) {
            guard let id = entry.id, let reply = try? entry.botReply() else { continue }
            digests[id] = EchoDigest.ofPartInFlight(reply, channel: entry.channel, partsSent: entry.partsSent)
        }
        return digests
    }

    /// How long to sleep when nothing is due: until the next retry, at most a second. A time
    /// already past belongs to an entry that waits for another (its conversation's earlier reply,
    /// or unread webhook bodies that may confirm it): look again soon, without spinning.
    private func idleTimeout() async -> Duration {
        guard let next = try? await database.nextOutboxAttempt() else { return .seconds(1) }
        let ahead = next.timeIntervalSinceNow
        let seconds = ahead <= 0 ? 0.2 : min(max(ahead, 0.01), 1)
        return .milliseconds(Int(seconds * 1000))
    }

    private func deliver(_ entry: OutboxEntryRecord, conversation: ConversationRecord?) async {
        guard let id = entry.id else { return }
        do {
            let message = try outboundMessage(for: entry, conversation: conversation)
            guard let client = clients[entry.channel] else {
                throw DeliveryError.permanent("channel \(entry.channel.rawValue) is not configured")
            }
            let partMarks = self.partMarks
            try await client.send(message, from: entry.partsSent) { sent in
                // The last part is recorded with the entry itself.
                guard sent.count < sent.total else { return }
                let next = EchoDigest.channels.contains(entry.channel) ? sent.nextText.map(EchoDigest.of) : nil
                try await partMarks.submit((id: id, parts: sent.count, awaitedEcho: next))
            }
            try await sentMarks.submit((id: id, at: Date()))
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
            if failure.isRetryable, attempts < tuning.maxDeliveryAttempts {
                var delay = failure.retryAfter ?? backoff(attempt: attempts)
                // The platform may have the part: give its confirmation time to arrive and be
                // read (behind a backlog), so that the retry does not send it a second time.
                var awaitingConfirmation = false
                if case .uncertain = failure, Self.confirms(entry.channel) {
                    delay = max(delay, tuning.confirmationWait.inSeconds)
                    awaitingConfirmation = true
                }
                try await database.markOutboxRetry(
                    id: id, error: failure.description, retryAt: Date().addingTimeInterval(delay), awaitingConfirmation: awaitingConfirmation)
                logger.warning("delivery failed; will retry", metadata: metadata.merging(["retry_in": "\(delay)"]) { $1 })
            } else {
                try await database.markOutboxFailed(id: id, error: failure.description)
                logger.error("delivery failed for good", metadata: metadata)
            }
        } catch {
            logger.error("cannot record the delivery outcome", metadata: ["outbox": "\(id)", "error": "\(error)"])
        }
    }

    /// Exponential backoff: base × 2^(attempt−1), capped.
    func backoff(attempt: Int) -> Double {
        let base = tuning.retryBaseDelay.inSeconds
        return min(base * pow(2, Double(max(attempt - 1, 0))), tuning.retryMaxDelay.inSeconds)
    }

    private func outboundMessage(for entry: OutboxEntryRecord, conversation: ConversationRecord?) throws -> OutboundMessage {
        guard let conversation else { throw DeliveryError.permanent("conversation is gone") }
        return OutboundMessage(
            channel: entry.channel, recipientID: conversation.senderID, address: conversation.replyAddress,
            reply: try entry.botReply(), tag: entry.tag, outboxID: entry.id)
    }
}

/// The outbox entries being sent right now, so a refill does not start them twice.
private actor InFlightEntries {
    private(set) var ids: Set<Int64> = []
    func insert(_ id: Int64) { ids.insert(id) }
    func remove(_ id: Int64) { ids.remove(id) }
}
