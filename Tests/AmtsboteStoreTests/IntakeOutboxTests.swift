import AmtsboteCore
import Foundation
import GRDB
import Testing

@testable import AmtsboteStore

/// Intake idempotency and outbox bookkeeping on a fresh in-memory database per test.
@Suite struct IntakeOutboxTests {
    let database: AmtsboteDatabase

    init() throws { database = try AmtsboteDatabase.inMemory() }

    private func message(_ id: String, sender: String = "u1") -> InboundMessage {
        InboundMessage(channel: .messenger, senderID: sender, externalID: id, text: "Hallo")
    }

    @Test func redeliveredIDIsStoredOnce() async throws {
        let first = try await database.storeInbound([message("m1"), message("m2")])
        let again = try await database.storeInbound([message("m1"), message("m2"), message("m3")])
        #expect(first.count == 2)
        #expect(again.count == 1)
        #expect(try await database.pendingInboundEvents().map(\.externalID) == ["m1", "m2", "m3"])
    }

    @Test func expandingAStoredBodyTwiceStoresItsEventsOnce() async throws {
        let first = try await database.storeWebhookDelivery(.meta, body: Data("{}".utf8))
        let second = try await database.storeWebhookDelivery(.telegram, body: Data("[]".utf8))
        #expect(try await database.pendingWebhookDeliveries().map(\.id) == [first, second])
        let stored = try await database.expandWebhookDeliveries([first], into: [InboundEventRecord(message: message("m1"), now: Date())])
        // A second expander (the CLI while the server runs) read the same body before it was deleted.
        let again = try await database.expandWebhookDeliveries([first], into: [InboundEventRecord(message: message("m1"), now: Date())])
        #expect(stored.count == 1 && again.isEmpty)
        #expect(try await database.pendingWebhookDeliveries().map(\.source) == [.telegram])
        #expect(try await database.pendingInboundEvents().map(\.externalID) == ["m1"])
    }

    @Test func bodyIDsAreNeverReused() async throws {
        // Another expander may still delete the ids it read: a newer body must not carry one of them.
        let first = try await database.storeWebhookDelivery(.meta, body: Data("{}".utf8))
        try await database.expandWebhookDeliveries([first], into: [])
        let second = try await database.storeWebhookDelivery(.meta, body: Data("{}".utf8))
        #expect(second > first)
    }

    @Test func sameIDOnAnotherChannelIsAnotherEvent() async throws {
        var telegram = message("m1")
        telegram.channel = .telegram
        let ids = try await database.storeInbound([message("m1"), telegram])
        #expect(ids.count == 2)
    }

    @Test func claimedEventIsNotClaimedAgain() async throws {
        let id = try #require(try await database.storeInbound([message("m1")]).first)
        try await database.writer.write { db in
            let first = try AmtsboteDatabase.claimPendingEvent(db, id: id, now: Date())
            let second = try AmtsboteDatabase.claimPendingEvent(db, id: id, now: Date())
            #expect(first && !second)
        }
        #expect(try await database.pendingInboundEvents().isEmpty)
    }

    @Test func failingEventIsSetAsideAfterMaxAttempts() async throws {
        let id = try #require(try await database.storeInbound([message("m1")]).first)
        for _ in 0..<3 { try await database.recordEventFailure(id: id, maxAttempts: 3) }
        #expect(try await database.pendingInboundEvents().isEmpty)
    }

    @Test func dueEntriesKeepEachConversationInOrder() async throws {
        let now = Date()
        let (a, b) = try await database.writer.write { db -> (Int64, Int64) in
            let a = try AmtsboteDatabase.conversation(db, channel: .messenger, senderID: "a", now: now).id!
            let b = try AmtsboteDatabase.conversation(db, channel: .messenger, senderID: "b", now: now).id!
            for (conversation, text) in [(a, "a1"), (a, "a2"), (b, "b1")] {
                try AmtsboteDatabase.enqueue(db, OutboxEntryRecord(
                    conversationID: conversation, channel: .messenger, reply: BotReply(text: text), now: now))
            }
            return (a, b)
        }
        let due = try await database.dueOutboxEntries(now: now)
        #expect(due.map(\.conversationID) == [a, b])
        #expect(try due.map { try $0.botReply().text } == ["a1", "b1"])

        try await database.markOutboxSent(id: due[0].id!)
        try await database.markOutboxRetry(id: due[1].id!, error: "HTTP 500", retryAt: now.addingTimeInterval(60))
        let next = try await database.dueOutboxEntries(now: now)
        #expect(try next.map { try $0.botReply().text } == ["a2"])
        #expect(try await database.nextOutboxAttempt() != nil)
    }

    @Test func sameConversationIsReusedPerChannelAndSender() async throws {
        let now = Date()
        let ids = try await database.writer.write { db in
            [
                try AmtsboteDatabase.conversation(db, channel: .telegram, senderID: "1", now: now).id,
                try AmtsboteDatabase.conversation(db, channel: .telegram, senderID: "1", now: now).id,
                try AmtsboteDatabase.conversation(db, channel: .whatsapp, senderID: "1", now: now).id,
            ]
        }
        #expect(ids[0] == ids[1])
        #expect(ids[0] != ids[2])
    }
}
