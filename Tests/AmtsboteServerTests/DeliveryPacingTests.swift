import AmtsboteCore
import AmtsboteStore
import Foundation
import Synchronization
import Testing

@testable import AmtsboteServer

/// A platform client that takes `hold` per send and records how many sends overlapped.
private final class OverlapRecordingClient: PlatformClient {
    private let state = Mutex((current: 0, most: 0, sent: 0))
    private let hold: Duration

    init(hold: Duration) {
        self.hold = hold
    }

    func send(_ message: OutboundMessage, from firstPart: Int, progress: PartProgress) async throws {
        state.withLock { state in
            state.current += 1
            state.most = max(state.most, state.current)
        }
        try? await Task.sleep(for: hold)
        state.withLock { state in
            state.current -= 1
            state.sent += 1
        }
        try await progress(PartsSent(count: 1, total: 1))
    }

    var most: Int { state.withLock { $0.most } }
    var sent: Int { state.withLock { $0.sent } }
}

@Suite struct DeliveryPacingTests {
    /// Queues one reply each for `count` Telegram chats.
    private func queueReplies(_ count: Int, in database: AmtsboteDatabase) async throws {
        try await database.writer.write { db in
            for chat in 0..<count {
                var conversation = try AmtsboteDatabase.conversation(db, channel: .telegram, senderID: "\(chat)", now: Date())
                conversation.replyAddress = ReplyAddress(chatID: "\(chat)")
                try conversation.update(db)
                try AmtsboteDatabase.enqueue(db, OutboxEntryRecord(
                    conversationID: conversation.id!, channel: .telegram, reply: BotReply(text: "Antwort \(chat)"), now: Date()))
            }
        }
    }

    /// Runs the dispatcher on 8 queued replies, each send taking 20 ms, with webhooks arriving at
    /// 10,000 a second (a burst) or not at all; returns the most sends at once and the time taken.
    private func deliverEight(underBurst: Bool) async throws -> (most: Int, elapsed: Duration) {
        let database = try AmtsboteDatabase.inMemory()
        let client = OverlapRecordingClient(hold: .milliseconds(20))
        let wakeup = Wakeup()
        let clock = ContinuousClock()
        let start = clock.now
        let looks = Mutex(0)
        let arrivals: @Sendable () -> Int = {
            looks.withLock { $0 += 1 }
            guard underBurst else { return 0 }
            let elapsed: Double = (clock.now - start) / Duration.milliseconds(1)
            return Int(elapsed) * 10
        }
        var tuning = Tuning()
        tuning.backgroundShareUnderLoad = 0.25
        let dispatcher = OutboxDispatcher(
            database: database, clients: DeliveryClients([.telegram: client]), wakeup: wakeup, tuning: tuning, logger: quietLogger,
            arrivals: arrivals)
        let running = Task { try await dispatcher.run() }
        defer { running.cancel() }
        // Let the dispatcher measure the rate over a full window before the replies come: it looks
        // once when it starts and again after waiting a second on the empty outbox (generous
        // timeout: on a machine busy compiling, this once took over 10 s).
        #expect(await waitUntil(timeout: .seconds(30)) { looks.withLock { $0 } >= 2 })
        try await queueReplies(8, in: database)
        let queued = clock.now
        await wakeup.ring()
        #expect(await waitUntil(timeout: .seconds(30)) { client.sent == 8 })
        let elapsed = clock.now - queued
        #expect(try await waitUntil { try await database.outboxEntries().allSatisfy { $0.status == .sent } })
        return (client.most, elapsed)
    }

    @Test func underABurstRepliesGoOutOneAtATimeWithRests() async throws {
        let paced = try await deliverEight(underBurst: true)
        #expect(paced.most == 1)
        // Each 20 ms send is followed by a rest three times as long (share 0.25): 7 rests at least.
        #expect(paced.elapsed >= .milliseconds(7 * 60 + 8 * 20))

        let unpaced = try await deliverEight(underBurst: false)
        #expect(unpaced.most > 1)
        #expect(unpaced.elapsed < paced.elapsed)
    }
}
