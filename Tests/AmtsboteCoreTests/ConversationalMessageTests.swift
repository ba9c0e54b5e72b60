import Foundation
import Testing

@testable import AmtsboteCore

/// The matcher on the sample city with what citizens write around their questions: greetings,
/// thanks, acknowledgments, language requests, calls for help, follow-ups.
@Suite("Conversational messages")
struct ConversationalMessageTests {
    @Test("a message is cut into sentences and at joining words")
    func clauses() {
        let clauses = Matcher.clauses(of: "Hallo. Wie melde ich mich um und was kostet ein Perso? Danke!", joiners: ["und"])
        #expect(clauses == [["hallo"], ["wie", "melde", "ich", "mich", "um"], ["was", "kostet", "ein", "perso"], ["danke"]])
    }

    @Test("on the sample city, the other questions of a message are offered with the answer", arguments: [
        ("Wie melde ich mich um und was kostet ein Perso?", "wohnsitz-ummelden", ["personalausweis"]),
        ("Ich bin umgezogen und brauche einen neuen Ausweis und muss mein Auto ummelden", "wohnsitz-ummelden",
         ["personalausweis", "kfz-zulassung"]),
        ("Wann kommt der Sperrmüll und wo ist der Wertstoffhof?", "sperrmuell", ["wertstoffhof"]),
        // A part that fits only weakly ("meinen Namen ändern" → moving, 0.43) is not offered.
        ("Ich möchte heiraten und meinen Namen ändern", "eheschliessung", []),
        ("Was kostet ein Perso?", "personalausweis", []),
        // Parts that tell where the citizen comes from or name a word another topic uses are not
        // offered ("Papier" was the paper bin, "from Poland" the deregistration).
        ("Meine Bank braucht einen Nachweis, dass ich hier wohne. Wo bekomme ich dieses Papier?", "meldebescheinigung", []),
        ("I'm from Poland and work here. How do I apply for child benefit?", "kindergeld", []),
    ])
    func alsoAsked(_ text: String, _ topic: String, _ also: [String]) throws {
        let engine = try SampleCity.requireEngine()
        let r = engine.matcher.match(text)
        #expect(r.outcome == .answer && r.topic == topic, "\(MatcherTests.describe(r))")
        #expect(r.alsoAsked == also)
        // The dialogue offers them first, and "1" picks the first.
        let message = InboundMessage(channel: .api, senderID: "s", externalID: "1", text: text)
        let turn = engine.respond(to: message, state: ConversationState(language: "de", introduced: true))
        #expect(Array(turn.state.pendingChoices.prefix(also.count)) == also)
    }
    @Test("on the sample city, an emergency word comes with the emergency text, and the answer to what else is asked", arguments: [
        ("Notfall: Ich habe meinen Ausweis verloren und fliege morgen", "ausweis-verloren" as String?),
        ("I have no money for food until the end of the month, is there emergency help?", "buergergeld"),
        ("Es brennt in der Schule!", nil),
        ("Darf ich im Garten ein Feuer machen?", nil),
        ("Hilfe, mein Vater ist bewusstlos", nil),
    ])
    func emergencyWithQuestion(_ text: String, _ topic: String?) throws {
        let engine = try SampleCity.requireEngine()
        let r = engine.matcher.match(text)
        #expect(r.outcome == .emergency && r.topic == topic, "\(MatcherTests.describe(r))")
        let message = InboundMessage(channel: .api, senderID: "s", externalID: "1", text: text)
        let turn = engine.respond(to: message, state: ConversationState(language: "de", introduced: true))
        let emergencyText = try #require(engine.knowledgeBase.city.emergency.text(in: turn.language, fallback: "de"))
        // The numbers first, never a case; then the topic's answer, which follow-ups refer to.
        #expect(turn.outcome == .emergency && turn.escalation == nil && turn.topic == topic)
        #expect(turn.reply.text.hasPrefix(emergencyText))
        #expect(turn.state.lastTopic == topic)
        if let topic {
            let title = try #require(engine.knowledgeBase.topic(topic)?.translation(turn.language, fallback: "de").title)
            #expect(turn.reply.text.contains("**\(title)**"))
        } else {
            #expect(turn.reply.text == emergencyText)
        }
    }

