import Foundation

/// Turns matcher decisions into the text a citizen sees. Every sentence comes from the
/// knowledge base or `city.yaml`; only layout (line breaks, numbering, Markdown) is decided here.
public struct ReplyComposer: Sendable {
    public let knowledgeBase: KnowledgeBase
    private var city: CityConfig { knowledgeBase.city }

    public init(knowledgeBase: KnowledgeBase) { self.knowledgeBase = knowledgeBase }

    /// The payload of a choice that opens a topic.
    public static func payload(forTopic id: String) -> String { "topic:\(id)" }

    /// The topic id in a choice payload, if it is one.
    public static func topic(inPayload payload: String) -> String? {
        payload.hasPrefix("topic:") ? String(payload.dropFirst(6)) : nil
    }

    /// The payload of a button or command that asks for a fixed message ("Get Started", `/help`).
    public static func payload(forSmalltalk kind: SmalltalkKind) -> String { "smalltalk:\(kind.rawValue)" }

    /// The small-talk kind in a payload, if it is one.
    public static func smalltalk(inPayload payload: String) -> SmalltalkKind? {
        payload.hasPrefix("smalltalk:") ? SmalltalkKind(rawValue: String(payload.dropFirst(10))) : nil
    }

    /// The reply for a decision. For `escalate`, pass the case number once the case exists.
    public func reply(for result: MatchResult, caseNumber: Int? = nil, now: Date = Date()) -> BotReply {
        let language = result.language
        switch result.outcome {
        case .answer:
            guard let id = result.topic else { return escalated(caseNumber: caseNumber, reason: .noMatch, language: language, now: now) }
            return answer(topic: id, language: language, alsoAsked: result.alsoAsked)
        case .clarify:
            return clarify(result.candidates.map(\.id), language: language)
        case .smalltalk:
            return smalltalk(result.smalltalk ?? .greeting, language: language)
        case .emergency:
            let text = city.emergency.text(in: language, fallback: city.defaultLanguage) ?? "112 / 110"
            // Whatever else the message asks comes after the emergency numbers.
            guard let id = result.topic, knowledgeBase.topic(id) != nil else { return BotReply(text: text) }
            var reply = answer(topic: id, language: language)
            reply.text = [text, reply.text].joined(separator: "\n\n")
            return reply
        case .escalate where result.escalationReason == .noQuestion && caseNumber == nil:
            return noQuestion(language: language)
        case .escalate:
            return escalated(caseNumber: caseNumber, reason: result.escalationReason ?? .noMatch, language: language, now: now)
        }
    }

    /// A topic's answer: title, body, links, office contact and hours; as choices the topics the
    /// message also asked about (`alsoAsked`), then the related topics.
    public func answer(topic id: String, language: String, alsoAsked: [String] = []) -> BotReply {
        guard let topic = knowledgeBase.topic(id) else { return BotReply(text: id) }
        let t = topic.translation(language, fallback: city.defaultLanguage)
        return compose(topic, t, body: [t.body], office: true, alsoAsked: alsoAsked, language: language)
    }

    /// A topic's answer cut to what `message` asks about ("und was kostet das?" → the fees; "wo
    /// ist das?" → the office's contact), for a topic the citizen has just been sent in full:
    /// title, the blocks asked about, links, the office block when asked for, the same choices.
    /// Nil when the message asks about nothing in particular or about most of the answer.
    public func focusedAnswer(topic id: String, language: String, message: String, alsoAsked: [String] = []) -> BotReply? {
        guard let topic = knowledgeBase.topic(id) else { return nil }
        let t = topic.translation(language, fallback: city.defaultLanguage)
        let hasOffice = topic.office.flatMap { city.offices[$0] } != nil
        guard let selection = AnswerFocus.select(
            message: message, messageLanguage: language, title: t.title, body: t.body, bodyLanguage: t.language, hasOffice: hasOffice)
        else { return nil }
        return compose(topic, t, body: selection.blocks, office: selection.office, alsoAsked: alsoAsked, language: language)
    }

