import Foundation
import Testing

@testable import AmtsboteCore

/// The per-conversation dialogue, on a tiny fixture base. Assertions avoid depending on the
/// matcher's quality: picks, taps, notices, languages and escalation bookkeeping are the engine's own.
@Suite struct DialogueEngineTests {
    let engine: DialogueEngine

    init() throws {
        let url = try #require(Bundle.module.url(forResource: "dialogue-kb", withExtension: nil, subdirectory: "Fixtures"))
        let result = KnowledgeLoader.load(directory: url.path)
        engine = DialogueEngine(knowledgeBase: try #require(result.knowledgeBase))
    }

    private func text(_ text: String, hint: String? = nil) -> InboundMessage {
        InboundMessage(channel: .api, senderID: "s", externalID: UUID().uuidString, text: text, languageHint: hint)
    }

    private func tap(_ payload: String) -> InboundMessage {
        InboundMessage(channel: .api, senderID: "s", externalID: UUID().uuidString, kind: .choice, text: "", payload: payload)
    }

    private let introduced = ConversationState(language: "de", introduced: true)

    @Test(arguments: [
        ("2", 2), ("Nr. 2", 2), ("die zweite", 2), ("Die Zweite bitte", 2), ("the first one", 1), ("first", 1),
        ("1)", 1), ("drei", 3), ("third", 3), ("Option 3", 3), ("one", 1), ("the second one", 2), ("zweites Thema", 2),
    ])
    func picksArePositions(input: String, expected: Int) {
        #expect(ChoiceSelection.position(in: input) == expected)
    }

    @Test(arguments: [
        "Wie beantrage ich 2 Pässe für meine Kinder?", "1 oder 2", "Hallo", "", "zwei Personalausweise verloren und jetzt?",
    ])
    func questionsAreNotPicks(input: String) {
        #expect(ChoiceSelection.position(in: input) == nil)
    }

    @Test(arguments: [("2", "reisepass"), ("die erste", "personalausweis"), ("the third one", "anmeldung")])
    func pendingChoiceIsResolved(input: String, topic: String) {
        var state = introduced
        state.pendingChoices = ["personalausweis", "reisepass", "anmeldung"]
        let turn = engine.respond(to: text(input), state: state)
        #expect(turn.outcome == .answer)
        #expect(turn.topic == topic)
        // What is pending now are the answer's related topics.
        #expect(turn.state.pendingChoices == turn.reply.choices.compactMap { ReplyComposer.topic(inPayload: $0.payload) })
        #expect(turn.state.lastTopic == topic)
        #expect(turn.escalation == nil)
    }

    @Test func askingForALanguageSwitchesTheConversation() {
        let english = engine.respond(to: text("Sorry, do you speak English?"), state: introduced)
        #expect(english.outcome == .smalltalk)
        #expect(english.reply.text == "I answer questions.")
        #expect(english.state.language == "en")
        // Two words are too few to detect a language, but a request names it.
        let german = engine.respond(to: text("Deutsch bitte"), state: english.state)
        #expect(german.reply.text == "Ich kann Fragen beantworten.")
        #expect(german.state.language == "de")
    }

    @Test func aRelatedTopicOfAnAnswerCanBePickedByNumber() {
        let answer = engine.respond(to: tap("topic:personalausweis"), state: introduced)
        #expect(answer.reply.choices.map(\.payload) == ["topic:reisepass", "topic:anmeldung"])
        #expect(answer.state.pendingChoices == ["reisepass", "anmeldung"])
        let picked = engine.respond(to: text("2"), state: answer.state)
        #expect(picked.outcome == .answer && picked.topic == "anmeldung")
        #expect(picked.state.lastTopic == "anmeldung")
    }

    @Test func pickOutOfRangeIsNotAPick() {
        var state = introduced
        state.pendingChoices = ["personalausweis", "reisepass"]
        let turn = engine.respond(to: text("5"), state: state)
        #expect(turn.topic != "personalausweis" && turn.topic != "reisepass")
        #expect(turn.state.pendingChoices.isEmpty)
        // Nothing to pick from: no question for staff, and no topic guessed from "zweite".
        for input in ["5", "die zweite", "the first one"] {
            #expect(engine.respond(to: text(input), state: introduced).escalation?.reason == .noQuestion, "\(input)")
        }
    }

    @Test(arguments: [
        "Keins davon", "keines davon passt", "Nein, leider nichts davon", "nichts", "None of these", "neither",
        "none of them fits", "nein", "No",
    ])
    func declinesAreRecognised(input: String) {
        #expect(ChoiceSelection.isDecline(input))
    }

    @Test(arguments: [
        "Keine Ahnung, wo ich mich ummelde", "kein Personalausweis", "Hallo", "", "2", "die zweite",
        "no parking permit for my street", "nein danke", "Keins davon, ich suche den Personalausweis",
    ])
    func questionsAreNotDeclines(input: String) {
        #expect(!ChoiceSelection.isDecline(input))
    }

    @Test func aDeclinedChoiceAsksForOtherWordsWithoutACase() {
        var state = introduced
        state.pendingChoices = ["personalausweis", "reisepass"]
        state.lastTopic = "anmeldung"
        let turn = engine.respond(to: text("Keins davon"), state: state)
        // The clarify's closing line (this base has no `choices_declined`), no topic, no case.
        #expect(turn.reply.text == "Keins davon?")
        #expect(turn.outcome == .clarify)
        #expect(turn.topic == nil)
        #expect(turn.escalation == nil)
        #expect(turn.state.pendingChoices.isEmpty)
        #expect(turn.state.lastTopic == "anmeldung")
        #expect(engine.adjusted(turn, openCase: nil) == turn)
        // English keeps the conversation's language for short messages.
        var english = state
        english.language = "en"
        #expect(engine.respond(to: text("none of these"), state: english).reply.text == "None of these?")
        // Nothing pending any more: a message without a question, not a follow-up.
        let afterAnswer = engine.respond(to: text("Keins davon"), state: turn.state)
        #expect(afterAnswer.escalation?.reason == .noQuestion)
        #expect(afterAnswer.topic == nil)
    }

    @Test func tappedButtonAnswersItsTopic() {
        let turn = engine.respond(to: tap("topic:personalausweis"), state: introduced)
        #expect(turn.topic == "personalausweis")
        #expect(turn.reply.text.contains("Personalausweis beantragen"))
        #expect(turn.reply.choices.map(\.payload) == ["topic:reisepass", "topic:anmeldung"])
    }

    @Test func firstContactGetsBotAndPrivacyNoticeOnce() {
        let first = engine.respond(to: tap("topic:personalausweis"), state: ConversationState())
        #expect(first.reply.text.hasPrefix("Hallo, ich bin ein Bot.\n\nDatenschutz: 90 Tage.\n\n**Personalausweis beantragen**"))
        // The notice goes before the answer; its choices and their label stay.
        #expect(first.reply.choices.map(\.payload) == ["topic:reisepass", "topic:anmeldung"])
        #expect(first.reply.choicesLabel == "Passende Themen")
        #expect(first.state.introduced)
        let second = engine.respond(to: tap("topic:reisepass"), state: first.state)
        #expect(second.reply.text.hasPrefix("**Reisepass beantragen**"))
    }

    @Test func aGetStartedTapGetsTheNoticeOnceAndHelpTheCapabilities() {
        // First contact through "Get Started" or Telegram's /start: the greeting and privacy notice, once.
        let first = engine.respond(to: tap(ReplyComposer.payload(forSmalltalk: .greeting)), state: ConversationState())
        #expect(first.reply.text == "Hallo, ich bin ein Bot.\n\nDatenschutz: 90 Tage.")
        #expect(first.outcome == .smalltalk)
        var state = first.state
        state.pendingChoices = ["personalausweis", "reisepass"]
        let help = engine.respond(to: tap(ReplyComposer.payload(forSmalltalk: .capabilities)), state: state)
        #expect(help.reply.text == "Ich kann Fragen beantworten.")
        #expect(help.state.pendingChoices.isEmpty)
        // An unknown kind is no small talk: the message is matched as usual.
        let unknown = engine.respond(to: tap("smalltalk:weather"), state: introduced)
        #expect(unknown.outcome != .smalltalk)
    }

    @Test func aMessageWithoutAQuestionAsksForOneWhenNoCaseIsOpen() {
        let turn = engine.respond(to: text("?"), state: ConversationState())
        #expect(turn.escalation?.reason == .noQuestion)
        // No case to join: the notice, then what the bot can do (no `no_question` message in this base).
        let alone = engine.adjusted(turn, openCase: nil)
        #expect(alone.escalation == nil)
        #expect(alone.outcome == .clarify)
        #expect(alone.reply.text == "Hallo, ich bin ein Bot.\n\nDatenschutz: 90 Tage.\n\nIch kann Fragen beantworten.")
        // With an open case it joins it.
        #expect(engine.adjusted(turn, openCase: OpenCaseStatus(reason: .noMatch, staffReplied: false)) == turn)
        // Other escalations are left alone.
        let question = engine.respond(to: text("Wie wird das Wetter morgen in Berlin?"), state: introduced)
        #expect(question.escalation?.reason == .noMatch)
        #expect(engine.adjusted(question, openCase: nil) == question)
    }

    @Test func whileWaitingForAPersonMessagesGoToTheCase() {
        let answer = engine.respond(to: tap("topic:reisepass"), state: introduced)
        #expect(answer.outcome == .answer)
        let waiting = OpenCaseStatus(reason: .humanRequested, staffReplied: false)
        let joined = engine.adjusted(answer, openCase: waiting)
        #expect(joined.escalation?.reason == .humanRequested)
        #expect(joined.outcome == .escalate)
        #expect(joined.reply.text.isEmpty)
        #expect(joined.topic == nil)
        // Once staff have replied, or for a case opened because no topic fitted, the bot answers.
        #expect(engine.adjusted(answer, openCase: OpenCaseStatus(reason: .humanRequested, staffReplied: true)) == answer)
        #expect(engine.adjusted(answer, openCase: OpenCaseStatus(reason: .noMatch, staffReplied: false)) == answer)
        // Small talk and emergencies are answered even while waiting.
        let thanks = engine.respond(to: text("Danke"), state: introduced)
        #expect(engine.adjusted(thanks, openCase: waiting) == thanks)
        let emergency = engine.respond(to: text("Hilfe, es brennt!"), state: introduced)
        #expect(emergency.outcome == .emergency)
        #expect(engine.adjusted(emergency, openCase: waiting) == emergency)
    }

    @Test func aGreetingJoinsAnOpenCaseInsteadOfTheIntroduction() {
        let hello = engine.respond(to: text("Hallo?"), state: introduced)
        #expect(hello.outcome == .smalltalk)
        #expect(hello.smalltalk == .greeting)
        #expect(engine.adjusted(hello, openCase: nil) == hello)
        for (status, reason) in [
            (OpenCaseStatus(reason: .humanRequested, staffReplied: false), EscalationReason.humanRequested),
            (OpenCaseStatus(reason: .humanRequested, staffReplied: true), .humanRequested),
            (OpenCaseStatus(reason: .noMatch, staffReplied: false), .noQuestion),
        ] {
            let joined = engine.adjusted(hello, openCase: status)
            #expect(joined.outcome == .escalate)
            #expect(joined.escalation?.reason == reason)
            #expect(joined.reply.text.isEmpty)
            #expect(joined.smalltalk == nil)
            let completed = engine.completing(joined, caseNumber: 1007, joined: true, now: Date())
            #expect(completed.reply.text == "Zu Nr. 1007 hinzugefügt.")
        }
        // Other small talk is still answered with an open case.
        let thanks = engine.respond(to: text("Danke"), state: introduced)
        #expect(thanks.smalltalk == .thanks)
        #expect(engine.adjusted(thanks, openCase: OpenCaseStatus(reason: .noMatch, staffReplied: false)) == thanks)
    }

    @Test func languageIsKeptForShortMessages() {
        var state = introduced
        state.language = "en"
        state.pendingChoices = ["personalausweis"]
        let turn = engine.respond(to: text("1"), state: state)
        #expect(turn.language == "en")
        #expect(turn.reply.text.contains("Apply for an ID card"))
        #expect(turn.state.language == "en")
    }

    @Test func askedAgainAboutTheTopicJustAnsweredOnlyWhatIsAskedComes() {
        let first = engine.respond(to: text("Wie melde ich Sperrmüll an?"), state: introduced)
        #expect(first.topic == "sperrmuell")
        for block in ["**Kosten:**", "**Dauer:**", "- Möbel und Matratzen", "Markt 1, 99999 Teststadt"] {
            #expect(first.reply.text.contains(block), "\(block) missing from the first answer")
        }
        let cost = engine.respond(to: text("und was kostet das?"), state: first.state)
        #expect(cost.topic == "sperrmuell")
        #expect(cost.reply.text == "**Sperrmüll anmelden**\n\n**Kosten:** Zwei Abholungen im Jahr sind frei, jede weitere kostet 35 Euro.")
        #expect(cost.reply.choices == first.reply.choices)
        #expect(cost.state.pendingChoices == first.state.pendingChoices)
        // Where: the office's contact, which the answer text does not have.
        let place = engine.respond(to: text("Und wo ist das?"), state: first.state)
        #expect(place.topic == "sperrmuell")
        #expect(place.reply.text.hasPrefix("**Sperrmüll anmelden**\n\nBürgeramt\nMarkt 1, 99999 Teststadt"), "\(place.reply.text)")
        #expect(!place.reply.text.contains("Kosten"))
        // A first question about the cost gets the whole answer: the citizen has not read it yet.
        let fresh = engine.respond(to: text("Was kostet die Sperrmüll Abholung?"), state: introduced)
        #expect(fresh.topic == "sperrmuell")
        #expect(fresh.reply.text == first.reply.text)
    }

    @Test func aShortFirstMessageIsDetectedWhileNoLanguageIsKnown() {
        let hello = engine.respond(to: text("Hello"), state: ConversationState())
        #expect(hello.reply.text == "Hello, I am a bot.\n\nPrivacy: 90 days.")
        #expect(hello.state.language == "en")
        #expect(engine.respond(to: text("Hallo"), state: ConversationState()).state.language == "de")
        // Once known, from the conversation or the platform, a short message keeps it.
        #expect(engine.respond(to: text("Hello"), state: introduced).state.language == "de")
        #expect(engine.respond(to: text("Hello", hint: "de"), state: ConversationState()).state.language == "de")
    }

    @Test(arguments: [("en-US", "Hello, I am a bot."), ("de", "Hallo, ich bin ein Bot."), ("fr", "Hallo, ich bin ein Bot.")])
    func platformHintPicksTheFirstLanguage(hint: String, greeting: String) {
        let message = InboundMessage(
            channel: .telegram, senderID: "s", externalID: "1", kind: .attachment, text: "", languageHint: hint)
        let turn = engine.respond(to: message, state: ConversationState())
        #expect(turn.reply.text.hasPrefix(greeting))
    }

    @Test func attachmentGetsTextOnlyNotice() {
        let message = InboundMessage(channel: .messenger, senderID: "s", externalID: "1", kind: .attachment, text: "")
        let turn = engine.respond(to: message, state: introduced)
        #expect(turn.reply.text == "Ich kann nur Text lesen.")
        #expect(turn.escalation == nil)
    }

    @Test func topicMarkedEscalateAnswersAndOpensACase() {
        let turn = engine.respond(to: tap("topic:einbuergerung"), state: introduced)
        #expect(turn.topic == "einbuergerung")
        #expect(turn.escalation?.reason == .topicRequiresStaff)
        let completed = engine.completing(turn, caseNumber: 1042, joined: false, now: Date())
        #expect(completed.reply.text.hasPrefix("**Einbürgerung**"))
        #expect(completed.reply.text.contains("Weitergegeben (Nr. 1042)"))
    }

    @Test(arguments: [(false, "Weitergegeben (Nr. 1001), Antwort ab "), (true, "Zu Nr. 1001 hinzugefügt.")])
    func escalationSentenceDependsOnNewOrJoinedCase(joined: Bool, expected: String) {
        let turn = DialogueTurn(
            reply: BotReply(text: ""), state: introduced, language: "de", outcome: .escalate,
            escalation: .init(reason: .noMatch, candidates: []))
        let completed = engine.completing(turn, caseNumber: 1001, joined: joined, now: Date())
        #expect(completed.reply.text.hasPrefix(expected))
    }

    @Test func unknownPayloadFallsBackToMatching() {
        let turn = engine.respond(to: tap("topic:does-not-exist"), state: introduced)
        #expect(turn.topic != "does-not-exist")
    }

    @Test func turnWithoutEscalationIsNotChangedByCompleting() {
        let turn = engine.respond(to: tap("topic:reisepass"), state: introduced)
        #expect(engine.completing(turn, caseNumber: 1, joined: false, now: Date()) == turn)
    }
}