    @Test("on the sample city, a greeting before a question no topic fits sends the question to staff")
    func greetingBeforeUnansweredQuestion() throws {
        let text = "Guten Tag, ich bin 78 Jahre alt und mein Ausweis läuft ab. Muss ich da persönlich hin oder kann mein Sohn das machen? Ich bin nicht mehr so gut zu Fuß."
        let r = try SampleCity.requireMatcher().match(text)
        #expect(r.outcome == .escalate && r.escalationReason == .noMatch, "\(MatcherTests.describe(r))")
    }

    @Test("on the sample city, a greeting with next to nothing else stays a greeting", arguments: [
        "Hallo, ist da jemand?", "Hi there, how are you doing today?", "Guten Abend, schöne Grüße aus Hamburg",
        "Hallo, wie geht's?", "Guten Morgen",
    ])
    func greetingWithStrayWords(_ text: String) throws {
        let r = try SampleCity.requireMatcher().match(text)
        #expect(r.outcome == .smalltalk && r.smalltalk == .greeting, "\(text) → \(MatcherTests.describe(r))")
    }

    @Test("on the sample city, a request for a language gets what the bot can do in it; before a question it is left out")
    func languageRequest() throws {
        let matcher = try SampleCity.requireMatcher()
        for (text, forced, expected) in [
            ("Sorry, do you speak English?", "de", "en"), ("Deutsch bitte", "en", "de"), ("Sprechen Sie Deutsch?", "en", "de"),
            // Asked in the other language: a visitor who knows a few words of it.
            ("Sprechen Sie Englisch?", "de", "en"), ("Do you speak German?", "en", "de"),
        ] {
            let r = matcher.match(text, language: forced)
            #expect(r.outcome == .smalltalk && r.smalltalk == .capabilities && r.language == expected, "\(text) → \(MatcherTests.describe(r))")
        }
        // Without the request the question fits no topic confidently ("speak", "English" count against it).
        let question = matcher.match("Do you speak English? I need a new passport")
        #expect(question.outcome == .answer && question.topic == "reisepass" && question.language == "en", "\(MatcherTests.describe(question))")
        // One word besides the request is a question when the base knows it.
        let oneWord = matcher.match("Sprechen Sie Englisch? Meldebescheinigung")
        #expect(oneWord.outcome == .answer && oneWord.topic == "meldebescheinigung" && oneWord.language == "en", "\(MatcherTests.describe(oneWord))")
        // "in English" inside a question is no request.
        let inside = matcher.match("Is the form available in English?")
        #expect(inside.outcome != .smalltalk, "\(MatcherTests.describe(inside))")
    }

    @Test("on the sample city, what thanks are for is part of the thanks; a question after it is not", arguments: [
        ("Danke für die Info", nil as String?), ("Danke für die Info zum Personalausweis", nil), ("Thanks for the info", nil),
        ("Danke für die Hilfe", nil), ("Vielen Dank für die Hilfe!", nil),
        ("Danke für die Info, wie beantrage ich einen Perso?", "personalausweis"),
        ("Danke für die Info. Und wann kommt der Sperrmüll?", "sperrmuell"),
        ("Thanks for the help, where do I register my car?", "kfz-zulassung"),
    ])
    func thanksFor(_ text: String, _ topic: String?) throws {
        let r = try SampleCity.requireMatcher().match(text)
        if let topic {
            #expect(r.outcome == .answer && r.topic == topic, "\(text) → \(MatcherTests.describe(r))")
        } else {
            #expect(r.outcome == .smalltalk && r.smalltalk == .thanks, "\(text) → \(MatcherTests.describe(r))")
        }
    }

