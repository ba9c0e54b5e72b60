import Foundation
import Testing

@testable import AmtsboteCore

/// Replies built from the fictional city in `Fixtures/mini-city`. Its staff office (`buergerbuero`)
/// opens Mon–Fri 08:00–12:00, Tue and Thu also 14:00–18:00, and is closed on 2026-06-08 (a Monday).
@Suite("Reply composer")
struct ReplyComposerTests {
    static func composer() throws -> ReplyComposer { ReplyComposer(knowledgeBase: try MiniCity.base()) }

    /// A wall-clock time in Musterhausen (Europe/Berlin).
    static func berlin(_ year: Int, _ month: Int, _ day: Int, _ hour: Int, _ minute: Int = 0) -> Date {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(identifier: "Europe/Berlin")!
        return calendar.date(from: DateComponents(year: year, month: month, day: day, hour: hour, minute: minute))!
    }

    @Test("an answer has title, body, links, office contact and hours")
    func answerGerman() throws {
        let reply = try Self.composer().answer(topic: "personalausweis", language: "de")
        let text = reply.text
        #expect(text.hasPrefix("**Personalausweis beantragen**"))
        #expect(text.contains("Den Personalausweis beantragen Sie persönlich im Bürgerbüro."))
        #expect(text.contains("Die Gebühr beträgt 37 Euro."))
        #expect(text.contains("Links:\n- [Termin buchen](https://musterhausen.example/termine)"))
        #expect(text.contains("Kontakt: Bürgerbüro Musterhausen\nAm Markt 3, 99999 Musterhausen"))
        #expect(text.contains("+49 9999 100"))
        #expect(text.contains("buergerbuero@musterhausen.example"))
        #expect(text.contains("https://musterhausen.example/buergerbuero"))
        #expect(text.contains("Öffnungszeiten:"))
        let lines = text.components(separatedBy: "\n")
        #expect(lines.contains { $0.hasPrefix("Mo") && $0.hasSuffix(" 08:00–12:00") })
        #expect(lines.contains { $0.hasPrefix("Di") && $0.hasSuffix(" 08:00–12:00, 14:00–18:00") })
        #expect(lines.filter { $0.contains("08:00–12:00") }.count == 5)  // Mon–Fri, no weekend lines
        // The answer body comes before the contact block.
        let body = try #require(text.range(of: "37 Euro"))
        let contact = try #require(text.range(of: "Kontakt:"))
        #expect(body.lowerBound < contact.lowerBound)
    }

