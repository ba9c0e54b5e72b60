extension Matcher {
    /// The small-talk result for a message, or nil when it asks about something.
    /// - Parameters:
    ///   - lexicons: the message language's lexicon first, then the others.
    ///   - ranked: the topics ranked for the whole message.
    func smalltalk(
        _ tokens: [String], folded: [String], lexicons: [CompiledLexicon], language: String, ranked: [ScoredTopic]
    ) -> MatchResult? {
        let candidates = Array(ranked.prefix(configuration.maxCandidates))
        let best = ranked.first?.score ?? 0
        // Small talk in the message's language, else in another (a forced reply language
        // must not turn "Thank you" into a question for staff).
        let (kinds, coveredPositions) = lexicons.lazy.map { $0.smalltalkKinds(in: folded) }.first { !$0.kinds.isEmpty }
            ?? ([], [])
        // "test", "Hallo, nur ein Test", "test 123": checking that the bot answers, a greeting.
        if let probe = lexicons.lazy.compactMap({ $0.probes.covered(in: folded) }).first,
            contentCount(tokens, outside: coveredPositions.union(probe), language: language) == 0
        {
            return MatchResult(language: language, outcome: .smalltalk, candidates: candidates, confidence: 1, smalltalk: kinds.first ?? .greeting)
        }
        let covered = coveredPositions.count
        let contentTokens = tokens.filter { isContent($0, language: language) }
        // "Hilfe", "Ich brauche Hilfe", "help": what the bot can do.
        let isHelpWord = { (token: String) in lexicons.contains { $0.lexicon.helpWords.contains(token) } }
        if kinds.isEmpty, !contentTokens.isEmpty, contentTokens.allSatisfy(isHelpWord) {
            return MatchResult(language: language, outcome: .smalltalk, candidates: candidates, confidence: 1, smalltalk: .capabilities)
        }
        // Content the small talk does not cover ("Abend" in "Guten Abend" is part of the greeting).
        let uncoveredContent = contentCount(tokens, outside: coveredPositions, language: language)
        // Small talk unless a topic is asked about too. A message mostly of small talk is small
        // talk when no topic fits it confidently; one that fits is small talk only when its small
        // talk covers all its content: "Danke, wann kommt der Sperrmüll?" and "Guten Tag,
        // Personalausweis" ask about a topic, "Danke für die Info zum Personalausweis" does not
        // (what thanks are for counts as part of them). A greeting before a question that fits no
        // topic is no small talk either: the question goes to staff instead of being lost behind
        // "Hallo!". Small talk with next to nothing else stays small talk, even when a stray word
        // fits a topic ("Hi there, how are you doing today?"). Small talk beside a question of
        // its own is no small talk either, wherever it stands ("… do they have to be translated?
        // Thanks a lot!"); a letter's salutation counts by its content words, not by its length.
        let confident = best >= configuration.answerThreshold
        let coveredContent = contentCount(tokens, outside: Set(tokens.indices).subtracting(coveredPositions), language: language)
        let questionBeside = uncoveredContent > max(3, coveredContent)
        if let kind = kinds.first,
            (best < configuration.marginThreshold && !questionBeside)
                || (!confident && contentTokens.count <= max(1, covered / 2))
                || uncoveredContent == 0
                || (kind == .greeting && uncoveredContent <= covered / 3)
        {
            return MatchResult(language: language, outcome: .smalltalk, candidates: candidates, confidence: 1, smalltalk: kind)
        }
        return nil
    }
}