    @Test("on the sample city, what citizens say around their questions", arguments: [
        // Acknowledgments are thanks, not questions for staff.
        ("Okay super", "smalltalk:thanks"), ("Perfekt", "smalltalk:thanks"), ("Alles klar, danke", "smalltalk:thanks"),
        ("got it", "smalltalk:thanks"),
        // "It did not help" as all a message says: a person takes over.
        ("Das hat mir nicht geholfen", "person"), ("Du bist nutzlos", "person"), ("I don't understand", "person"),
        ("I received a new property tax notice and don't understand it", "grundsteuer"),
        // A bare call for help: what the bot can do.
        ("Hilfe", "smalltalk:capabilities"), ("Ich brauche Hilfe", "smalltalk:capabilities"),
        ("I need help", "smalltalk:capabilities"), ("Vielen Dank für die Hilfe!", "smalltalk:thanks"),
        ("Was kannst du mir über Sperrmüll sagen?", "sperrmuell"),
        // Checking that the bot answers is a greeting; "test" inside a question is a word of it.
        // "visit" is no keyword of the ID card topic (it was, in "home visit", and answered this).
        ("Hi, I'm visiting next week", "smalltalk:greeting"),
        ("Test", "smalltalk:greeting"), ("Test 123", "smalltalk:greeting"), ("Hallo, nur ein Test", "smalltalk:greeting"),
        ("just testing", "smalltalk:greeting"), ("Danke, test", "smalltalk:thanks"),
        ("Kann ich bei Ihnen einen Corona-Test machen?", "escalate"), ("Where can I get a covid test?", "escalate"),
        // Hedges ("I think", "vielleicht") say nothing about the topic; "think" was an unknown word against every topic.
        ("I think I lost my ID card on the train", "ausweis-verloren"), ("Vielleicht habe ich meinen Pass verloren", "ausweis-verloren"),
        // Everyday verbs say nothing about the topic: "erledigen" was the appointment topic's word.
        ("Was müssen wir nach der Geburt alles erledigen?", "geburtsurkunde"),
        // Praise is thanks ("hilfreich" answered the driving licence); its opposite asks for a person.
        ("Danke, sehr hilfreich!", "smalltalk:thanks"), ("thanks a lot, very helpful!", "smalltalk:thanks"),
        ("Das war nicht hilfreich", "person"), ("not very helpful", "person"),
        // Asking whether a person is there is asking about the bot; asking for one is not.
        ("Spreche ich mit einem Menschen?", "smalltalk:identity"), ("Am I talking to a real person?", "smalltalk:identity"),
        ("Bin ich hier mit einem echten Menschen verbunden?", "smalltalk:identity"),
        ("Bist du ein Bot? Ich will mit einem Menschen sprechen.", "person"), ("Kann ich mit einem Menschen sprechen?", "person"),
        // Thanks or a salutation beside a question of its own do not make the message small talk.
        ("Hi, my partner is Spanish and I'm German, we both live here in town. We would like to marry at the registry office "
            + "next year. Which papers do we need, and must they be translated? Thanks a lot!", "eheschliessung"),
        ("Sehr geehrte Damen und Herren, ich werde bald 67 Jahre alt. Wo stelle ich meinen Rentenantrag?", "escalate"),
    ])
    func aroundQuestions(_ text: String, _ expected: String) throws {
        let r = try SampleCity.requireMatcher().match(text)
        let got = switch r.outcome {
        case .smalltalk: "smalltalk:\(r.smalltalk?.rawValue ?? "")"
        case .escalate where r.escalationReason == .humanRequested: "person"
        case .answer: r.topic ?? ""
        default: "\(r.outcome)"
        }
        #expect(got == expected, "\(text) → \(MatcherTests.describe(r))")
    }

    @Test("on the sample city, a follow-up stays with the context topic only when that topic mentions what it asks about", arguments: [
        // A subject of its own, rare and not in the context topic: not answered from it.
        ("und gibt es dort ein WLAN?", "personalausweis", false),
        ("and is there a public toilet?", "tourist-info", false),
        ("und wo kaufe ich Hundefutter?", "hundesteuer", false),
        ("und wo bekomme ich einen Hochzeitsfotografen?", "eheschliessung", false),
        ("and where can I buy a bus ticket?", "wohnsitz-anmelden", false),
        // Mentioned by the context topic (also in its answer text only): answered from it.
        ("und nehmen die auch Elektrogeräte mit?", "sperrmuell", true),
        ("und auch Autoreifen?", "sperrmuell", true),
        ("and old tyres?", "sperrmuell", true),
        ("und gibt es auch Tagesmütter?", "kita-platz", true),
        ("und kann ich auch am Samstag heiraten?", "eheschliessung", true),
        ("und gibt es WLAN?", "stadtbibliothek", true),
    ])
    func followUpSubject(_ text: String, _ context: String, _ staysWithContext: Bool) throws {
        let r = try SampleCity.requireMatcher().match(text, contextTopic: context)
        if staysWithContext {
            #expect(r.outcome == .answer && r.topic == context, "\(text) → \(MatcherTests.describe(r))")
        } else {
            #expect(r.outcome == .escalate && r.topic != context, "\(text) → \(MatcherTests.describe(r))")
        }
    }

