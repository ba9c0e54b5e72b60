import AmtsboteCore
import AmtsboteStore
import Foundation
import Testing

@testable import AmtsboteServer

/// Messenger, Instagram and WhatsApp through `/webhooks/meta`, with the fake Graph API on 127.0.0.1.
@Suite struct MetaWebhookTests {
    @Test func knownSignatureVector() {
        let body = Array(#"{"object":"page","entry":[]}"#.utf8)
        let signature = MetaSignature(appSecret: "test_app_secret")
        #expect(signature.header(for: body) == "sha256=5da47c9c7409e70d7a1851f0cfd9bc27786bd99587a9bf1dd5b51e23a2de03cf")
        #expect(signature.isValid(header: "sha256=5da47c9c7409e70d7a1851f0cfd9bc27786bd99587a9bf1dd5b51e23a2de03cf", body: body))
        #expect(!signature.isValid(header: "sha256=5da47c9c7409e70d7a1851f0cfd9bc27786bd99587a9bf1dd5b51e23a2de03ce", body: body))
        #expect(!signature.isValid(header: "sha1=5da47c9c", body: body))
        #expect(!signature.isValid(header: "sha256=zz", body: body))
    }

    @Test func handshakeEchoesChallengeOnlyWithTheRightToken() async throws {
        try await withFakePlatform { _, fakePort in
            try await ServerHarness.run(fakePort: fakePort) { (server: ServerHarness) async throws in
                let ok = try await server.request(
                    "GET", "/webhooks/meta?hub.mode=subscribe&hub.verify_token=\(TestSecrets.verifyToken)&hub.challenge=1158201444")
                #expect(ok.status == 200)
                #expect(String(decoding: ok.body, as: UTF8.self) == "1158201444")
                let wrong = try await server.request("GET", "/webhooks/meta?hub.mode=subscribe&hub.verify_token=nope&hub.challenge=1")
                #expect(wrong.status == 403)
                let noMode = try await server.request("GET", "/webhooks/meta?hub.verify_token=\(TestSecrets.verifyToken)&hub.challenge=1")
                #expect(noMode.status == 403)
            }
        }
    }

    @Test func missingWrongAndTamperedSignaturesAreRefused() async throws {
        try await withFakePlatform { fake, fakePort in
            try await ServerHarness.run(fakePort: fakePort) { (server: ServerHarness) async throws in
                let body = try Fixture.data("messenger-quick-reply", ["PSID": "PSID_1", "MID": "m_sig", "PAYLOAD": "topic:reisepass"])
                let missing = try await server.request("POST", "/webhooks/meta", body: body)
                #expect(missing.status == 401)
                let wrong = try await server.request(
                    "POST", "/webhooks/meta", body: body, headers: ["X-Hub-Signature-256": "sha256=" + String(repeating: "0", count: 64)])
                #expect(wrong.status == 403)
                var tampered = body
                tampered[tampered.count - 5] = UInt8(ascii: "9")
                let tamperedStatus = try await server.request(
                    "POST", "/webhooks/meta", body: tampered, headers: ["X-Hub-Signature-256": ServerHarness.sign(body)])
                #expect(tamperedStatus.status == 403)
                try await Task.sleep(for: .milliseconds(300))
                #expect(await fake.requests.isEmpty)
                #expect(try await server.database().pendingInboundEvents().isEmpty)
                #expect(try await server.database().pendingWebhookDeliveries().isEmpty)
            }
        }
    }

    @Test func signedBodyInAnUnexpectedShapeIsAcknowledgedThenDropped() async throws {
        try await withFakePlatform { fake, fakePort in
            try await ServerHarness.run(fakePort: fakePort) { (server: ServerHarness) async throws in
                // Valid JSON, genuinely signed, but not a webhook Amtsbote can read: answering 400
                // would only make Meta send it again and again.
                #expect(try await server.postMeta(Data(#"{"object":5,"entry":"x"}"#.utf8)) == 200)
                #expect(try await waitUntil { try await server.database().pendingWebhookDeliveries().isEmpty })
                #expect(try await server.database().pendingInboundEvents().isEmpty)
                #expect(await fake.requests.isEmpty)
            }
        }
    }

    @Test func messengerQuickReplyArrivesAsExactSendAPIRequest() async throws {
        try await withFakePlatform { fake, fakePort in
            try await ServerHarness.run(fakePort: fakePort) { (server: ServerHarness) async throws in
                let body = try Fixture.data("messenger-quick-reply", ["PSID": "PSID_1", "MID": "m_qr_1", "PAYLOAD": "topic:personalausweis"])
                #expect(try await server.postMeta(body) == 200)
                let requests = await fake.waitForRequests(1)
                let request = try #require(requests.first)
                #expect(request.path == "/v21.0/me/messages")
                #expect(request.query == "access_token=\(TestSecrets.pageToken)")
                #expect(request.headers["content-type"] == "application/json")

                let engine = try Fixture.engine()
                let turn = engine.respond(
                    to: InboundMessage(
                        channel: .messenger, senderID: "PSID_1", externalID: "x", kind: .choice, text: "", payload: "topic:personalausweis"),
                    state: ConversationState())
                let entry = try #require(try await server.database().outboxEntries().first)
                let expected: [String: Any] = [
                    "recipient": ["id": "PSID_1"],
                    "messaging_type": "RESPONSE",
                    "message": [
                        "text": ReplyText.plain(turn.reply),
                        "metadata": "amtsbote:\(entry.id!):0",
                        "quick_replies": [
                            ["content_type": "text", "title": "Reisepass beantragen", "payload": "topic:reisepass"],
                            ["content_type": "text", "title": "Wohnsitz anmelden", "payload": "topic:anmeldung"],
                        ],
                    ],
                ]
                #expect(NSDictionary(dictionary: request.json).isEqual(to: expected))
                #expect(ReplyText.plain(turn.reply).hasPrefix("Hallo, ich bin ein Bot."))
            }
        }
    }

    @Test func redeliveryIsAnsweredOnce() async throws {
        try await withFakePlatform { fake, fakePort in
            try await ServerHarness.run(fakePort: fakePort) { (server: ServerHarness) async throws in
                let body = try Fixture.data("messenger-quick-reply", ["PSID": "PSID_2", "MID": "m_dup", "PAYLOAD": "topic:reisepass"])
                #expect(try await server.postMeta(body) == 200)
                #expect(try await server.postMeta(body) == 200)
                _ = await fake.waitForRequests(1)
                #expect(try await server.postMeta(body) == 200)
                try await Task.sleep(for: .milliseconds(500))
                #expect(await fake.requests.count == 1)
            }
        }
    }

    @Test func echoesReceiptsAndReactionsAreAcknowledgedAndIgnored() async throws {
        try await withFakePlatform { fake, fakePort in
            try await ServerHarness.run(fakePort: fakePort) { (server: ServerHarness) async throws in
                #expect(try await server.postMeta(try Fixture.data("messenger-ignored")) == 200)
                #expect(try await server.postMeta(try Fixture.data("whatsapp-status")) == 200)
                #expect(try await server.postMeta(Data(#"{"object":"user","entry":[{"id":"1","changes":[]}]}"#.utf8)) == 200)
                try await Task.sleep(for: .milliseconds(300))
                #expect(await fake.requests.isEmpty)
                let stored = try await server.database().writer.read { db in try InboundEventRecord.fetchCount(db) }
                #expect(stored == 0)
            }
        }
    }

    @Test func attachmentGetsTextOnlyNotice() async throws {
        try await withFakePlatform { fake, fakePort in
            try await ServerHarness.run(fakePort: fakePort) { (server: ServerHarness) async throws in
                #expect(try await server.postMeta(try Fixture.data("messenger-attachment")) == 200)
                let request = try #require(await fake.waitForRequests(1).first)
                let text = (request.json["message"] as? [String: Any])?["text"] as? String
                #expect(text?.hasSuffix("Ich kann nur Text lesen.") == true)
                #expect((request.json["recipient"] as? [String: Any])?["id"] as? String == "PSID_IMG")
            }
        }
    }

    @Test func postbackAnswersItsTopic() async throws {
        try await withFakePlatform { fake, fakePort in
            try await ServerHarness.run(fakePort: fakePort) { (server: ServerHarness) async throws in
                #expect(try await server.postMeta(try Fixture.data("messenger-postback")) == 200)
                let request = try #require(await fake.waitForRequests(1).first)
                let text = (request.json["message"] as? [String: Any])?["text"] as? String
                #expect(text?.contains("Reisepass beantragen") == true)
            }
        }
    }

    @Test func instagramLongAnswerIsSplitBelow1000Bytes() async throws {
        try await withFakePlatform { fake, fakePort in
            try await ServerHarness.run(fakePort: fakePort) { (server: ServerHarness) async throws in
                #expect(try await server.postMeta(try Fixture.data("instagram-quick-reply")) == 200)
                // Twelve paragraphs of about 560 bytes: one part each (the notice and title join the first).
                _ = await fake.waitForRequests(12)
                try await Task.sleep(for: .milliseconds(300))
                let requests = await fake.requests
                #expect(requests.count == 12)
                for request in requests {
                    #expect(request.path == "/v21.0/me/messages")
                    #expect(request.json["messaging_type"] == nil)
                    #expect((request.json["recipient"] as? [String: Any])?["id"] as? String == "IGSID_1")
                    let text = try #require((request.json["message"] as? [String: Any])?["text"] as? String)
                    #expect(text.utf8.count <= 1000)
                    #expect(!text.isEmpty)
                }
                let texts = requests.compactMap { ($0.json["message"] as? [String: Any])?["text"] as? String }
                #expect(texts.last?.hasSuffix("äöü.") == true)
                #expect(texts.contains { $0.hasPrefix("Absatz 11:") })
            }
        }
    }

    @Test func whatsAppButtonReplyGetsInteractiveButtonsWithBearerToken() async throws {
        try await withFakePlatform { fake, fakePort in
            try await ServerHarness.run(fakePort: fakePort) { (server: ServerHarness) async throws in
                #expect(try await server.postMeta(try Fixture.data("whatsapp-button-reply")) == 200)
                let request = try #require(await fake.waitForRequests(1).first)
                #expect(request.path == "/v21.0/PHONE_1/messages")
                #expect(request.headers["authorization"] == "Bearer \(TestSecrets.whatsAppToken)")
                #expect(request.json["messaging_product"] as? String == "whatsapp")
                #expect(request.json["to"] as? String == "4915112345678")
                #expect(request.json["type"] as? String == "interactive")
                let interactive = try #require(request.json["interactive"] as? [String: Any])
                #expect(interactive["type"] as? String == "button")
                let buttons = try #require((interactive["action"] as? [String: Any])?["buttons"] as? [[String: Any]])
                #expect(buttons.compactMap { ($0["reply"] as? [String: Any])?["id"] as? String } == ["topic:reisepass", "topic:anmeldung"])
                #expect(buttons.allSatisfy { $0["type"] as? String == "reply" })
            }
        }
    }

    @Test func malformedOversizedAndUnknownRequestsGetClientErrors() async throws {
        try await withFakePlatform { _, fakePort in
            try await ServerHarness.run(fakePort: fakePort) { (server: ServerHarness) async throws in
                let malformed = Data(#"{"object":"page","entry":[{"#.utf8)
                #expect(try await server.postMeta(malformed) == 400)
                let huge = Data(repeating: UInt8(ascii: " "), count: 1024 * 1024 + 10)
                #expect(try await server.postMeta(huge) == 413)
                for (method, path) in [("GET", "/nowhere"), ("POST", "/webhooks/other"), ("DELETE", "/chat/api/messages")] {
                    let response = try await server.request(method, path, body: method == "POST" ? Data("{}".utf8) : nil)
                    #expect(response.status == 404)
                    #expect(
                        try JSONDecoder().decode([String: String].self, from: response.body)
                            == ["error": "not_found", "message": "no such resource"])
                }
            }
        }
    }
}
