import AmtsboteCore
import AmtsboteStore
import Foundation
import GRDB
import Testing

@testable import AmtsboteServer

/// The outbox: retries, permanent failures, and delivery of pending work after a restart.
@Suite struct DeliveryTests {
    private func quickReply(_ psid: String, mid: String) throws -> Data {
        try Fixture.data("messenger-quick-reply", ["PSID": psid, "MID": mid, "PAYLOAD": "topic:reisepass"])
    }

    @Test func temporaryFailuresAreRetriedUntilDelivered() async throws {
        try await withFakePlatform { fake, fakePort in
            await fake.enqueue(status: 500, body: #"{"error":{"message":"oops","code":2}}"#)
            await fake.enqueue(status: 429, body: #"{"error":{"message":"slow down","code":613}}"#, headers: ["Retry-After": "0"])
            try await ServerHarness.run(fakePort: fakePort) { (server: ServerHarness) async throws in
                #expect(try await server.postMeta(try quickReply("PSID_R", mid: "m_retry")) == 200)
                let requests = await fake.waitForRequests(3)
                #expect(requests.count == 3)
                #expect(Set(requests.map { String(decoding: $0.body, as: UTF8.self) }).count == 1)
                try await Task.sleep(for: .milliseconds(200))
                let entry = try #require(try await server.database().outboxEntries().first)
                #expect(entry.status == .sent)
                #expect(entry.attempts == 3)
            }
        }
    }

    /// The platform answers the first send only after the server's request timeout of 1 s (and
    /// posts no echo by itself); sends without an answer wait 4 s for a confirmation.
    private func withFirstSendTimingOut(_ body: (FakePlatform, ServerHarness) async throws -> Void) async throws {
        try await withFakePlatform { fake, fakePort in
            await fake.enqueue(status: 200, body: #"{"recipient_id":"x","message_id":"late"}"#, delay: .seconds(3))
            try await ServerHarness.run(fakePort: fakePort, adjust: {
                $0.tuning.requestTimeout = .seconds(1)
                $0.tuning.confirmationWait = .seconds(4)
            }) { server in try await body(fake, server) }
        }
    }

    @Test func aSendThatTimesOutIsRetriedOnceThePlatformHadTimeToConfirmIt() async throws {
        // The platform may have the message: the retry waits for a confirmation first.
        try await withFirstSendTimingOut { fake, server in
            #expect(try await server.postMeta(try quickReply("PSID_T", mid: "m_timeout")) == 200)
            let requests = await fake.waitForRequests(2, timeout: .seconds(15))
            #expect(requests.count == 2)
            #expect(Set(requests.map { String(decoding: $0.body, as: UTF8.self) }).count == 1)
            // The retry came after the confirmation wait, not after the backoff's 2 s.
            if requests.count == 2 {
                let gap = requests[1].receivedAt - requests[0].receivedAt
                #expect(gap >= .milliseconds(4500) && gap < .seconds(10), "gap \(gap)")
            }
            let database = try server.database()
            #expect(try await waitUntil(timeout: .seconds(5)) { try await database.outboxEntries().first?.status == .sent })
            let entry = try #require(try await database.outboxEntries().first)
            #expect(entry.status == .sent)
            #expect(entry.attempts == 2)
        }
    }

    @Test func aTimedOutSendWhoseEchoArrivesDuringTheWaitIsNotSentAgain() async throws {
        try await withFirstSendTimingOut { fake, server in
            #expect(try await server.postMeta(try quickReply("PSID_E", mid: "m_echoed")) == 200)
            let first = try #require(await fake.waitForRequests(1).first)
            let metadata = try #require((first.json["message"] as? [String: Any])?["metadata"] as? String)
            let database = try server.database()
            // The send times out; the platform had it and echoes it back, as Meta does.
            #expect(try await waitUntil { try await database.outboxEntries().first?.attempts == 1 })
            #expect(try await server.postMeta(SendConfirmationTests.echo(recipient: "PSID_E", metadata: metadata)) == 200)
            #expect(try await waitUntil { try await database.outboxEntries().first?.status == .sent })
            try await Task.sleep(for: .seconds(5))
            #expect(await fake.requests.count == 1)
        }
    }

    @Test(arguments: [(0.3, 1.0), (1.0, 1.0), (1.2, 2.0), (10.0, 10.0), (0.0, 1.0)])
    func requestTimeoutsAreWholeSecondsRoundedUp(timeout: Double, seconds: Double) {
        // Foundation on Linux would take 0.3 s as 0 and fail every request at once.
        #expect(URLSessionTransport.wholeSeconds(.milliseconds(Int(timeout * 1000))) == seconds)
    }

    @Test func aRetryGoesOnWithThePartThatFailed() async throws {
        try await withFakePlatform { fake, fakePort in
            // A long Instagram answer goes out in twelve parts; the third fails once.
            await fake.enqueue(status: 200, body: #"{"recipient_id":"x","message_id":"m1"}"#)
            await fake.enqueue(status: 200, body: #"{"recipient_id":"x","message_id":"m2"}"#)
            await fake.enqueue(status: 500, body: #"{"error":{"message":"oops","code":2}}"#)
            try await ServerHarness.run(fakePort: fakePort) { (server: ServerHarness) async throws in
                #expect(try await server.postMeta(try Fixture.data("instagram-quick-reply")) == 200)
                let requests = await fake.waitForRequests(13)
                try await Task.sleep(for: .milliseconds(300))
                #expect(await fake.requests.count == 13)
                let texts = requests.compactMap { ($0.json["message"] as? [String: Any])?["text"] as? String }
                // Parts 1 and 2 once, part 3 twice (failed, then retried), the rest once.
                #expect(texts.count == 13)
                #expect(Set(texts).count == 12)
                #expect(texts[2] == texts[3])
                let entry = try #require(try await server.database().outboxEntries().first)
                #expect(entry.status == .sent)
                #expect(entry.attempts == 2)
                #expect(entry.partsSent == 11)  // all but the last, which completes the entry
            }
        }
    }

    @Test func permanentFailureIsNotRetried() async throws {
        try await withFakePlatform { fake, fakePort in
            await fake.enqueue(status: 400, body: #"{"error":{"message":"This person isn't available right now.","code":551,"error_subcode":1545041}}"#)
            try await ServerHarness.run(fakePort: fakePort) { (server: ServerHarness) async throws in
                #expect(try await server.postMeta(try quickReply("PSID_P", mid: "m_perm")) == 200)
                _ = await fake.waitForRequests(1)
                try await Task.sleep(for: .milliseconds(500))
                #expect(await fake.requests.count == 1)
                let entry = try #require(try await server.database().outboxEntries().first)
                #expect(entry.status == .failed)
                #expect(entry.lastError?.contains("551") == true)
            }
        }
    }

    @Test func telegramRetryAfterIsHonoured() {
        let response = InboundResponse(
            status: 429, body: Data(#"{"ok":false,"error_code":429,"description":"Too Many Requests: retry after 7","parameters":{"retry_after":7}}"#.utf8))
        #expect(PlatformErrorClassifier.telegram(response) == .temporary("HTTP 429 error_code 429", retryAfter: 7))
        let blocked = InboundResponse(status: 403, body: Data(#"{"ok":false,"error_code":403,"description":"Forbidden: bot was blocked by the user"}"#.utf8))
        #expect(PlatformErrorClassifier.telegram(blocked) == .permanent("HTTP 403 error_code 403"))
    }

    @Test func pendingEventsAndOutboxEntriesAreDeliveredAfterRestart() async throws {
        let path = ServerHarness.temporaryDatabasePath()
        // Work left behind by a server that stopped: one stored event not yet processed, one reply not yet sent.
        do {
            let database = try AmtsboteDatabase.open(path: path)
            try await database.storeInbound([
                InboundMessage(
                    channel: .messenger, senderID: "PSID_E", externalID: "m_left", kind: .choice, text: "", payload: "topic:reisepass",
                    address: ReplyAddress(pageID: "PAGE_1"))
            ])
            try await database.writer.write { db in
                var conversation = try AmtsboteDatabase.conversation(db, channel: .telegram, senderID: "555", now: Date())
                conversation.replyAddress = ReplyAddress(chatID: "555")
                try conversation.update(db)
                try AmtsboteDatabase.enqueue(db, OutboxEntryRecord(
                    conversationID: conversation.id!, channel: .telegram, reply: BotReply(text: "Noch offen"), now: Date()))
            }
        }
        try await withFakePlatform { fake, fakePort in
            try await ServerHarness.run(fakePort: fakePort, databasePath: path) { _ in
                let requests = await fake.waitForRequests(2, timeout: .seconds(5))
                #expect(requests.count == 2)
                let telegram = try #require(requests.first { $0.path.hasSuffix("/sendMessage") })
                #expect(telegram.json["text"] as? String == "Noch offen")
                #expect(telegram.json["chat_id"] as? Int == 555)
                let messenger = try #require(requests.first { $0.path == "/v21.0/me/messages" })
                #expect((messenger.json["recipient"] as? [String: Any])?["id"] as? String == "PSID_E")
            }
        }
    }

    @Test func replyFailingAcrossARestartIsDeliveredOnce() async throws {
        let path = ServerHarness.temporaryDatabasePath()
        try await withFakePlatform { fake, fakePort in
            for _ in 0..<2 { await fake.enqueue(status: 503, body: "{}") }
            try await ServerHarness.run(fakePort: fakePort, databasePath: path, adjust: { $0.tuning.retryBaseDelay = .seconds(30) }) { (server: ServerHarness) async throws in
                #expect(try await server.postMeta(try quickReply("PSID_X", mid: "m_restart")) == 200)
                _ = await fake.waitForRequests(1)
            }
            // Make the retry due now, as if the backoff had passed while the server was down.
            let database = try AmtsboteDatabase.open(path: path)
            try await database.writer.write { db in try db.execute(sql: "UPDATE outboxEntry SET nextAttemptAt = ?", arguments: [Date()]) }
            try await ServerHarness.run(fakePort: fakePort, databasePath: path) { (server: ServerHarness) async throws in
                let requests = await fake.waitForRequests(3)
                try await Task.sleep(for: .milliseconds(300))
                #expect(requests.count == 3)
                let entry = try #require(try await server.database().outboxEntries().first)
                #expect(entry.status == .sent)
            }
            #expect(await fake.requests.count == 3)
        }
    }
}