    private func compose(
        _ topic: Topic, _ t: TopicTranslation, body: [String], office: Bool, alsoAsked: [String], language: String
    ) -> BotReply {
        let id = topic.id
        // Labels follow the language the text is actually in.
        let textLanguage = t.language
        var parts = ["**\(t.title)**"] + body
        if !t.links.isEmpty {
            let label = city.message("label_links", in: textLanguage).map { "\($0):\n" } ?? ""
            parts.append(label + t.links.map { "- [\($0.title)](\($0.url))" }.joined(separator: "\n"))
        }
        if office, let officeID = topic.office, let office = city.offices[officeID] {
            parts.append(officeBlock(office, language: textLanguage))
        }
        let offered = (alsoAsked + topic.related).filter { $0 != id }.orderedUnique()
        let choices = offered.compactMap { relatedID -> BotReply.Choice? in
            guard knowledgeBase.topic(relatedID) != nil else { return nil }
            return BotReply.Choice(title: knowledgeBase.title(of: relatedID, in: language), payload: Self.payload(forTopic: relatedID))
        }
        let label = choices.isEmpty ? nil : city.message("label_related", in: textLanguage)
        return BotReply(text: parts.joined(separator: "\n\n"), choices: choices, choicesLabel: label)
    }

    /// "Meinten Sie 1) … 2) …?" with the topics as choices.
    public func clarify(_ ids: [String], language: String) -> BotReply {
        let titles = ids.map { knowledgeBase.title(of: $0, in: language) }
        var lines: [String] = []
        if let lead = city.message("clarify", in: language) { lines.append(lead) }
        lines += titles.enumerated().map { "\($0.offset + 1)) \($0.element)" }
        if let none = city.message("clarify_none", in: language) { lines.append(none) }
        let choices = zip(ids, titles).map { BotReply.Choice(title: $1, payload: Self.payload(forTopic: $0)) }
        let label = city.message("label_choices", in: language)
        return BotReply(text: lines.joined(separator: "\n"), choices: choices, choicesLabel: label)
    }

    /// A small-talk reply from `city.yaml` messages (falling back to the greeting).
    public func smalltalk(_ kind: SmalltalkKind, language: String) -> BotReply {
        let key: String
        switch kind {
        case .greeting: key = "greeting"
        case .thanks: key = "thanks"
        case .goodbye: key = "goodbye"
        case .identity: key = "identity"
        case .capabilities: key = "capabilities"
        case .privacy: key = "privacy"
        }
        let text = city.message(key, in: language) ?? city.message("greeting", in: language) ?? city.name
        return BotReply(text: text)
    }

    /// The answer to a message without a question when no case is open: the `no_question` message,
    /// else what the bot can do (`capabilities`), else the greeting.
    public func noQuestion(language: String) -> BotReply {
        BotReply(text: city.message("no_question", in: language) ?? smalltalk(.capabilities, language: language).text)
    }

    /// The answer to "keins davon" after a "Meinten Sie …?": `choices_declined`, else the clarify's
    /// own closing line (`clarify_none`), else the answer to a message without a question.
    public func choicesDeclined(language: String) -> BotReply {
        if let text = city.message("choices_declined", in: language) ?? city.message("clarify_none", in: language) {
            return BotReply(text: text)
        }
        return noQuestion(language: language)
    }

    /// The honest "staff will answer" message, with the case number and when staff are next at work.
    public func escalated(caseNumber: Int?, reason: EscalationReason, language: String, now: Date = Date()) -> BotReply {
        let key = switch reason {
        case .humanRequested: "human_requested"
        case .dataRequest: "data_request"
        default: "escalated"
        }
        let template = city.message(key, in: language) ?? city.message("escalated", in: language) ?? ""
        let when = StaffAvailability(city: city).nextStaffTime(after: now, language: language) ?? ""
        let text = template
            .replacingOccurrences(of: "{case}", with: caseNumber.map(String.init) ?? "…")
            .replacingOccurrences(of: "{when}", with: when)
        return BotReply(text: text)
    }

    /// A fixed message by key, with `{case}`/`{when}`-style placeholders filled from `values`.
    public func message(_ key: String, language: String, values: [String: String] = [:]) -> String? {
        guard var text = city.message(key, in: language) else { return nil }
        for (name, value) in values { text = text.replacingOccurrences(of: "{\(name)}", with: value) }
        return text
    }

    private func officeBlock(_ office: Office, language: String) -> String {
        var lines: [String] = []
        let label = city.message("label_contact", in: language).map { "\($0): " } ?? ""
        lines.append(label + (office.name.text(in: language, fallback: city.defaultLanguage) ?? office.id))
        if let address = office.address?.text(in: language, fallback: city.defaultLanguage) { lines.append(address) }
        lines += [office.phone, office.email, office.url].compactMap { $0 }
        if !office.hours.isEmpty {
            let hoursLabel = city.message("label_hours", in: language).map { "\($0):" } ?? ""
            if !hoursLabel.isEmpty { lines.append(hoursLabel) }
            lines += StaffAvailability.weekLines(office.hours, language: language)
        }
        return lines.joined(separator: "\n")
    }
}
