import Foundation

/// The per-conversation dialogue: decides what to answer to one citizen message given what the
/// bot remembers about the conversation. Pure: no I/O, no clock (the caller passes `now`/`day`).
///
/// It adds to the matcher:
/// - the first-contact notice (the bot says it is a bot, plus the privacy message);
/// - a pending `clarify` choice resolved by "2", "die zweite", "the first one" or a tapped button,
///   or turned down ("keins davon");
/// - follow-ups ("und was kostet das?") via the last topic;
/// - the conversation's language, kept across short messages that cannot be detected;
/// - the decision to open or join a staff case.
public struct DialogueEngine: Sendable {
    public let knowledgeBase: KnowledgeBase
    public let matcher: Matcher
    public let composer: ReplyComposer

    /// Messages with fewer words than this keep the conversation's language instead of detecting one
    /// (once it is known from the conversation or the platform; a first "Hello" is still detected).
    public static let minimumWordsForDetection = 3

    public init(knowledgeBase: KnowledgeBase, matcher: Matcher? = nil) {
        self.knowledgeBase = knowledgeBase
        self.matcher = matcher ?? Matcher(knowledgeBase: knowledgeBase)
        self.composer = ReplyComposer(knowledgeBase: knowledgeBase)
    }

    /// Decides the reply to `message`.
    /// - Parameters:
    ///   - state: the conversation's state before this message.
    ///   - day: today's date (`yyyy-MM-dd`) in the city's time zone, for dated topics.
    public func respond(to message: InboundMessage, state: ConversationState, day: String? = nil)
        -> DialogueTurn
    {
        var message = message
        message.text = message.text.prefix(scalars: matcher.configuration.longestMessage)
        var state = state
        let known = knownLanguage(for: message, state: state)
        let language = known ?? knowledgeBase.city.defaultLanguage
        var turn: DialogueTurn
        switch message.kind {
        case .attachment:
            let text = composer.message("attachment_unsupported", language: language) ?? ""
            turn = DialogueTurn(reply: BotReply(text: text), state: state, language: language)
        case .choice:
            if let id = message.payload.flatMap(ReplyComposer.topic(inPayload:)), knowledgeBase.topic(id) != nil {
                turn = answering(topic: id, language: language, state: state)
            } else if let kind = message.payload.flatMap(ReplyComposer.smalltalk(inPayload:)) {
                turn = DialogueTurn(
                    reply: composer.smalltalk(kind, language: language), state: state.withoutPendingChoices, language: language,
                    outcome: .smalltalk,
                    smalltalk: kind)
            } else {
                turn = matching(message.text, knownLanguage: known, state: state, day: day)
            }
        case .text:
            if let position = ChoiceSelection.position(in: message.text) {
                // A pick ("2", "die zweite") with nothing to pick from is no question either.
                turn = state.pendingChoices.indices.contains(position - 1)
                    ? answering(topic: state.pendingChoices[position - 1], language: language, state: state)
                    : escalating(reason: .noQuestion, candidates: [], language: language, state: state.withoutPendingChoices)
            } else if ChoiceSelection.isDecline(message.text) {
                turn = declining(language: language, state: state)
            } else {
                turn = matching(message.text, knownLanguage: known, state: state, day: day)
            }
        }
        state = turn.state
        if !state.introduced {
            turn.reply = withFirstContactNotice(turn.reply, outcome: turn.outcome, language: turn.language)
            state.introduced = true
        }
        state.language = turn.language
        turn.state = state
        return turn
    }

    /// Adds the case sentence to an escalating turn's reply once the case exists: the "escalated"
    /// (or "human_requested") message for a new case, `case_updated` when the message joined an open one.
    public func completing(_ turn: DialogueTurn, caseNumber: Int, joined: Bool, now: Date) -> DialogueTurn {
        guard let escalation = turn.escalation else { return turn }
        var turn = turn
        let sentence: String
        if joined {
            sentence = composer.message("case_updated", language: turn.language, values: ["case": String(caseNumber)])
                ?? composer.escalated(caseNumber: caseNumber, reason: escalation.reason, language: turn.language, now: now).text
        } else {
            sentence = composer.escalated(caseNumber: caseNumber, reason: escalation.reason, language: turn.language, now: now).text
        }
        turn.reply.text = [turn.reply.text, sentence].filter { !$0.isEmpty }.joined(separator: "\n\n")
        return turn
    }

    // MARK: - Steps

