import AmtsboteCore
import Foundation
import Testing

@testable import AmtsboteServer

/// Small pieces: splitting, constant-time comparison, rate limiting, knowledge reloading, parsing.
@Suite struct UnitTests {
    @Test(arguments: [(1999, TextSplitter.Measure.utf16), (1000, .utf8), (4096, .utf16), (50, .utf8)])
    func splitPartsFitAndKeepAllWords(limit: Int, measure: TextSplitter.Measure) {
        let text = (0..<300).map { "Wort\($0) äöü ß 😀" + ($0 % 17 == 0 ? "\n\n" : " ") }.joined()
        let parts = TextSplitter.split(text, limit: limit, measure: measure)
        for part in parts {
            #expect((measure == .utf8 ? part.utf8.count : part.utf16.count) <= limit)
        }
        let words = { (s: String) in s.split { $0 == " " || $0 == "\n" } }
        #expect(parts.flatMap(words) == words(text))
    }

    @Test(arguments: [
        ("Erster Absatz.\n\nZweiter Absatz hier", 20, ["Erster Absatz.", "Zweiter Absatz hier"]),
        ("Zeile eins\nZeile zwei ist lang", 20, ["Zeile eins", "Zeile zwei ist lang"]),
        ("eins zwei drei vier fünf", 10, ["eins zwei", "drei vier", "fünf"]),
        ("  kurz  ", 10, ["kurz"]),
    ] as [(String, Int, [String])])
    func splitPrefersParagraphsThenLinesThenSpaces(text: String, limit: Int, expected: [String]) {
        #expect(TextSplitter.split(text, limit: limit, measure: .utf16) == expected)
    }

    @Test(arguments: [
        ("**Personalausweis** – [Termin buchen](https://example.org/t) oder [Formular](https://example.org/f).",
         "Personalausweis – Termin buchen: https://example.org/t oder Formular: https://example.org/f."),
        ("Preis: 37 € [**Gebühren**](https://example.org/g) 😀", "Preis: 37 € Gebühren: https://example.org/g 😀"),
        ("[a [b](u) c] und [kaputt](ohne Ende", "[a b: u c] und [kaputt](ohne Ende"),
        ("* Stern * bleibt, ** geht", "* Stern * bleibt,  geht"),
    ])
    func plainTextDropsMarkdown(markdown: String, plain: String) {
        #expect(ReplyText.plain(BotReply(text: markdown)) == plain)
    }

    @Test func overlongWordIsCutHard() {
        let parts = TextSplitter.split(String(repeating: "a", count: 25), limit: 10, measure: .utf8)
        #expect(parts == ["aaaaaaaaaa", "aaaaaaaaaa", "aaaaa"])
    }

    @Test func constantTimeEquality() {
        #expect(ConstantTime.equals("secret", "secret"))
        #expect(!ConstantTime.equals("secret", "secreT"))
        #expect(!ConstantTime.equals("secret", "secret2"))
        #expect(!ConstantTime.equals("", "x"))
    }

    @Test func rateLimiterNotifiesOnceThenDrops() async {
        let limiter = RateLimiter(limit: 2, window: .seconds(60))
        var decisions: [RateLimiter.Decision] = []
        for _ in 0..<5 { decisions.append(await limiter.check(channel: .telegram, senderID: "1")) }
        #expect(decisions == [.allow, .allow, .notify, .drop, .drop])
        #expect(await limiter.check(channel: .telegram, senderID: "2") == .allow)
        #expect(await limiter.dropped == 2)
    }

    @Test func brokenKnowledgeKeepsThePreviousBase() async throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("kb-\(UUID().uuidString)")
        try FileManager.default.copyItem(at: URL(fileURLWithPath: ServerHarness.fixtureKnowledge), to: folder)
        let service = KnowledgeService(directory: folder.path, logger: quietLogger)
        #expect(await service.reload())
        #expect(await service.current?.knowledgeBase.topics.count == 5)

        let topic = folder.appendingPathComponent("topics/amt/neu.de.md")
        try Data("---\ntitle: Neu\n---\n".utf8).write(to: topic)  // no questions: an error
        #expect(await service.reload() == false)
        #expect(await service.current?.knowledgeBase.topics.count == 5)

