/// What the bot decided to do with one citizen message.
public enum Outcome: String, Sendable, Hashable, Codable, CaseIterable {
    /// One topic answers the question.
    case answer
    /// Two or three topics are close; the citizen is offered a numbered choice.
    case clarify
    /// Greeting, thanks, "who are you", goodbye, "what can you do".
    case smalltalk
    /// Danger to life or health: the emergency text at once.
    case emergency
    /// Nothing fits well enough, or the citizen asked for a person: the question goes to staff.
    case escalate
}

/// The kind of small talk recognised.
public enum SmalltalkKind: String, Sendable, Hashable, Codable, CaseIterable {
    case greeting, thanks, goodbye, identity, capabilities, privacy
}

/// Why a message is escalated to staff.
public enum EscalationReason: String, Sendable, Hashable, Codable {
    /// No topic fits well enough.
    case noMatch
    /// The citizen asked to talk to a person.
    case humanRequested
    /// The citizen asked for a copy of their data or its erasure: staff must act on it.
    case dataRequest
    /// The answered topic is marked `escalate: true`.
    case topicRequiresStaff
    /// Not a word with content ("?", "ok", "ja", an emoji): it joins the citizen's open case, if
    /// there is one (it may answer staff's question), but opens none.
    case noQuestion
}

/// A topic the matcher considered, with its score.
public struct ScoredTopic: Sendable, Hashable, Codable {
    public var id: String
    /// Confidence-like score in 0…1.
    public var score: Double
    /// Similarity (0…1) of the message to the topic's nearest sample question; not encoded.
    public var questionSimilarity: Double
    /// For a message of one word, the score without the nearest sample question's part: what
    /// the word alone says for the topic (else the score); not encoded.
    public var wordScore: Double

    public init(id: String, score: Double, questionSimilarity: Double = 0, wordScore: Double? = nil) {
        self.id = id
        self.score = score
        self.questionSimilarity = questionSimilarity
        self.wordScore = wordScore ?? score
    }

    enum CodingKeys: String, CodingKey { case id, score }

    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        self.init(id: try c.decode(String.self, forKey: .id), score: try c.decode(Double.self, forKey: .score))
    }
}

/// The matcher's decision for one message: a value, no side effects.
public struct MatchResult: Sendable, Hashable {
    /// Detected (or given) language of the message.
    public var language: String
    public var outcome: Outcome
    /// The answering topic for `answer`.
    public var topic: String?
    /// Best candidates, best first (for `clarify`: the offered choices).
    public var candidates: [ScoredTopic]
    /// Confidence in the decision, 0…1.
    public var confidence: Double
    public var smalltalk: SmalltalkKind?
    public var escalationReason: EscalationReason?
    /// For `answer`: topics that other questions in the same message ask about clearly.
    public var alsoAsked: [String] = []

    public init(
        language: String, outcome: Outcome, topic: String? = nil, candidates: [ScoredTopic] = [],
        confidence: Double = 0, smalltalk: SmalltalkKind? = nil, escalationReason: EscalationReason? = nil
    ) {
        self.language = language
        self.outcome = outcome
        self.topic = topic
        self.candidates = candidates
        self.confidence = confidence
        self.smalltalk = smalltalk
        self.escalationReason = escalationReason
    }
}