    @Test("related topics become choices with topic:<id> payloads")
    func relatedChoices() throws {
        let reply = try Self.composer().answer(topic: "personalausweis", language: "de")
        #expect(reply.choices == [
            BotReply.Choice(title: "Wohnung ummelden", payload: "topic:wohnsitz-ummelden"),
            BotReply.Choice(title: "Führerschein umtauschen", payload: "topic:fuehrerschein"),
        ])
        #expect(reply.choices.compactMap { ReplyComposer.topic(inPayload: $0.payload) } == ["wohnsitz-ummelden", "fuehrerschein"])
        #expect(reply.choicesLabel == "Passende Themen")
        // Without related topics there is nothing to label.
        #expect(try Self.composer().answer(topic: "muelltonne", language: "de").choicesLabel == nil)
    }

    @Test("topics the message also asked about come first among the choices, each once")
    func alsoAskedChoices() throws {
        let reply = try Self.composer().answer(
            topic: "personalausweis", language: "de", alsoAsked: ["sperrmuell", "fuehrerschein", "personalausweis", "gibt-es-nicht"])
        #expect(reply.choices.compactMap { ReplyComposer.topic(inPayload: $0.payload) } == [
            "sperrmuell", "fuehrerschein", "wohnsitz-ummelden",
        ])
        #expect(try Self.composer().answer(topic: "muelltonne", language: "de", alsoAsked: ["sperrmuell"]).choicesLabel == "Passende Themen")
    }

    @Test("payloads round-trip")
    func payloads() {
        #expect(ReplyComposer.payload(forTopic: "sperrmuell") == "topic:sperrmuell")
        #expect(ReplyComposer.topic(inPayload: "topic:sperrmuell") == "sperrmuell")
        for kind in SmalltalkKind.allCases {
            #expect(ReplyComposer.smalltalk(inPayload: ReplyComposer.payload(forSmalltalk: kind)) == kind)
        }
        #expect(ReplyComposer.smalltalk(inPayload: "topic:greeting") == nil)
        #expect(ReplyComposer.smalltalk(inPayload: "smalltalk:weather") == nil)
        #expect(ReplyComposer.topic(inPayload: "sperrmuell") == nil)
        #expect(ReplyComposer.topic(inPayload: "1") == nil)
    }

    @Test("an English answer uses the English text and labels")
    func answerEnglish() throws {
        let reply = try Self.composer().answer(topic: "personalausweis", language: "en")
        #expect(reply.text.hasPrefix("**Apply for an ID card**"))
        #expect(reply.text.contains("The fee is 37 euros."))
        #expect(reply.text.contains("Contact: Citizens' Office Musterhausen"))
        #expect(reply.text.contains("Opening hours:"))
        #expect(!reply.text.contains("Kontakt"))
        // Related topics without an English translation keep their German title.
        #expect(reply.choices.map(\.title) == ["Wohnung ummelden", "Führerschein umtauschen"])
    }

    @Test("a topic missing in English is answered in German with German labels")
    func answerFallback() throws {
        let reply = try Self.composer().answer(topic: "fuehrerschein", language: "en")
        #expect(reply.text.hasPrefix("**Führerschein umtauschen**"))
        #expect(reply.text.contains("Kontakt: Bürgerbüro Musterhausen"))
        #expect(reply.text.contains("Öffnungszeiten:"))
    }

    @Test("no contact block without an office, no hours block without hours")
    func optionalBlocks() throws {
        let composer = try Self.composer()
        let kita = composer.answer(topic: "kita-platz", language: "de")
        #expect(!kita.text.contains("Kontakt") && !kita.text.contains("Öffnungszeiten") && !kita.text.contains("Links"))
        #expect(kita.choices.map(\.payload) == ["topic:kita-gebuehren"])
        let fine = composer.answer(topic: "verwarnungsgeld", language: "de")
        #expect(fine.text.contains("Kontakt: Ordnungsamt\n+49 9999 300\nordnungsamt@musterhausen.example"))
        #expect(!fine.text.contains("Öffnungszeiten"))
        #expect(fine.choices.isEmpty)
    }

    @Test("reply(for:) with an answer result equals the topic's answer")
    func replyForAnswer() throws {
        let composer = try Self.composer()
        let result = MatchResult(language: "de", outcome: .answer, topic: "sperrmuell")
        #expect(composer.reply(for: result) == composer.answer(topic: "sperrmuell", language: "de"))
    }

    @Test("clarify lists numbered titles between the lead and the 'none' line")
    func clarify() throws {
        let result = MatchResult(
            language: "de", outcome: .clarify,
            candidates: [.init(id: "trauung-rathaus", score: 0.6), .init(id: "trauung-schloss", score: 0.6)])
        let reply = try Self.composer().reply(for: result)
        #expect(reply.text == "Meinten Sie:\n1) Trauung im Rathaus\n2) Trauung im Schloss\nKeins davon? Bitte anders formulieren.")
        #expect(reply.choices == [
            .init(title: "Trauung im Rathaus", payload: "topic:trauung-rathaus"),
            .init(title: "Trauung im Schloss", payload: "topic:trauung-schloss"),
        ])
        let english = try Self.composer().clarify(["sperrmuell", "muelltonne"], language: "en")
        #expect(english.text == "Did you mean:\n1) Bulky waste collection\n2) Mülltonne bestellen\nNone of these? Please rephrase.")
        #expect(reply.choicesLabel == "Thema wählen")
        #expect(english.choicesLabel == "Choose a topic")
    }

    @Test("turning a choice down gets choices_declined, else clarify_none, else no_question")
    func choicesDeclined() throws {
        let composer = try Self.composer()
        #expect(composer.choicesDeclined(language: "de").text == "Schade. Bitte anders formulieren.")
        #expect(composer.choicesDeclined(language: "en").text == "Sorry. Please rephrase.")
        var city = composer.knowledgeBase.city
        city.messages["choices_declined"] = nil
        let withoutKey = ReplyComposer(knowledgeBase: KnowledgeBase(city: city, topics: composer.knowledgeBase.topics))
        #expect(withoutKey.choicesDeclined(language: "de").text == "Keins davon? Bitte anders formulieren.")
        city.messages["clarify_none"] = nil
        let bare = ReplyComposer(knowledgeBase: KnowledgeBase(city: city, topics: composer.knowledgeBase.topics))
        #expect(bare.choicesDeclined(language: "de") == bare.noQuestion(language: "de"))
    }

    @Test("small talk and emergency replies come from city.yaml", arguments: [
        (SmalltalkKind.greeting, "de", "Hallo! Ich bin der Chat-Bot von Musterhausen."),
        (.thanks, "en", "You're welcome!"),
        (.goodbye, "de", "Auf Wiedersehen!"),
        (.identity, "en", "I am a computer program."),
        (.capabilities, "de", "Ich beantworte Fragen zur Stadt."),
        (.privacy, "de", "Wir speichern wenig."),
    ])
    func smalltalk(_ kind: SmalltalkKind, _ language: String, _ text: String) throws {
        let result = MatchResult(language: language, outcome: .smalltalk, smalltalk: kind)
        #expect(try Self.composer().reply(for: result).text == text)
    }

    @Test("emergency text in the message's language")
    func emergency() throws {
        let composer = try Self.composer()
        #expect(composer.reply(for: MatchResult(language: "de", outcome: .emergency)).text.hasPrefix("Notruf: 112"))
        #expect(composer.reply(for: MatchResult(language: "en", outcome: .emergency)).text.hasPrefix("Emergency: call 112"))
    }

    @Test("escalated message fills {case} and {when}: Friday 17:00 → Monday 08:00")
    func escalatedFridayEvening() throws {
        let composer = try Self.composer()
        let friday = Self.berlin(2026, 3, 6, 17)
        let result = MatchResult(language: "de", outcome: .escalate, escalationReason: .noMatch)
        let de = composer.reply(for: result, caseNumber: 42, now: friday)
        #expect(de.text == "Ihre Frage ist beim Team (Anfrage Nr. 42). Antwort ab Montag, 08:00.")
        let en = composer.escalated(caseNumber: 7, reason: .noMatch, language: "en", now: friday)
        #expect(en.text == "Your question is with our staff (request no. 7). Reply from Monday, 08:00.")
        let human = composer.escalated(caseNumber: 8, reason: .humanRequested, language: "de", now: friday)
        #expect(human.text == "Gern, ein Mensch meldet sich (Anfrage Nr. 8), ab Montag, 08:00.")
        let data = composer.escalated(caseNumber: 9, reason: .dataRequest, language: "en", now: friday)
        #expect(data.text == "Your data request is no. 9, reply from Monday, 08:00.")
    }

    @Test("a data request without its own message gets the escalated one")
    func dataRequestFallback() throws {
        let result = try TempKnowledgeBase.load(["topics/t/thema.de.md": TempKnowledgeBase.topic()])
        let composer = ReplyComposer(knowledgeBase: try #require(result.knowledgeBase, "\(result.errors)"))
        let reply = composer.escalated(caseNumber: 5, reason: .dataRequest, language: "de", now: Self.berlin(2026, 3, 6, 17))
        #expect(reply.text.hasPrefix("Nr. 5, ab "))
    }

    @Test("without a case number the placeholder is not left raw")
    func escalatedWithoutCase() throws {
        let reply = try Self.composer().escalated(caseNumber: nil, reason: .noMatch, language: "de", now: Self.berlin(2026, 3, 6, 17))
        #expect(!reply.text.contains("{case}") && !reply.text.contains("{when}"))
    }

    @Test("next opening in the city's time zone", arguments: [
        // (now, expected opening) as Berlin wall-clock times
        ((2026, 3, 6, 17, 0), (2026, 3, 9, 8, 0)),  // Friday evening → Monday
        ((2026, 3, 7, 10, 0), (2026, 3, 9, 8, 0)),  // Saturday → Monday
        ((2026, 3, 10, 12, 30), (2026, 3, 10, 14, 0)),  // Tuesday lunch break → afternoon
        ((2026, 3, 10, 6, 0), (2026, 3, 10, 8, 0)),  // early Tuesday → same morning
        ((2026, 3, 10, 9, 30), (2026, 3, 10, 9, 30)),  // open now → now
        ((2026, 6, 5, 17, 0), (2026, 6, 9, 8, 0)),  // Friday → Monday 2026-06-08 is closed → Tuesday
        ((2026, 10, 23, 13, 0), (2026, 10, 26, 8, 0)),  // across the end of summer time
    ])
    func nextOpening(_ now: (Int, Int, Int, Int, Int), _ expected: (Int, Int, Int, Int, Int)) throws {
        let availability = StaffAvailability(city: try MiniCity.base().city)
        #expect(availability.staffOffice?.id == "buergerbuero")
        let opening = availability.nextOpening(after: Self.berlin(now.0, now.1, now.2, now.3, now.4))
        #expect(opening == Self.berlin(expected.0, expected.1, expected.2, expected.3, expected.4))
    }

    @Test("a closed day is skipped in the escalated message")
    func closedDaySkipped() throws {
        let reply = try Self.composer().escalated(caseNumber: 3, reason: .noMatch, language: "de", now: Self.berlin(2026, 6, 5, 17))
        #expect(reply.text.hasSuffix("Antwort ab Dienstag, 08:00."), "\(reply.text)")
        #expect(!reply.text.contains("Montag"))
    }

    @Test("{when} is the time alone today, the weekday within a week, the date further ahead", arguments: [
        ((2026, 3, 10, 12, 30), "14:00", "14:00"),  // Tuesday lunch break
        ((2026, 3, 10, 9, 30), "09:30", "09:30"),  // open now (was "Dienstag, 09:30" on a Tuesday)
        ((2026, 3, 6, 17, 0), "Montag, 08:00", "Monday, 08:00"),
        ((2026, 12, 18, 17, 0), "Montag, 4. Januar, 08:00", "Monday, January 4, 08:00"),  // closed over the holidays
    ])
    func whenWording(_ now: (Int, Int, Int, Int, Int), _ german: String, _ english: String) throws {
        var city = try MiniCity.base().city
        let office = try #require(StaffAvailability(city: city).staffOffice?.id)
        city.offices[office]?.closedDays.formUnion((21...31).map { "2026-12-\($0)" } + ["2027-01-01"])
        let availability = StaffAvailability(city: city)
        let date = Self.berlin(now.0, now.1, now.2, now.3, now.4)
        #expect(availability.nextStaffTime(after: date, language: "de") == german)
        #expect(availability.nextStaffTime(after: date, language: "en") == english)
    }

    @Test("{when} is in the city's time zone, not the machine's")
    func timeZoneIndependent() throws {
        let availability = StaffAvailability(city: try MiniCity.base().city)
        // Friday 2026-03-06 16:00 UTC = 17:00 in Berlin: closed until Monday 08:00 Berlin (07:00 UTC).
        let now = Date(timeIntervalSince1970: 1_772_812_800)
        #expect(availability.nextOpening(after: now) == Date(timeIntervalSince1970: 1_773_039_600))
        #expect(availability.nextStaffTime(after: now, language: "de") == "Montag, 08:00")
        #expect(availability.nextStaffTime(after: now, language: "en") == "Monday, 08:00")
    }
}
