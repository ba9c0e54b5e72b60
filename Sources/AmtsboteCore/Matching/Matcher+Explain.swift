extension Matcher {
    /// Why the matcher ranked topics as it did: each content word's weight in the message and
    /// how much it contributed to each of the best topics. For editors tuning a knowledge base.
    public func explain(_ text: String, language: String? = nil, topics count: Int = 3) -> String {
        var tokens = TextNormalizer.tokens(text)
        let detected = language ?? detector.detect(tokens)
        // Greetings, farewells and a letter's salutation are left out, as `match` leaves them out.
        let folded = tokens.map(TextNormalizer.fold)
        let lexicons = self.lexicons(for: detected)
        let courtesy = lexicons.lazy.map { $0.courtesyPositions(in: folded) }.first { !$0.isEmpty } ?? []
        tokens = tokens.indices.filter { !courtesy.contains($0) }.map { tokens[$0] }
        let ranked = rank(tokens, language: detected, day: nil)
        // In the message's order, as `rank` sees it: multi-word synonyms are found by adjacency.
        let content = tokens.filter { isContent($0, language: detected) && $0.count > 1 }.orderedUnique()
        var lines = ["language: \(detected)"]
        guard let index = indexes[detected] else { return lines.joined(separator: "\n") }
        let queryTokens = queryTokens(content, particles: particles(in: tokens), in: index)
        let top = ranked.prefix(count)
        for token in queryTokens {
            let words = token.alternatives.map { alternative -> String in
                let term = index.vocabulary.stems[Int(alternative.term)]
                return alternative.factor < 1 ? "\(term)×\(alternative.factor)" : term
            }
            let borrowedIndex = token.borrowed.flatMap { indexes[$0.language] }
            var borrowedWord: String? = nil
            if let borrowed = token.borrowed, let other = borrowedIndex {
                borrowedWord = "\(other.vocabulary.stems[Int(borrowed.term)])@\(borrowed.language)×\(configuration.crossLanguageFactor)"
            }
            let phraseWords = token.phrases.map { phrase in
                phrase.map { index.vocabulary.stems[Int($0)] }.joined(separator: "+") + "×\(configuration.synonymFactor)"
            }
            let label = words.isEmpty && phraseWords.isEmpty ? borrowedWord ?? "(unknown)" : (words + phraseWords).joined(separator: "|")
            var parts = ["  " + label + String(format: " weight %.2f:", token.weight)]
            for topic in top {
                guard let topicIndex = knowledgeBase.topics.firstIndex(where: { $0.id == topic.id }) else { continue }
                func weight(_ term: Int32) -> Double {
                    Double(index.postings[Int(term)].first { $0.topic == Int32(topicIndex) }?.weight ?? 0)
                }
                // A compound's last part counts only where one of the parts before it does.
                let supported = token.modifiers.isEmpty || token.modifiers.contains { weight($0) > 0 }
                var value = supported ? token.alternatives.map { weight($0.term) * Double($0.factor) }.max() ?? 0 : 0
                for phrase in token.phrases where phrase.dropFirst().allSatisfy({ index.topic(Int32(topicIndex), has: $0) }) {
                    value = max(value, weight(phrase[0]) * configuration.synonymFactor)
                }
                if let borrowed = token.borrowed, let borrowedIndex {
                    let posting = borrowedIndex.postings[Int(borrowed.term)].first { $0.topic == Int32(topicIndex) }
                    value = max(value, Double(posting?.weight ?? 0) * configuration.crossLanguageFactor)
                }
                parts.append(String(format: "%@ %.2f", topic.id, value))
            }
            lines.append(parts.joined(separator: " "))
        }
        lines.append("ranked: " + top.map { String(format: "%@ %.3f", $0.id, $0.score) }.joined(separator: ", "))
        lines.append("nearest sample question: " + top.map { String(format: "%@ %.2f", $0.id, $0.questionSimilarity) }.joined(separator: ", "))
        return lines.joined(separator: "\n")
    }
}
