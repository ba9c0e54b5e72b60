import AmtsboteCore
import Foundation
import Testing

@testable import AmtsboteServer

/// Telegram through `/webhooks/telegram`, with the fake Bot API on 127.0.0.1.
@Suite struct TelegramWebhookTests {
    @Test func missingAndWrongSecretsAreRefused() async throws {
        try await withFakePlatform { fake, fakePort in
            try await ServerHarness.run(fakePort: fakePort) { (server: ServerHarness) async throws in
                let body = try Fixture.data("telegram-message", ["UPDATE": "1", "TEXT": "Hallo"])
                #expect(try await server.postTelegram(body, secret: nil) == 401)
                #expect(try await server.postTelegram(body, secret: "tg-secret_2") == 403)
                #expect(try await server.postTelegram(body, secret: "") == 403)
                try await Task.sleep(for: .milliseconds(300))
                #expect(await fake.requests.isEmpty)
            }
        }
    }

    @Test func messageIsAnsweredWithSendMessageOnce() async throws {
        try await withFakePlatform { fake, fakePort in
            try await ServerHarness.run(fakePort: fakePort) { (server: ServerHarness) async throws in
                let body = try Fixture.data("telegram-message", ["UPDATE": "100001", "TEXT": "Hallo"])
                #expect(try await server.postTelegram(body) == 200)
                #expect(try await server.postTelegram(body) == 200)
                let request = try #require(await fake.waitForRequests(1).first)
                #expect(request.path == "/bot\(TestSecrets.botToken)/sendMessage")
                #expect(request.json["chat_id"] as? Int == 987_654_321)
                #expect((request.json["text"] as? String)?.hasPrefix("Hallo, ich bin ein Bot.") == true)
                try await Task.sleep(for: .milliseconds(300))
                #expect(await fake.requests.count == 1)
            }
        }
    }

    @Test("bot commands stand for what they ask", arguments: [
        ("/start", InboundMessage.Kind.choice, "", "smalltalk:greeting"),
        ("/start@AmtsboteBot", .choice, "", "smalltalk:greeting"),
        ("/start reisepass", .choice, "reisepass", "topic:reisepass"),
        ("/help", .choice, "", "smalltalk:capabilities"),
        ("/HELP@AmtsboteBot", .choice, "", "smalltalk:capabilities"),
        ("/privacy", .choice, "", "smalltalk:privacy"),
        ("/reisepass", .text, "reisepass", nil),
        ("/wohnsitz_anmelden bitte", .text, "wohnsitz anmelden bitte", nil),
    ] as [(String, InboundMessage.Kind, String, String?)])
    func commands(_ text: String, _ kind: InboundMessage.Kind, _ meaning: String, _ payload: String?) throws {
        let command = try #require(TelegramUpdateParser.command(text))
        #expect(command.kind == kind)
        #expect(command.text == meaning)
        #expect(command.payload == payload)
    }

    @Test func plainTextIsNoCommand() {
        #expect(TelegramUpdateParser.command("Was kostet /start?") == nil)
        #expect(TelegramUpdateParser.command("Hallo") == nil)
    }

    @Test func startHelpAndADeepLinkAreAnswered() async throws {
        try await withFakePlatform { fake, fakePort in
            try await ServerHarness.run(fakePort: fakePort) { (server: ServerHarness) async throws in
                let texts = ["/start", "/help", "/start reisepass"]
                for (number, text) in texts.enumerated() {
                    let body = try Fixture.data("telegram-message", ["UPDATE": "\(200 + number)", "TEXT": text])
                    #expect(try await server.postTelegram(body) == 200)
                    // One at a time, so the replies keep the order of the questions.
                    #expect(await fake.waitForRequests(number + 1).count == number + 1)
                }
                let replies = await fake.requests.compactMap { $0.json["text"] as? String }
                // Opening the bot: the bot and privacy notice, nothing else (no guessing at "start").
                #expect(replies.first == "Hallo, ich bin ein Bot.\n\nDatenschutz: 90 Tage.")
                #expect(replies.dropFirst().first == "Ich kann Fragen beantworten.")
                #expect(replies.last?.hasPrefix("Reisepass beantragen") == true)
            }
        }
    }

    @Test func callbackQueryIsAcknowledgedAndAnsweredWithInlineKeyboard() async throws {
        try await withFakePlatform { fake, fakePort in
            try await ServerHarness.run(fakePort: fakePort) { (server: ServerHarness) async throws in
                let body = try Fixture.data("telegram-callback", ["UPDATE": "100002", "DATA": "topic:personalausweis"])
                #expect(try await server.postTelegram(body) == 200)
                let requests = await fake.waitForRequests(2)
                let acknowledgement = try #require(requests.first { $0.path.hasSuffix("/answerCallbackQuery") })
                #expect(acknowledgement.json["callback_query_id"] as? String == "cbq-77")
                let send = try #require(requests.first { $0.path.hasSuffix("/sendMessage") })
                #expect(send.json["chat_id"] as? Int == 987_654_321)
                #expect((send.json["text"] as? String)?.contains("Personalausweis beantragen") == true)
                let keyboard = try #require((send.json["reply_markup"] as? [String: Any])?["inline_keyboard"] as? [[[String: Any]]])
                #expect(keyboard.map { $0.first?["callback_data"] as? String } == ["topic:reisepass", "topic:anmeldung"])
                #expect(keyboard.map { $0.first?["text"] as? String } == ["Reisepass beantragen", "Wohnsitz anmelden"])
            }
        }
    }

    @Test func longAnswerIsSplitAt4096Characters() async throws {
        try await withFakePlatform { fake, fakePort in
            try await ServerHarness.run(fakePort: fakePort) { (server: ServerHarness) async throws in
                let body = try Fixture.data("telegram-callback", ["UPDATE": "100003", "DATA": "topic:lang"])
                #expect(try await server.postTelegram(body) == 200)
                let requests = await fake.waitForRequests(3)
                let sends = requests.filter { $0.path.hasSuffix("/sendMessage") }
                #expect(sends.count == 2)
                for send in sends {
                    let text = try #require(send.json["text"] as? String)
                    #expect(text.utf16.count <= 4096)
                }
            }
        }
    }

    @Test func malformedUpdateIs400() async throws {
        try await withFakePlatform { _, fakePort in
            try await ServerHarness.run(fakePort: fakePort) { (server: ServerHarness) async throws in
                #expect(try await server.postTelegram(Data("not json".utf8)) == 400)
                #expect(try await server.postTelegram(Data(#"{"update_id":5,"poll":{}}"#.utf8)) == 200)
            }
        }
    }
}