        try Data("---\ntitle: Neu\nquestions:\n  - Was ist neu?\n---\nNeu ist dies.\n".utf8).write(to: topic)
        #expect(await service.reload())
        #expect(await service.current?.knowledgeBase.topic("neu") != nil)
    }

    @Test func whatsAppTextAndTelegramEditParse() throws {
        let whatsapp = #"{"object":"whatsapp_business_account","entry":[{"id":"W","changes":[{"field":"messages","value":{"metadata":{"phone_number_id":"P"},"messages":[{"from":"49151","id":"wamid.1","timestamp":"1","type":"text","text":{"body":"Ich brauche einen Termin"}},{"from":"49151","id":"wamid.2","type":"image","image":{"id":"1"}}]}}]}]}"#
        let payload = try JSONDecoder().decode(MetaWebhookPayload.self, from: Data(whatsapp.utf8))
        let messages = MetaWebhookParser.messages(in: payload)
        #expect(messages.map(\.kind) == [.text, .attachment])
        #expect(messages.first?.address.phoneNumberID == "P")
        #expect(messages.first?.externalID == "wamid.1")

        let edit = #"{"update_id":9,"edited_message":{"message_id":1,"from":{"id":5,"is_bot":false},"chat":{"id":6},"date":1,"edit_date":2,"text":"korrigiert"}}"#
        let update = try JSONDecoder().decode(TelegramUpdate.self, from: Data(edit.utf8))
        let message = try #require(TelegramUpdateParser.message(in: update))
        #expect(message.text == "korrigiert")
        #expect(message.address.chatID == "6")
        #expect(message.externalID == "9")
    }

    @Test func backoffDoublesAndIsCapped() throws {
        var tuning = Tuning()
        tuning.retryBaseDelay = .seconds(2)
        tuning.retryMaxDelay = .seconds(10)
        let dispatcher = OutboxDispatcher(
            database: try .inMemory(), clients: DeliveryClients(), wakeup: Wakeup(), tuning: tuning, logger: quietLogger)
        #expect([1, 2, 3, 4].map(dispatcher.backoff(attempt:)) == [2, 4, 8, 10])
    }

    @Test func aBurstIsARateNotASingleRequest() {
        var detector = BurstDetector(threshold: 2000, window: .milliseconds(100))
        let start = ContinuousClock.now
        func at(_ ms: Int) -> ContinuousClock.Instant { start + .milliseconds(ms) }
        func update(_ arrivals: Int, _ ms: Int) -> Bool { detector.update(arrivals: arrivals, at: at(ms)) }
        #expect(!update(0, 0))
        // 50 requests in 100 ms (500/s, say echoes of replies being delivered): no burst.
        #expect(!update(50, 100))
        // 300 more in the next 100 ms (3000/s): a burst, kept until the next full window …
        #expect(update(350, 200))
        #expect(update(351, 250))
        // … which has 1 request in 100 ms: over.
        #expect(!update(351, 300))
        // A long quiet pause averages a burst away.
        #expect(!update(551, 1300))
    }

    @Test func wakeupReleasesOnRingOrTimeoutAndReusesItsTimer() async throws {
        let wakeup = Wakeup()
        let clock = ContinuousClock()
        // A ring before the wait is kept.
        await wakeup.ring()
        var started = clock.now
        await wakeup.wait(timeout: .seconds(30))
        #expect(clock.now - started < .seconds(5))
        // A timeout alone releases the wait, not before it is due.
        started = clock.now
        await wakeup.wait(timeout: .milliseconds(200))
        #expect(clock.now - started >= .milliseconds(200))
        // A short wait after a long one was rung early: the long wait's timer is still armed,
        // but the short one gets its own.
        let ringer = Task { try await Task.sleep(for: .milliseconds(50)); await wakeup.ring() }
        await wakeup.wait(timeout: .seconds(30))
        try await ringer.value
        started = clock.now
        await wakeup.wait(timeout: .milliseconds(100))
        #expect(clock.now - started >= .milliseconds(100))
        #expect(clock.now - started < .seconds(5))
        // A long wait while a shorter timer is armed (its wait was rung early): the timer fires
        // first and re-arms, and the wait lasts its own time. (The first wait is long enough for
        // the ring to come first even on a loaded machine; a ring after its timeout would be kept
        // for the next wait.)
        let early = Task { try await Task.sleep(for: .milliseconds(10)); await wakeup.ring() }
        await wakeup.wait(timeout: .seconds(1))
        try await early.value
        started = clock.now
        await wakeup.wait(timeout: .milliseconds(1_300))
        #expect(clock.now - started >= .milliseconds(1_300))
    }
}

