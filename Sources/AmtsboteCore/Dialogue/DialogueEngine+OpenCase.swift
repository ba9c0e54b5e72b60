/// The citizen's case that staff have not closed yet, as far as the next turn is concerned.
public struct OpenCaseStatus: Sendable, Hashable {
    /// Why the case was opened.
    public var reason: EscalationReason
    /// Whether staff have written to the citizen in this case yet. Only read for a case opened
    /// by a request for a person (`humanRequested`); callers may leave it false for others.
    public var staffReplied: Bool

    public init(reason: EscalationReason, staffReplied: Bool) {
        self.reason = reason
        self.staffReplied = staffReplied
    }
}

extension DialogueEngine {
    /// The turn adjusted to the citizen's open case (nil: none):
    /// - a message without a question (`noQuestion`) opens no case: without one, the citizen is
    ///   asked for the question instead; with one, it joins it (it may answer staff's question);
    /// - while a citizen who asked for a person waits for staff's first reply, what they write
    ///   goes to that case instead of being answered from the knowledge base ("describe your
    ///   request" was the last thing the bot said). Emergencies and small talk are still answered;
    /// - a greeting ("Hallo?") with any open case joins it instead of getting the bot's introduction
    ///   again: the citizen is told the message went to their open request.
    /// Other turns are left as they are; the caller files the messages of an answered turn with the
    /// open case too, so staff see the whole conversation.
    public func adjusted(_ turn: DialogueTurn, openCase: OpenCaseStatus?) -> DialogueTurn {
        guard let openCase else { return turn.escalation?.reason == .noQuestion ? withoutCase(turn) : turn }
        if turn.outcome == .smalltalk, turn.smalltalk == .greeting {
            return joining(turn, reason: openCase.reason == .humanRequested ? .humanRequested : .noQuestion)
        }
        let waitingForPerson = openCase.reason == .humanRequested && !openCase.staffReplied
        guard waitingForPerson, turn.outcome == .answer || turn.outcome == .clarify, turn.escalation == nil else { return turn }
        return joining(turn, reason: .humanRequested)
    }

    /// The turn as a message that joins the open case: no reply of its own, the caller adds `case_updated`.
    private func joining(_ turn: DialogueTurn, reason: EscalationReason) -> DialogueTurn {
        var joined = turn
        joined.reply = BotReply(text: "")
        joined.outcome = .escalate
        joined.topic = nil
        joined.smalltalk = nil
        joined.state = turn.state.withoutPendingChoices
        joined.escalation = .init(reason: reason, candidates: [])
        return joined
    }

    /// A turn whose message had no question and found no open case to join: no case is opened;
    /// the citizen is asked for the question instead.
    func withoutCase(_ turn: DialogueTurn) -> DialogueTurn {
        var turn = turn
        turn.escalation = nil
        turn.outcome = .clarify
        let sentence = composer.noQuestion(language: turn.language).text
        turn.reply.text = [turn.reply.text, sentence].filter { !$0.isEmpty }.joined(separator: "\n\n")
        return turn
    }
}
