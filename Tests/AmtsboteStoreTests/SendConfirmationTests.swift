import AmtsboteCore
import Foundation
import GRDB
import Testing

@testable import AmtsboteStore

/// Sends interrupted by a crash, and the platform's confirmations of sent parts.
@Suite struct SendConfirmationTests {
    let database: AmtsboteDatabase

    init() throws { database = try AmtsboteDatabase.inMemory() }

    /// One pending entry per channel, each in its own conversation; returns their ids.
    private func enqueue(_ channels: [Channel], at now: Date = testNow) async throws -> [Int64] {
        try await database.writer.write { db in
            try channels.enumerated().map { index, channel in
                let conversation = try AmtsboteDatabase.conversation(db, channel: channel, senderID: "s\(index)", now: now)
                return try AmtsboteDatabase.enqueue(db, OutboxEntryRecord(
                    conversationID: conversation.id!, channel: channel, reply: BotReply(text: "Antwort \(index)"), now: now)).id!
            }
        }
    }

    private func entry(_ id: Int64) async throws -> OutboxEntryRecord {
        try #require(try await database.outboxEntry(id: id))
    }

    @Test func interruptedSendsWaitForConfirmationOnlyWhereThePlatformConfirms() async throws {
        let ids = try await enqueue([.messenger, .telegram, .whatsapp, .messenger])
        try await database.markOutboxSending(ids: Array(ids.prefix(3)), now: testNow)
        let holdUntil = testNow.addingTimeInterval(60)

        let found = try await database.recoverInterruptedSends(confirmingChannels: [.messenger, .whatsapp], holdUntil: holdUntil)

        #expect(found == .init(waiting: 2, resending: 1))
        #expect(try await entry(ids[0]).nextAttemptAt == holdUntil)
        #expect(try await entry(ids[1]).nextAttemptAt == testNow)  // Telegram: at-least-once, at once
        #expect(try await entry(ids[2]).nextAttemptAt == holdUntil)
        #expect(try await entry(ids[3]).nextAttemptAt == testNow)  // never started: nothing uncertain
        for id in ids { #expect(try await entry(id).sendStartedAt == nil) }
        // A second start finds nothing left to recover.
        #expect(try await database.recoverInterruptedSends(confirmingChannels: [.messenger], holdUntil: holdUntil) == .init(waiting: 0, resending: 0))
    }

    @Test func recordedOutcomesClearTheInFlightMark() async throws {
        let ids = try await enqueue([.messenger, .messenger, .messenger])
        try await database.markOutboxSending(ids: ids, now: testNow)
        #expect(try await entry(ids[0]).sendStartedAt == testNow)
        try await database.markOutboxSent(id: ids[0], now: testNow)
        try await database.markOutboxRetry(id: ids[1], error: "HTTP 503", retryAt: testNow.addingTimeInterval(5))
        try await database.markOutboxFailed(id: ids[2], error: "permanent")
        for id in ids { #expect(try await entry(id).sendStartedAt == nil) }
    }

    @Test func confirmationOfThePartInFlightMakesTheEntryDueAndIsNeverUndone() async throws {
        let ids = try await enqueue([.messenger, .messenger, .messenger])
        let later = testNow.addingTimeInterval(60)
        try await database.writer.write { db in
            try db.execute(sql: "UPDATE outboxEntry SET nextAttemptAt = ?, partsSent = 1", arguments: [later])
            try AmtsboteDatabase.markOutboxSent(db, id: ids[2], now: testNow)
        }
        try await database.writer.write { db in
            try AmtsboteDatabase.confirmOutboxParts(
                db,
                [
                    OutboxPartConfirmation(entryID: ids[0], parts: 2),  // the part in flight (index 1) arrived
                    OutboxPartConfirmation(entryID: ids[1], parts: 1),  // an old part: nothing new
                    OutboxPartConfirmation(entryID: ids[2], parts: 5),  // already sent: left alone
                    OutboxPartConfirmation(entryID: 9999, parts: 1),  // unknown (purged) entry
                ], now: testNow)
        }
        #expect(try await entry(ids[0]).partsSent == 2)
        #expect(try await entry(ids[0]).nextAttemptAt == testNow)
        #expect(try await entry(ids[1]).partsSent == 1)
        #expect(try await entry(ids[1]).nextAttemptAt == later)
        #expect(try await entry(ids[2]).partsSent == 1)
        // The dispatcher's own record of an earlier part cannot lower what an echo confirmed.
        try await database.writer.write { db in try AmtsboteDatabase.markOutboxPartsSent(db, id: ids[0], parts: 1) }
        #expect(try await entry(ids[0]).partsSent == 2)
    }

    @Test func aHeldEntryWaitsUntilTheWebhookBodiesReceivedDuringItsHoldAreRead() async throws {
        let ids = try await enqueue([.messenger, .messenger, .telegram])
        try await database.markOutboxSending(ids: Array(ids.prefix(2)), now: testNow)
        let holdUntil = testNow.addingTimeInterval(60)
        _ = try await database.recoverInterruptedSends(confirmingChannels: [.messenger], holdUntil: holdUntil)
        #expect(try await entry(ids[0]).awaitsConfirmation)
        #expect(try await !entry(ids[2]).awaitsConfirmation)
        // A body from within the hold is still unread when it ends: it may hold the echo.
        let unread = try await database.storeWebhookDelivery(.meta, body: Data("{}".utf8), now: holdUntil.addingTimeInterval(-1))
        let afterHold = holdUntil.addingTimeInterval(5)
        #expect(try await database.dueOutboxEntries(now: afterHold).map(\.id) == [ids[2]])  // the fresh entry is not held
        // Read, it confirms the second entry's part; the first is now judged unconfirmed.
        try await database.expandWebhookDeliveries([unread], into: [], confirming: [OutboxPartConfirmation(entryID: ids[1], parts: 1)])
        #expect(try await !entry(ids[1]).awaitsConfirmation)
        #expect(try await database.dueOutboxEntries(now: afterHold).map(\.id) == ids)
        // A body received after the hold ended cannot confirm anything the hold waited for.
        _ = try await database.storeWebhookDelivery(.meta, body: Data("{}".utf8), now: holdUntil.addingTimeInterval(1))
        #expect(try await database.dueOutboxEntries(now: afterHold).map(\.id) == ids)
        // A new attempt ends the hold.
        try await database.markOutboxSending(ids: [ids[0]], now: afterHold)
        #expect(try await !entry(ids[0]).awaitsConfirmation)
    }

    @Test func aRetryAfterASendWithoutAnswerWaitsForTheBodiesReceivedMeanwhile() async throws {
        let ids = try await enqueue([.whatsapp, .whatsapp])
        let retryAt = testNow.addingTimeInterval(60)
        try await database.markOutboxRetry(id: ids[0], error: "timed out", retryAt: retryAt, awaitingConfirmation: true)
        try await database.markOutboxRetry(id: ids[1], error: "HTTP 503", retryAt: retryAt)
        _ = try await database.storeWebhookDelivery(.telegram, body: Data("{}".utf8), now: testNow.addingTimeInterval(30))
        #expect(try await database.dueOutboxEntries(now: retryAt).map(\.id) == [ids[1]])
        try await database.expandWebhookDeliveries(try await database.pendingWebhookDeliveries().compactMap(\.id), into: [])
        #expect(try await database.dueOutboxEntries(now: retryAt).map(\.id) == ids)
    }

    @Test func confirmationsTravelWithTheExpandedWebhookBody() async throws {
        let ids = try await enqueue([.whatsapp])
        let body = try await database.storeWebhookDelivery(.meta, body: Data("{}".utf8))
        try await database.expandWebhookDeliveries([body], into: [], confirming: [OutboxPartConfirmation(entryID: ids[0], parts: 1)])
        #expect(try await entry(ids[0]).partsSent == 1)
        #expect(try await database.pendingWebhookDeliveries().isEmpty)
    }

    private func awaitedEcho(_ id: Int64) async throws -> String? {
        try await database.writer.read { db in
            try String.fetchOne(db, sql: "SELECT awaitedEcho FROM outboxEntry WHERE id = ?", arguments: [id])
        }
    }

    /// Instagram entries `s0` and `s1` held after a crash, each awaiting the echo `digest-<sender>`.
    private func heldInstagramEntries(holdUntil: Date) async throws -> [Int64] {
        let ids = try await enqueue([.instagram, .instagram, .instagram])
        try await database.markOutboxSending(ids: Array(ids.prefix(2)), now: testNow)
        let digests = [ids[0]: "digest-s0", ids[1]: "digest-s1"]
        let found = try await database.recoverInterruptedSends(confirmingChannels: [.messenger], holdUntil: holdUntil) { entry in
            entry.id.flatMap { digests[$0] }
        }
        #expect(found == .init(waiting: 2, resending: 0))
        return ids
    }

    @Test func interruptedSendsWithADigestWaitForTheirEcho() async throws {
        let holdUntil = testNow.addingTimeInterval(60)
        let ids = try await heldInstagramEntries(holdUntil: holdUntil)
        #expect(try await entry(ids[0]).nextAttemptAt == holdUntil)
        #expect(try await awaitedEcho(ids[0]) == "digest-s0")
        #expect(try await awaitedEcho(ids[1]) == "digest-s1")
        // Never started: nothing in flight, nothing awaited.
        #expect(try await entry(ids[2]).nextAttemptAt == testNow)
        #expect(try await awaitedEcho(ids[2]) == nil)
    }

    @Test func anEchoConfirmsOnlyTheHeldPartWithItsDigestRecipientAndChannelAndOnlyOnce() async throws {
        let ids = try await heldInstagramEntries(holdUntil: testNow.addingTimeInterval(60))
        let misses = [
            EchoedPart(channel: .instagram, recipientID: "s0", textDigest: "digest-s1"),  // another part's text
            EchoedPart(channel: .instagram, recipientID: "s1", textDigest: "digest-s0"),  // another recipient
            EchoedPart(channel: .messenger, recipientID: "s0", textDigest: "digest-s0"),  // another channel
        ]
        try await database.writer.write { db in try AmtsboteDatabase.confirmEchoedParts(db, misses, now: testNow) }
        for id in ids.prefix(2) {
            #expect(try await entry(id).partsSent == 0)
            #expect(try await awaitedEcho(id) != nil)
        }

        let echo = EchoedPart(channel: .instagram, recipientID: "s0", textDigest: "digest-s0")
        try await database.writer.write { db in try AmtsboteDatabase.confirmEchoedParts(db, [echo], now: testNow) }
        #expect(try await entry(ids[0]).partsSent == 1)
        #expect(try await entry(ids[0]).nextAttemptAt == testNow)  // due at once
        #expect(try await awaitedEcho(ids[0]) == nil)
        // Redelivered: nothing is awaited any more, so the part is not counted twice.
        try await database.writer.write { db in try AmtsboteDatabase.confirmEchoedParts(db, [echo, echo], now: testNow) }
        #expect(try await entry(ids[0]).partsSent == 1)
        #expect(try await entry(ids[1]).partsSent == 0)
        // Echoes travel with the expanded webhook body like confirmations.
        let body = try await database.storeWebhookDelivery(.meta, body: Data("{}".utf8))
        try await database.expandWebhookDeliveries(
            [body], into: [], echoes: [EchoedPart(channel: .instagram, recipientID: "s1", textDigest: "digest-s1")])
        #expect(try await entry(ids[1]).partsSent == 1)
    }

    @Test func theAwaitedEchoFollowsThePartOnItsWay() async throws {
        let ids = try await enqueue([.instagram, .instagram])
        let echo = { (part: Int) in EchoedPart(channel: .instagram, recipientID: "s0", textDigest: "part-\(part)") }
        let confirm = { (echoes: [EchoedPart]) in
            try await self.database.writer.write { db in try AmtsboteDatabase.confirmEchoedParts(db, echoes, now: testNow) }
        }
        // The send starts with the first part; its mark moves the awaited digest to the second.
        try await database.markOutboxSending(ids: ids, awaitedEchoes: [ids[0]: "part-0"], now: testNow)
        #expect(try await awaitedEcho(ids[0]) == "part-0")
        #expect(try await awaitedEcho(ids[1]) == nil)  // no digest given, none awaited
        try await database.writer.write { db in
            try AmtsboteDatabase.markOutboxPartsSent(db, id: ids[0], parts: 1, awaitedEcho: "part-1")
        }
        #expect(try await awaitedEcho(ids[0]) == "part-1")
        // A late echo of the first part matches nothing: it is recorded already.
        try await confirm([echo(0)])
        #expect(try await entry(ids[0]).partsSent == 1)

        // The second part's send fails without a clear answer; the retry waits, the digest stays.
        let retryAt = testNow.addingTimeInterval(30)
        try await database.markOutboxRetry(id: ids[0], error: "timeout", retryAt: retryAt)
        #expect(try await awaitedEcho(ids[0]) == "part-1")
        // Its echo arrives: the part was received, the rest is due at once.
        try await confirm([echo(1)])
        #expect(try await entry(ids[0]).partsSent == 2)
        #expect(try await entry(ids[0]).nextAttemptAt == testNow)
        #expect(try await awaitedEcho(ids[0]) == nil)

        // The echo may arrive before the part's own mark: the mark neither counts it twice nor
        // brings back the digest of a part already counted.
        try await database.markOutboxSending(ids: [ids[0]], awaitedEchoes: [ids[0]: "part-2"], now: testNow)
        try await confirm([echo(2)])
        try await database.writer.write { db in
            try AmtsboteDatabase.markOutboxPartsSent(db, id: ids[0], parts: 3, awaitedEcho: "part-3")
        }
        #expect(try await entry(ids[0]).partsSent == 3)
        #expect(try await awaitedEcho(ids[0]) == "part-3")
        try await database.writer.write { db in
            try AmtsboteDatabase.markOutboxPartsSent(db, id: ids[0], parts: 2, awaitedEcho: "part-2")  // an older mark
        }
        #expect(try await entry(ids[0]).partsSent == 3)
        #expect(try await awaitedEcho(ids[0]) == "part-3")

        // Once the outcome is known, nothing is awaited.
        try await database.markOutboxSent(id: ids[0], now: testNow)
        #expect(try await awaitedEcho(ids[0]) == nil)
        try await database.markOutboxSending(ids: [ids[1]], awaitedEchoes: [ids[1]: "other"], now: testNow)
        try await database.markOutboxFailed(id: ids[1], error: "blocked")
        #expect(try await awaitedEcho(ids[1]) == nil)
    }
}
