/// What the dialogue engine decided for one citizen message: a value, applied by the caller.
public struct DialogueTurn: Sendable, Hashable {
    /// The reply to send now. For an escalation it still lacks the case sentence: pass the turn
    /// to `DialogueEngine.completing(_:caseNumber:joined:now:)` once the case exists.
    public var reply: BotReply
    /// The conversation state to store after this message.
    public var state: ConversationState
    /// The reply language.
    public var language: String
    /// The matcher outcome (nil for an attachment or a tapped choice that needs no matching).
    public var outcome: Outcome?
    /// The topic answered, if any.
    public var topic: String?
    /// The kind of small talk answered, for an outcome of `smalltalk`.
    public var smalltalk: SmalltalkKind?
    /// Set when the message goes to staff: open a case or join the open one.
    public var escalation: Escalation?

    public init(
        reply: BotReply, state: ConversationState, language: String, outcome: Outcome? = nil, topic: String? = nil,
        escalation: Escalation? = nil, smalltalk: SmalltalkKind? = nil
    ) {
        self.reply = reply
        self.state = state
        self.language = language
        self.outcome = outcome
        self.topic = topic
        self.escalation = escalation
        self.smalltalk = smalltalk
    }

    /// A request to open (or join) a staff case.
    public struct Escalation: Sendable, Hashable {
        public var reason: EscalationReason
        /// The matcher's best candidates, for staff.
        public var candidates: [ScoredTopic]

        public init(reason: EscalationReason, candidates: [ScoredTopic]) {
            self.reason = reason
            self.candidates = candidates
        }
    }
}