    /// - Parameter knownLanguage: the conversation's language, if known (see `knownLanguage(for:state:)`).
    private func matching(_ text: String, knownLanguage: String?, state: ConversationState, day: String?) -> DialogueTurn {
        let forced = wordCount(text) < Self.minimumWordsForDetection ? knownLanguage : nil
        let result = matcher.match(text, language: forced, day: day, contextTopic: state.lastTopic)
        let language = knowledgeBase.city.languages.contains(result.language)
            ? result.language : knownLanguage ?? knowledgeBase.city.defaultLanguage
        var state = state
        state.pendingChoices = []
        switch result.outcome {
        case .answer:
            guard let topic = result.topic, knowledgeBase.topic(topic) != nil else {
                return escalating(reason: .noMatch, candidates: result.candidates, language: language, state: state)
            }
            // Asked again about the topic just answered ("und was kostet das?"): only what is asked.
            let focus = topic == state.lastTopic ? text : nil
            return answering(topic: topic, language: language, state: state, alsoAsked: result.alsoAsked, focus: focus)
        case .escalate:
            return escalating(
                reason: result.escalationReason ?? .noMatch, candidates: result.candidates, language: language, state: state)
        case .clarify:
            let ids = result.candidates.map(\.id).filter { knowledgeBase.topic($0) != nil }
            state.pendingChoices = ids
            return DialogueTurn(reply: composer.clarify(ids, language: language), state: state, language: language, outcome: .clarify)
        case .emergency:
            // The emergency text, and the answer to what else the message asks, if anything (never a case).
            var adjusted = result
            adjusted.language = language
            let reply = composer.reply(for: adjusted)
            let topic = result.topic.flatMap { knowledgeBase.topic($0) != nil ? $0 : nil }
            if let topic {
                state.lastTopic = topic
                state.pendingChoices = reply.choices.compactMap { ReplyComposer.topic(inPayload: $0.payload) }
            }
            return DialogueTurn(reply: reply, state: state, language: language, outcome: .emergency, topic: topic)
        case .smalltalk:
            var adjusted = result
            adjusted.language = language
            return DialogueTurn(
                reply: composer.reply(for: adjusted), state: state, language: language, outcome: result.outcome,
                smalltalk: result.outcome == .smalltalk ? result.smalltalk ?? .greeting : nil)
        }
    }

    /// "Keins davon" to a pending "Meinten Sie …?": no topic is guessed from the words; the citizen
    /// is asked to put the request differently (`choices_declined`). With nothing pending it is a
    /// message without a question, like a pick with nothing to pick from.
    private func declining(language: String, state: ConversationState) -> DialogueTurn {
        guard !state.pendingChoices.isEmpty else {
            return escalating(reason: .noQuestion, candidates: [], language: language, state: state)
        }
        return DialogueTurn(
            reply: composer.choicesDeclined(language: language), state: state.withoutPendingChoices, language: language,
            outcome: .clarify)
    }

    private func escalating(reason: EscalationReason, candidates: [ScoredTopic], language: String, state: ConversationState)
        -> DialogueTurn
    {
        DialogueTurn(
            reply: BotReply(text: ""), state: state, language: language, outcome: .escalate,
            escalation: .init(reason: reason, candidates: candidates))
    }

    /// The answer to a topic; with `focus` (the message that asked about the topic again) only
    /// the part of it the message asks about, when it asks about one.
    private func answering(
        topic id: String, language: String, state: ConversationState, alsoAsked: [String] = [], focus: String? = nil
    ) -> DialogueTurn {
        var state = state
        let reply = focus.flatMap { composer.focusedAnswer(topic: id, language: language, message: $0, alsoAsked: alsoAsked) }
            ?? composer.answer(topic: id, language: language, alsoAsked: alsoAsked)
        // The related topics offered as buttons can be picked by number too ("2").
        state.pendingChoices = reply.choices.compactMap { ReplyComposer.topic(inPayload: $0.payload) }
        state.lastTopic = id
        let needsStaff = knowledgeBase.topic(id)?.escalate ?? false
        return DialogueTurn(
            reply: reply, state: state, language: language, outcome: .answer,
            topic: id, escalation: needsStaff ? .init(reason: .topicRequiresStaff, candidates: [ScoredTopic(id: id, score: 1)]) : nil)
    }

    /// The conversation's language, else the platform's hint, if it is one of the city's languages.
    /// Without either, the city's default is used and even a one-word message is detected.
    private func knownLanguage(for message: InboundMessage, state: ConversationState) -> String? {
        let languages = knowledgeBase.city.languages
        if let language = state.language, languages.contains(language) { return language }
        if let hint = message.languageHint?.prefix(2).lowercased(), languages.contains(hint) { return hint }
        return nil
    }

    /// The greeting (which says the bot is a program) and the privacy message before the first reply.
    /// A first message that is itself a greeting gets the notice only.
    private func withFirstContactNotice(_ reply: BotReply, outcome: Outcome?, language: String) -> BotReply {
        let notice = ["greeting", "privacy"].compactMap { composer.message($0, language: language) }
        let isGreeting = outcome == .smalltalk && reply.text == composer.message("greeting", language: language)
        let body = isGreeting ? [] : [reply.text]
        // An emergency text comes first, before anything else.
        let parts = outcome == .emergency ? body + notice : notice + body
        var combined = reply
        combined.text = parts.filter { !$0.isEmpty }.joined(separator: "\n\n")
        return combined
    }

    private func wordCount(_ text: String) -> Int {
        text.split { !$0.isLetter && !$0.isNumber }.count
    }
}
