extension Matcher {
    /// The emergency outcome, with the topic that the rest of the message (without the words that
    /// make it an emergency) asks about clearly, if any: "Notfall: Ausweis verloren" is also
    /// about a lost ID card, "no money for food, is there emergency help?" about basic income.
    func emergency(_ tokens: [String], outside covered: Set<Int>, language: String, day: String?) -> MatchResult {
        let rest = tokens.indices.filter { !covered.contains($0) }.map { tokens[$0] }
        let content = rest.filter { isContent($0, language: language) }
        var result = MatchResult(language: language, outcome: .emergency, confidence: 1)
        guard !content.isEmpty else { return result }
        let decision = decide(
            rank(rest, language: language, day: day), language: language, tokens: rest, contentTokens: content, contextTopic: nil)
        if decision.outcome == .answer, decision.confidence >= configuration.alsoAskedThreshold {
            result.topic = decision.topic
            result.candidates = decision.candidates
        }
        return result
    }
}
