extension Matcher {
    /// Most topics offered as "also asked" besides the answer.
    static let maxAlsoAsked = 2
    /// Parts of a message looked at, so a very long message costs no more than a few questions.
    static let maxClauses = 6

    /// Topics that other parts of a message with several questions ask about clearly ("Ich bin
    /// umgezogen und brauche einen neuen Ausweis"): each sentence, and each part joined by "und" /
    /// "and", is matched on its own; a part that the matcher would answer with a topic other than
    /// `answered` adds that topic. The dialogue offers them first among the answer's choices.
    func alsoAsked(in text: String, answered: String, language: String, day: String?) -> [String] {
        let parts = Self.clauses(of: text, joiners: clauseJoiners)
        guard parts.count > 1 else { return [] }
        var found: [String] = []
        for tokens in parts.prefix(Self.maxClauses) {
            let content = tokens.filter { isContent($0, language: language) }
            guard !content.isEmpty else { continue }
            let ranked = rank(tokens, language: language, day: day)
            let decision = decide(ranked, language: language, tokens: tokens, contentTokens: content, contextTopic: nil)
            guard decision.outcome == .answer, decision.confidence >= configuration.alsoAskedThreshold,
                let topic = decision.topic, topic != answered, !found.contains(topic),
                let scored = ranked.first(where: { $0.id == topic }),
                scored.questionSimilarity >= configuration.alsoAskedSimilarity
            else { continue }
            found.append(topic)
            if found.count == Self.maxAlsoAsked { break }
        }
        return found
    }

    /// The message's tokens cut into sentences (at . ! ? ; and line breaks) and each sentence at
    /// the joining words.
    static func clauses(of text: String, joiners: Set<String>) -> [[String]] {
        text.split(whereSeparator: { ".!?;\n".contains($0) }).flatMap { sentence -> [[String]] in
            var parts: [[String]] = [[]]
            for token in TextNormalizer.tokens(String(sentence)) {
                if joiners.contains(token) { parts.append([]) } else { parts[parts.count - 1].append(token) }
            }
            return parts.filter { !$0.isEmpty }
        }
    }
}
