import Foundation

/// Finds the answer to a citizen's message in a knowledge base.
///
/// Pure and `Sendable`: build it once per knowledge base (it precomputes an inverted index),
/// then call `match` from any thread.
public struct Matcher: Sendable {
    public let knowledgeBase: KnowledgeBase
    public let configuration: MatcherConfiguration

    public init(knowledgeBase: KnowledgeBase, configuration: MatcherConfiguration = .init()) {
        self.knowledgeBase = knowledgeBase
        self.configuration = configuration
    }

    /// Decides what to do with `text`.
    /// - Parameters:
    ///   - language: force the reply language (`de`, `en`); nil detects it.
    ///   - day: the calendar day (`yyyy-MM-dd`) for topics with `valid_from`/`valid_until`; nil ignores validity.
    ///   - contextTopic: the topic answered last in this conversation; a follow-up such as
    ///     "und was kostet das?" that fits no topic on its own is answered from it.
    public func match(_ text: String, language: String? = nil, day: String? = nil, contextTopic: String? = nil) -> MatchResult {
        // Placeholder until the scoring lands.
        MatchResult(language: language ?? knowledgeBase.city.defaultLanguage, outcome: .escalate, escalationReason: .noMatch)
    }
}

/// Thresholds and weights of the matcher.
public struct MatcherConfiguration: Sendable, Hashable {
    /// Minimum confidence to answer with one topic.
    public var answerThreshold: Double = 0.5
    /// Minimum confidence for a topic to be offered in a `clarify` choice.
    public var clarifyThreshold: Double = 0.3

    public init() {}
}