    @Test("on the sample city, an everyday word that other topics are about leaves the topic in hand; a person does not", arguments: [
        ("and what about my car?", "termin-buergerbuero", "kfz-zulassung"),
        ("Und was ist mit meinem Auto?", "personalausweis", "kfz-zulassung"),
        ("und meine Frau?", "personalausweis", "personalausweis"),
        // Fits no topic confidently: stays ("Stelle" is in every "Antrag stellen").
        ("Wo ist die Stelle?", "ausweis-verloren", "ausweis-verloren"),
    ])
    func everydaySubject(_ text: String, _ context: String, _ expected: String) throws {
        let r = try SampleCity.requireMatcher().match(text, contextTopic: context)
        if expected == context {
            #expect(r.outcome == .answer && r.topic == context, "\(text) → \(MatcherTests.describe(r))")
        } else {
            #expect(r.topic != context && r.candidates.first?.id == expected, "\(text) → \(MatcherTests.describe(r))")
        }
    }

    @Test("on the sample city, a follow-up that fits the topic in hand (nearly) as well as another stays with it")
    func followUpBetweenTwoTopics() throws {
        let matcher = try SampleCity.requireMatcher()
        let question = "Danke. Und wie komme ich da hin mit dem Bus?"
        // Alone, the bus is the town hall's directions or something left on a bus: a choice.
        let alone = matcher.match(question)
        #expect(alone.outcome == .clarify, "\(MatcherTests.describe(alone))")
        #expect(Set(alone.candidates.map(\.id)) == ["oeffnungszeiten-rathaus", "fundbuero"], "\(MatcherTests.describe(alone))")
        // After either answer, the citizen means the topic they were just reading.
        for context in ["oeffnungszeiten-rathaus", "fundbuero"] {
            let r = matcher.match(question, contextTopic: context)
            #expect(r.outcome == .answer && r.topic == context, "\(context): \(MatcherTests.describe(r))")
        }
        // A message that does not refer back still gets the choice.
        let fresh = matcher.match("Bus", contextTopic: "fundbuero")
        #expect(fresh.outcome == .clarify, "\(MatcherTests.describe(fresh))")
        // A follow-up another topic fits a little better stays with the topic in hand too.
        let parking = "Und gibt es Parkplätze?"
        #expect(matcher.match(parking).topic == "halteverbot-umzug", "\(MatcherTests.describe(matcher.match(parking)))")
        let atTownHall = matcher.match(parking, contextTopic: "oeffnungszeiten-rathaus")
        #expect(atTownHall.outcome == .answer && atTownHall.topic == "oeffnungszeiten-rathaus", "\(MatcherTests.describe(atTownHall))")
        // Unless it names another topic that the topic in hand is not asked about.
        let lostProperty = matcher.match("Where is the lost property office?", contextTopic: "ausweis-verloren")
        #expect(lostProperty.topic == "fundbuero", "\(MatcherTests.describe(lostProperty))")
        // After a topic that is not among the choices, nothing changes.
        let other = matcher.match(question, contextTopic: "sperrmuell")
        #expect(other.topic != "sperrmuell", "\(MatcherTests.describe(other))")
    }

    @Test("on the sample city, a long story with one clear topic is answered below the usual confidence; a short question is not")
    func longStoryWithClearTopic() throws {
        let matcher = try SampleCity.requireMatcher()
        let threshold = MatcherConfiguration().answerThreshold
        let story = "Unsere Straße will im August einen Sonntag lang die Straße sperren und zusammen ein Fest "
            + "mit Bierbänken feiern. Brauchen wir dafür eine Erlaubnis?"
        let long = matcher.match(story)
        #expect(long.outcome == .answer && long.topic == "sondernutzung", "\(MatcherTests.describe(long))")
        #expect(long.confidence < threshold, "the story no longer tests the long-message rule: \(MatcherTests.describe(long))")
        // As unsure, but short: nothing dilutes it, so it goes to staff.
        let short = matcher.match("Wie kündige ich meinen Handyvertrag vorzeitig?")
        #expect(short.outcome == .escalate && short.confidence > MatcherConfiguration().longMessageThreshold, "\(MatcherTests.describe(short))")
    }
}
