import AmtsboteCore
import AmtsboteStore
import Foundation
import Testing

@testable import AmtsboteServer

/// The JSON API, the web chat and the health endpoints.
@Suite struct DirectChannelTests {
    private struct Output: Decodable {
        var replies: [ReplyPayload]
        var duplicate: Bool
        var queued: Bool
    }

    private struct Poll: Decodable {
        var messages: [ReplyPayload]
    }

    @Test func apiNeedsTheBearerToken() async throws {
        try await withFakePlatform { _, fakePort in
            try await ServerHarness.run(fakePort: fakePort) { (server: ServerHarness) async throws in
                let body = Data(#"{"sender":"s1","id":"1","text":"Hallo"}"#.utf8)
                #expect(try await server.request("POST", "/api/messages", body: body).status == 401)
                #expect(try await server.request("POST", "/api/messages", body: body, headers: ["Authorization": "Bearer nope"]).status == 403)
                #expect(try await server.request("POST", "/api/messages", body: body, headers: ["Authorization": "Basic x"]).status == 403)
            }
        }
    }

    @Test func apiAnswersInTheResponseAndOnlyOnce() async throws {
        try await withFakePlatform { fake, fakePort in
            try await ServerHarness.run(fakePort: fakePort) { (server: ServerHarness) async throws in
                let auth = ["Authorization": "Bearer \(TestSecrets.apiToken)"]
                let body = Data(#"{"sender":"s2","id":"a-1","text":"Personalausweis","payload":"topic:personalausweis"}"#.utf8)
                let first = try await server.request("POST", "/api/messages", body: body, headers: auth)
                #expect(first.status == 200)
                let output = try JSONDecoder().decode(Output.self, from: first.body)
                #expect(output.replies.count == 1)
                #expect(output.replies.first?.text.contains("**Personalausweis beantragen**") == true)
                #expect(output.replies.first?.choices.map(\.payload) == ["topic:reisepass", "topic:anmeldung"])
                let again = try JSONDecoder().decode(Output.self, from: try await server.request("POST", "/api/messages", body: body, headers: auth).body)
                #expect(again.duplicate)
                #expect(again.replies.isEmpty)
                #expect(try await server.request("POST", "/api/messages", body: Data(#"{"sender":"s2"}"#.utf8), headers: auth).status == 400)
                #expect(await fake.requests.isEmpty)
            }
        }
    }

    @Test func webChatPageIsServedWithoutExternalHosts() async throws {
        try await withFakePlatform { _, fakePort in
            try await ServerHarness.run(fakePort: fakePort) { (server: ServerHarness) async throws in
                let page = try await server.request("GET", "/chat")
                #expect(page.status == 200)
                let html = String(decoding: page.body, as: UTF8.self)
                #expect(html.contains("<main"))
                #expect(!html.contains("http://") && !html.contains("https://"))
                #expect(!html.contains("{{"))
                let german = try await server.request("GET", "/chat", headers: ["Accept-Language": "de-DE,de;q=0.9"])
                #expect(String(decoding: german.body, as: UTF8.self).contains(#"<html lang="de">"#))
                let english = try await server.request("GET", "/chat", headers: ["Accept-Language": "en-US,en;q=0.8"])
                #expect(String(decoding: english.body, as: UTF8.self).contains(#"<html lang="en">"#))
                #expect(try await server.request("GET", "/chat/chat.js").status == 200)
                #expect(try await server.request("GET", "/chat/chat.css").status == 200)
                #expect(try await server.request("GET", "/chat/secret.txt").status == 404)
            }
        }
    }

    @Test func webChatRepliesAndPollsLaterMessages() async throws {
        try await withFakePlatform { _, fakePort in
            try await ServerHarness.run(fakePort: fakePort) { (server: ServerHarness) async throws in
                let session = "session-0123456789abcdef"
                let body = Data(#"{"session":"\#(session)","id":"c1","text":"Reisepass","payload":"topic:reisepass"}"#.utf8)
                let response = try JSONDecoder().decode(Output.self, from: try await server.request("POST", "/chat/api/messages", body: body).body)
                let reply = try #require(response.replies.first)
                #expect(reply.author == "bot")
                #expect(reply.text.hasPrefix("Hallo, ich bin ein Bot."))

                // A staff reply written later (as the queue CLI would) shows up when polling.
                let database = try server.database()
                let conversation = try #require(try await database.conversation(channel: .webchat, senderID: session))
                _ = try await database.writer.write { db in
                    try AmtsboteDatabase.appendMessage(db, MessageRecord(
                        conversationID: conversation.id!, direction: .out, author: "staff:anna", text: "Antwort vom Team", createdAt: Date()))
                }
                let poll = try JSONDecoder().decode(
                    Poll.self, from: try await server.request("GET", "/chat/api/messages?session=\(session)&after=\(reply.id ?? 0)").body)
                #expect(poll.messages.map(\.text) == ["Antwort vom Team"])
                #expect(poll.messages.map(\.author) == ["staff"])
                #expect(try await server.request("GET", "/chat/api/messages?session=short").status == 400)
                let badSession = Data(#"{"session":"x","id":"c1","text":"Hallo"}"#.utf8)
                #expect(try await server.request("POST", "/chat/api/messages", body: badSession).status == 400)
                // Each refusal says what to change.
                let tooLong = try JSONEncoder().encode(["session": session, "id": "c2", "text": String(repeating: "a", count: 4001)])
                for (body, message) in [
                    (badSession, "session must be 16 to 64 letters, digits, - or _"),
                    (tooLong, "text is longer than 4000 characters"),
                    (Data(#"{"session":"\#(session)","id":"c3"}"#.utf8), "text or payload is required"),
                    (Data("[]".utf8), #"expected a JSON object {"session", "id", "text" or "payload"}"#),
                ] {
                    let response = try await server.request("POST", "/chat/api/messages", body: body)
                    let error = try JSONDecoder().decode([String: String].self, from: response.body)
                    #expect(response.status == 400 && error == ["error": "malformed_request", "message": message])
                }
                let huge = try await server.request("POST", "/chat/api/messages", body: Data(repeating: 0x20, count: 1024 * 1024 + 1))
                #expect(huge.status == 413)
                #expect(
                    try JSONDecoder().decode([String: String].self, from: huge.body)
                        == ["error": "too_large", "message": "the body is larger than 1048576 bytes"])
            }
        }
    }

    @Test func healthAndReadiness() async throws {
        try await withFakePlatform { _, fakePort in
            try await ServerHarness.run(fakePort: fakePort) { (server: ServerHarness) async throws in
                #expect(try await server.request("GET", "/healthz").status == 200)
                #expect(try await server.request("GET", "/readyz").status == 200)
            }
        }
    }

    @Test func floodingSenderGetsOneNoticeAndTheRestIsDropped() async throws {
        try await withFakePlatform { _, fakePort in
            try await ServerHarness.run(fakePort: fakePort, adjust: { $0.tuning.rateLimitMessages = 2 }) { (server: ServerHarness) async throws in
                let auth = ["Authorization": "Bearer \(TestSecrets.apiToken)"]
                var texts: [[String]] = []
                for index in 0..<5 {
                    let body = Data(#"{"sender":"flood","id":"f\#(index)","text":"x","payload":"topic:reisepass"}"#.utf8)
                    let output = try JSONDecoder().decode(Output.self, from: try await server.request("POST", "/api/messages", body: body, headers: auth).body)
                    texts.append(output.replies.map(\.text))
                }
                #expect(texts[0].count == 1 && texts[1].count == 1)
                #expect(texts[2] == ["Bitte langsamer."])
                #expect(texts[3].isEmpty && texts[4].isEmpty)
            }
        }
    }
}
