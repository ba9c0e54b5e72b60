import AmtsboteCore
import AmtsboteStore
import Foundation
import GRDB
import Testing

@testable import AmtsboteServer

/// After a crash, a reply that was being sent waits for the platform's confirmation (Messenger
/// echo, WhatsApp status) instead of going out a second time.
@Suite struct SendConfirmationTests {
    static func echo(recipient: String, metadata: String) -> Data {
        Data(#"""
            {"object":"page","entry":[{"id":"PAGE_1","time":1700000000000,"messaging":[{"sender":{"id":"PAGE_1"},
            "recipient":{"id":"\#(recipient)"},"timestamp":1700000000000,"message":{"is_echo":true,"app_id":1517776481860111,
            "metadata":"\#(metadata)","mid":"m_echo_\#(recipient)","text":"Antwort"}}]}]}
            """#.utf8)
    }

    static func whatsAppStatus(_ status: String, callbackData: String) -> Data {
        Data(#"""
            {"object":"whatsapp_business_account","entry":[{"id":"WABA_1","changes":[{"field":"messages","value":{
            "messaging_product":"whatsapp","metadata":{"display_phone_number":"4930123456","phone_number_id":"PN_1"},
            "statuses":[{"id":"wamid.X","status":"\#(status)","timestamp":"1700000000","recipient_id":"4917612345678",
            "biz_opaque_callback_data":"\#(callbackData)"}]}}]}]}
            """#.utf8)
    }

    /// Instagram's echo of a message the account sent: no metadata, the text as sent.
    static func instagramEcho(recipient: String, text: String) -> Data {
        let escaped = String(decoding: try! JSONEncoder().encode(text), as: UTF8.self)
        return Data(#"""
            {"object":"instagram","entry":[{"id":"IG_1","time":1700000000000,"messaging":[{"sender":{"id":"IG_1"},
            "recipient":{"id":"\#(recipient)"},"timestamp":1700000000000,"message":{"mid":"m_ig_echo_\#(text.count)",
            "text":\#(escaped),"is_echo":true}}]}]}
            """#.utf8)
    }

    private func confirmations(_ body: Data) throws -> [OutboxPartConfirmation] {
        MetaWebhookParser.sendConfirmations(in: try JSONDecoder().decode(MetaWebhookPayload.self, from: body))
    }

    @Test(arguments: [
        ("amtsbote:42:0", SendReference(entryID: 42, part: 0)),
        ("amtsbote:7:3", SendReference(entryID: 7, part: 3)),
        ("amtsbote:7", nil), ("amtsbote:x:1", nil), ("amtsbote:0:1", nil), ("amtsbote:1:-1", nil),
        ("amtsbote:1:2:3", nil), ("other-app:1:2", nil), ("", nil),
        // The part + 1 of the confirmation overflowed and crashed the processor on every restart.
        ("amtsbote:1:9223372036854775807", nil), ("amtsbote:1:100000", nil),
    ] as [(String, SendReference?)])
    func sendReferencesAreReadBackExactly(text: String, expected: SendReference?) {
        #expect(SendReference(text) == expected)
        if let expected { #expect(expected.text == text) }
    }

    @Test func echoesAndSuccessfulStatusesConfirmParts() throws {
        #expect(try confirmations(Self.echo(recipient: "PSID_A", metadata: "amtsbote:12:1")) == [.init(entryID: 12, parts: 2)])
        #expect(try confirmations(Self.echo(recipient: "PSID_A", metadata: "set by another app")).isEmpty)
        for status in ["sent", "delivered", "read"] {
            #expect(try confirmations(Self.whatsAppStatus(status, callbackData: "amtsbote:5:0")) == [.init(entryID: 5, parts: 1)])
        }
        #expect(try confirmations(Self.whatsAppStatus("failed", callbackData: "amtsbote:5:0")).isEmpty)
        // Citizens' messages are never confirmations, and echoes are never citizens' messages.
        let echo = try JSONDecoder().decode(MetaWebhookPayload.self, from: Self.echo(recipient: "PSID_A", metadata: "amtsbote:12:1"))
        #expect(MetaWebhookParser.messages(in: echo).isEmpty)
    }

    @Test func instagramEchoesAreRecognisedByRecipientAndTextDigest() throws {
        let payload = try JSONDecoder().decode(MetaWebhookPayload.self, from: Self.instagramEcho(recipient: "IGSID_A", text: "Antwort\n"))
        #expect(MetaWebhookParser.echoedParts(in: payload) == [
            EchoedPart(channel: .instagram, recipientID: "IGSID_A", textDigest: EchoDigest.of("Antwort"))
        ])
        #expect(MetaWebhookParser.messages(in: payload).isEmpty)
        #expect(MetaWebhookParser.sendConfirmations(in: payload).isEmpty)
        #expect(EchoDigest.of("Antwort") != EchoDigest.of("Antwort!"))
        #expect(EchoDigest.of("Antwort").count == 64)
        // Messenger echoes are confirmed by their reference, never by their text.
        let messenger = try JSONDecoder().decode(MetaWebhookPayload.self, from: Self.echo(recipient: "PSID_A", metadata: "x"))
        #expect(MetaWebhookParser.echoedParts(in: messenger).isEmpty)
        // The part in flight is the one after those recorded; Telegram and Messenger use no digest.
        let reply = BotReply(text: String(repeating: "Straße ", count: 300))
        let parts = MessengerClient.parts(of: reply, channel: .instagram)
        #expect(parts.count == 3)
        #expect(EchoDigest.ofPartInFlight(reply, channel: .instagram, partsSent: 1) == EchoDigest.of(parts[1]))
        #expect(EchoDigest.ofPartInFlight(reply, channel: .instagram, partsSent: 3) == nil)
        #expect(EchoDigest.ofPartInFlight(reply, channel: .messenger, partsSent: 0) == nil)
        #expect(EchoDigest.ofPartInFlight(reply, channel: .telegram, partsSent: 0) == nil)
    }

    @Test func whatsAppPartsCarryTheirReference() {
        let message = OutboundMessage(
            channel: .whatsapp, recipientID: "4917612345678", address: ReplyAddress(phoneNumberID: "PN_1"),
            reply: BotReply(text: String(repeating: "Wort ", count: 1000)), outboxID: 31)
        let bodies = WhatsAppClient.bodies(for: message)
        #expect(bodies.count == 2)
        #expect(bodies.map(\.callbackData) == ["amtsbote:31:0", "amtsbote:31:1"])
    }

    /// Left behind by a server killed while sending: pending replies marked as in flight.
    private func interruptedReplies(at path: String) async throws -> (messenger: Int64, unconfirmed: Int64, telegram: Int64) {
        let database = try AmtsboteDatabase.open(path: path)
        let ids = try await database.writer.write { db -> [Int64] in
            let targets: [(Channel, String, ReplyAddress)] = [
                (.messenger, "PSID_ECHOED", ReplyAddress(pageID: "PAGE_1")),
                (.messenger, "PSID_SILENT", ReplyAddress(pageID: "PAGE_1")),
                (.telegram, "777", ReplyAddress(chatID: "777")),
            ]
            return try targets.map { channel, sender, address in
                var conversation = try AmtsboteDatabase.conversation(db, channel: channel, senderID: sender, now: Date())
                conversation.replyAddress = address
                try conversation.update(db)
                return try AmtsboteDatabase.enqueue(db, OutboxEntryRecord(
                    conversationID: conversation.id!, channel: channel, reply: BotReply(text: "Antwort für \(sender)"), now: Date())).id!
            }
        }
        try await database.markOutboxSending(ids: ids)
        return (ids[0], ids[1], ids[2])
    }

    /// How long a reply interrupted by the crash waits for its echo. Generous: it runs from
    /// before the server starts, and with the whole suite loading both cores, 3 s once passed
    /// before the redelivered echo was processed, so the echoed reply went out a second time.
    static let confirmationWait = Duration.seconds(8)

    @Test func afterACrashAnEchoedReplyIsNotSentAgainAndTheOthersAre() async throws {
        let path = ServerHarness.temporaryDatabasePath()
        let ids = try await interruptedReplies(at: path)
        try await withFakePlatform { fake, fakePort in
            try await ServerHarness.run(fakePort: fakePort, databasePath: path, adjust: { $0.tuning.confirmationWait = Self.confirmationWait }) {
                (server: ServerHarness) async throws in
                // Telegram confirms nothing: its reply goes out again at once.
                let first = try #require(await fake.waitForRequests(1).first)
                #expect(first.path.hasSuffix("/sendMessage"))
                // Meta redelivers the echo of the reply that did arrive before the crash.
                #expect(try await server.postMeta(Self.echo(recipient: "PSID_ECHOED", metadata: "amtsbote:\(ids.messenger):0")) == 200)
                let database = try server.database()
                #expect(try await waitUntil { try await database.outboxEntry(id: ids.messenger)?.status == .sent })
                #expect(await fake.requests.count == 1)
                // The reply without an echo is sent again once the wait is over, with its reference.
                #expect(try await waitUntil(timeout: .seconds(30)) { try await database.outboxEntry(id: ids.unconfirmed)?.status == .sent })
                let requests = await fake.requests
                #expect(requests.count == 2)
                let resent = try #require(requests.last)
                #expect((resent.json["recipient"] as? [String: Any])?["id"] as? String == "PSID_SILENT")
                #expect((resent.json["message"] as? [String: Any])?["metadata"] as? String == "amtsbote:\(ids.unconfirmed):0")
                #expect(try await database.outboxEntry(id: ids.telegram)?.status == .sent)
            }
        }
    }

    @Test func afterACrashAnInstagramPartWhoseEchoArrivesIsNotSentAgain() async throws {
        let path = ServerHarness.temporaryDatabasePath()
        let long = BotReply(text: String(repeating: "Bürgeramt ", count: 150))  // two parts on Instagram
        let parts = MessengerClient.parts(of: long, channel: .instagram)
        #expect(parts.count == 2)
        let database = try AmtsboteDatabase.open(path: path)
        let ids = try await database.writer.write { db -> [Int64] in
            try [("IGSID_ECHOED", long), ("IGSID_SILENT", BotReply(text: "Kurze Antwort"))].map { sender, reply in
                var conversation = try AmtsboteDatabase.conversation(db, channel: .instagram, senderID: sender, now: Date())
                conversation.replyAddress = ReplyAddress(pageID: "IG_1")
                try conversation.update(db)
                return try AmtsboteDatabase.enqueue(db, OutboxEntryRecord(
                    conversationID: conversation.id!, channel: .instagram, reply: reply, now: Date())).id!
            }
        }
        try await database.markOutboxSending(ids: ids)  // killed while sending the first part of each
        try await withFakePlatform { fake, fakePort in
            try await ServerHarness.run(fakePort: fakePort, databasePath: path, adjust: { $0.tuning.confirmationWait = Self.confirmationWait }) {
                (server: ServerHarness) async throws in
                let database = try server.database()
                // A message typed by staff in the Instagram inbox is an echo too, but of another text.
                #expect(try await server.postMeta(Self.instagramEcho(recipient: "IGSID_SILENT", text: "Hallo vom Team")) == 200)
                // Meta redelivers the echo of the first part, which did arrive before the crash:
                // only the second part goes out, at once.
                #expect(try await server.postMeta(Self.instagramEcho(recipient: "IGSID_ECHOED", text: parts[0])) == 200)
                #expect(try await waitUntil { try await database.outboxEntry(id: ids[0])?.status == .sent })
                let afterEcho = await fake.requests
                #expect(afterEcho.count == 1)
                #expect((afterEcho.first?.json["message"] as? [String: Any])?["text"] as? String == parts[1])
                // The reply without its echo goes out again once the wait is over.
                #expect(try await waitUntil(timeout: .seconds(30)) { try await database.outboxEntry(id: ids[1])?.status == .sent })
                let requests = await fake.requests
                #expect(requests.count == 2)
                #expect((requests.last?.json["recipient"] as? [String: Any])?["id"] as? String == "IGSID_SILENT")
                #expect((requests.last?.json["message"] as? [String: Any])?["text"] as? String == "Kurze Antwort")
            }
        }
    }

    @Test func anInstagramPartTakenDespiteAFailedSendIsNotSentAgain() async throws {
        try await withFakePlatform { fake, fakePort in
            // A long Instagram answer goes out in twelve parts; the platform takes the third but
            // answers 500 (as a timeout would leave it: sent, with no answer to tell).
            await fake.enqueue(status: 200, body: #"{"recipient_id":"x","message_id":"m1"}"#)
            await fake.enqueue(status: 200, body: #"{"recipient_id":"x","message_id":"m2"}"#)
            await fake.enqueue(status: 500, body: #"{"error":{"message":"oops","code":2}}"#)
            try await ServerHarness.run(fakePort: fakePort, adjust: { $0.tuning.retryBaseDelay = .seconds(5) }) {
                (server: ServerHarness) async throws in
                #expect(try await server.postMeta(try Fixture.data("instagram-quick-reply")) == 200)
                let third = try #require(await fake.waitForRequests(3).last)
                let recipient = try #require((third.json["recipient"] as? [String: Any])?["id"] as? String)
                let text = try #require((third.json["message"] as? [String: Any])?["text"] as? String)
                // Its echo arrives before the retry is due: the retry goes on with the fourth part at once.
                #expect(try await server.postMeta(Self.instagramEcho(recipient: recipient, text: text)) == 200)
                let database = try server.database()
                #expect(try await waitUntil(timeout: .seconds(4)) { try await database.outboxEntries().first?.status == .sent })
                let texts = await fake.requests.compactMap { ($0.json["message"] as? [String: Any])?["text"] as? String }
                #expect(texts.count == 12)
                #expect(Set(texts).count == 12)
                let entry = try #require(try await database.outboxEntries().first)
                #expect(entry.attempts == 2)
            }
        }
    }
}
