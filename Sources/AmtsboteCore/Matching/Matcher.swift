import Foundation

/// Finds the answer to a citizen's message in a knowledge base.
///
/// Pure and `Sendable`: build it once per knowledge base (it precomputes an inverted index per
/// language), then call `match` from any thread. The confidence of a topic is the share of the
/// message's information (IDF-weighted content words) that the topic explains; words the base
/// does not know at all count against every topic, which is what sends out-of-scope questions
/// to staff instead of to the nearest wrong answer.
public struct Matcher: Sendable {
    public let knowledgeBase: KnowledgeBase
    public let configuration: MatcherConfiguration
    let indexes: [String: TopicIndex]
    let synonyms: [String: SynonymTable]
    /// The built-in lexicon of each configured language, with its phrases compiled for matching.
    let compiled: [String: CompiledLexicon]
    let functionWords: FunctionWords
    let detector: LanguageDetector
    let frequencies: [String: WordFrequencies]
    /// The words of every configured language that join two questions ("und", "and").
    let clauseJoiners: Set<String>

    public init(knowledgeBase: KnowledgeBase, configuration: MatcherConfiguration = .init()) {
        self.knowledgeBase = knowledgeBase
        self.configuration = configuration
        let languages = knowledgeBase.city.languages
        let lexicons = Dictionary(uniqueKeysWithValues: languages.map { ($0, Lexicon.builtIn($0)) })
        let functionWords = FunctionWords(lexicons: lexicons, names: [knowledgeBase.city.name])
        // One index per language, built in parallel; word frequencies load alongside.
        enum Part { case index(TopicIndex), frequencies(String, WordFrequencies) }
        let jobs = languages.map { (language: $0, index: true) } + languages.map { (language: $0, index: false) }
        let parts = concurrentMap(jobs) { job -> Part in
            job.index
                ? .index(TopicIndex(language: job.language, topics: knowledgeBase.topics, functionWords: functionWords))
                : .frequencies(job.language, WordFrequencies.shared(job.language))
        }
        var indexes: [String: TopicIndex] = [:]
        var frequencies: [String: WordFrequencies] = [:]
        for part in parts {
            switch part {
            case .index(let index): indexes[index.language] = index
            case .frequencies(let language, let table): frequencies[language] = table
            }
        }
        self.indexes = indexes
        self.frequencies = frequencies
        self.compiled = lexicons.mapValues(CompiledLexicon.init)
        self.clauseJoiners = Set(lexicons.values.flatMap(\.clauseJoiners))
        self.functionWords = functionWords
        self.synonyms = Dictionary(uniqueKeysWithValues: languages.map { language in
            (language, SynonymTable(groups: knowledgeBase.city.synonyms[language] ?? [], language: language))
        })
        self.detector = LanguageDetector(
            languages: languages, vocabulary: indexes.mapValues { $0.vocabulary.knownStemsSet })
    }

    /// Decides what to do with `text`.
    /// - Parameters:
    ///   - language: force the reply language (`de`, `en`); nil detects it.
    ///   - day: the calendar day (`yyyy-MM-dd`) for topics with `valid_from`/`valid_until`; nil ignores validity.
    ///   - contextTopic: the topic answered last in this conversation; a follow-up such as
    ///     "und was kostet das?" that fits no topic on its own is answered from it.
    public func match(_ text: String, language: String? = nil, day: String? = nil, contextTopic: String? = nil) -> MatchResult {
        let text = text.prefix(scalars: configuration.longestMessage)
        var tokens = TextNormalizer.tokens(text)
        var folded = tokens.map(TextNormalizer.fold)
        // "Do you speak English?" alone gets what the bot can do, in English; before a question
        // ("Do you speak English? I need a passport") it is left out of the matching.
        let languageRequest = requestedLanguage(tokens, folded: folded)
        if let request = languageRequest {
            // Besides the request, nothing or a stray word ("Sorry, do you speak English?"); a word
            // the base knows is a question ("Sprechen Sie Englisch? Meldebescheinigung").
            let rest = tokens.indices.filter { !request.covered.contains($0) }.map { tokens[$0] }
            if request.restCount == 0 || (request.restCount == 1 && !rest.contains(where: isKnownWord)) {
                return MatchResult(language: request.language, outcome: .smalltalk, confidence: 1, smalltalk: .capabilities)
            }
            tokens = rest
            folded = tokens.map(TextNormalizer.fold)
        }
        let detected = languageRequest?.language ?? language ?? detector.detect(tokens)
        let allLexicons = lexicons(for: detected)

        if let covered = allLexicons.lazy.compactMap({ $0.emergency.covered(in: folded) }).first {
            return emergency(tokens, outside: covered, language: detected, day: day)
        }

        var ranked = rank(tokens, language: detected, day: day)
        let candidates = Array(ranked.prefix(configuration.maxCandidates))

        if allLexicons.contains(where: { $0.dataRequest.containsAny(in: folded) }) {
            // No topic suggestions: staff act on the request itself.
            return MatchResult(language: detected, outcome: .escalate, confidence: 1, escalationReason: .dataRequest)
        }
        if allLexicons.contains(where: { $0.requestsPerson(in: folded) })
            || allLexicons.contains(where: { saysOnly($0.frustration, tokens: tokens, folded: folded, language: detected) })
        {
            return MatchResult(
                language: detected, outcome: .escalate, candidates: candidates, confidence: 1, escalationReason: .humanRequested)
        }

        if let smalltalk = smalltalk(tokens, folded: folded, lexicons: allLexicons, language: detected, ranked: ranked) {
            return smalltalk
        }

        // A greeting or farewell around the question says nothing about its topic: "Good
        // morning, I left my umbrella on the tram …" weighed "good" and "morning" like "tram".
        let courtesy = allLexicons.lazy.map { $0.courtesyPositions(in: folded) }.first { !$0.isEmpty } ?? []
        if !courtesy.isEmpty {
            tokens = tokens.indices.filter { !courtesy.contains($0) }.map { tokens[$0] }
            ranked = rank(tokens, language: detected, day: day)
        }
        let contentTokens = tokens.filter { isContent($0, language: detected) }
        var result = decide(ranked, language: detected, tokens: tokens, contentTokens: contentTokens, contextTopic: contextTopic)
        if result.outcome == .answer, let topic = result.topic {
            result.alsoAsked = alsoAsked(in: text, answered: topic, language: detected, day: day)
        }
        return result
    }

    func decide(
        _ ranked: [ScoredTopic], language: String, tokens: [String], contentTokens: [String], contextTopic: String?
    ) -> MatchResult {
        let c = configuration
        let candidates = Array(ranked.prefix(c.maxCandidates))
        let best = ranked.first?.score ?? 0
        let runnerUp = ranked.count > 1 ? ranked[1].score : 0
        // A follow-up that no topic clearly claims is about the topic answered last: "und wo ist
        // das?" fits no topic, "und was kostet das?" every topic with a fee about equally (unless
        // it names one: "und was kostet ein Reisepass?").
        let clearlyAhead = best >= c.marginThreshold && runnerUp < best * c.marginRatio
        let onlyAspect = asksOnlyAspect(tokens, contentTokens: contentTokens)
        if let contextTopic, knowledgeBase.position(of: contextTopic) != nil,
            onlyAspect
                || (!clearlyAhead
                    && continues(
                        contextTopic, tokens: tokens, contentTokens: contentTokens, language: language, best: best,
                        contextScore: ranked.first { $0.id == contextTopic }?.score ?? 0))
        {
            return MatchResult(
                language: language, outcome: .answer, topic: contextTopic, candidates: candidates, confidence: c.answerThreshold)
        }
        // A long story around the question: clearly ahead at a lower confidence.
        let longAndAhead = contentTokens.orderedUnique().count >= c.longMessageWords
            && best >= c.longMessageThreshold && runnerUp < best * c.marginRatio
        // Confident enough on its own, or clearly ahead of every other topic.
        if best >= c.answerThreshold || clearlyAhead || longAndAhead {
            // "Kosten?" or "Unterlagen?" with no topic answered before: unless one topic is clearly
            // about that ("Öffnungszeiten", "Termin"), the citizen is asked what it is about, not
            // offered the topics that happen to mention fees or documents.
            if onlyAspect, !clearlyAhead, ranked[0].questionSimilarity < Self.exactSimilarity {
                return MatchResult(
                    language: language, outcome: .escalate, candidates: candidates, confidence: best, escalationReason: .noQuestion)
            }
            var close = ranked.prefix(3).filter { $0.score >= c.marginThreshold && $0.score >= best * c.clarifyRatio }
            var similarity = c.sampleQuestionSimilarity
            if close.count < 2, contentTokens.orderedUnique().count == 1 {
                close = equallyExplained(ranked)
                similarity = Self.exactSimilarity
            }
            let saysSampleQuestion = Self.sampleQuestionTopic(among: close, minimumSimilarity: similarity)
            if close.count >= 2, saysSampleQuestion == nil {
                return MatchResult(language: language, outcome: .clarify, candidates: Array(close), confidence: best)
            }
            let answer = saysSampleQuestion ?? ranked[0]
            return MatchResult(language: language, outcome: .answer, topic: answer.id, candidates: candidates, confidence: answer.score)
        }
        return MatchResult(
            language: language, outcome: .escalate, candidates: candidates, confidence: best,
            escalationReason: contentTokens.isEmpty || onlyAspect ? .noQuestion : .noMatch)
    }

    /// The topics that explain a message of one content word ("Steuer") about equally well, best
    /// first (at most three). Their scores may still differ by the nearest sample question, but
    /// a single word is nearest to the shortest question, which says nothing about what the
    /// citizen means: unless the word is a topic's sample question or title, they choose.
    func equallyExplained(_ ranked: [ScoredTopic]) -> [ScoredTopic] {
        let c = configuration
        let top = ranked.prefix(c.maxCandidates)
        guard let strongest = top.map(\.wordScore).max() else { return [] }
        return Array(top.filter { $0.wordScore >= strongest * c.clarifyRatio && $0.score >= c.marginThreshold }.prefix(3))
    }

    /// Among topics about equally good, the one whose sample question the message (almost) says,
    /// clearly nearer to it than to the others' questions; nil when there is none, and a choice is due.
    /// A message that says a sample question or title word for word (similarity of at least
    /// `exactSimilarity`) needs no wider lead than that over the others.
    static func sampleQuestionTopic(among close: [ScoredTopic], minimumSimilarity: Double) -> ScoredTopic? {
        close.first { topic in
            let exact = topic.questionSimilarity >= exactSimilarity
            return topic.questionSimilarity >= minimumSimilarity
                && close.allSatisfy {
                    $0.id == topic.id || $0.questionSimilarity < topic.questionSimilarity - 0.1
                        || (exact && $0.questionSimilarity < exactSimilarity)
                }
        }
    }

    /// The similarity at which a message says a sample question (or title) as it stands.
    static let exactSimilarity = 0.98

    /// The city language a message asks to be answered in ("Do you speak English?", "auf Deutsch
    /// bitte"), the positions of the words asking, and how many content words it says besides.
    private func requestedLanguage(_ tokens: [String], folded: [String]) -> (language: String, covered: Set<Int>, restCount: Int)? {
        for language in knowledgeBase.city.languages {
            guard let covered = compiled[language]?.languageRequest.covered(in: folded) else { continue }
            return (language, covered, contentCount(tokens, outside: covered))
        }
        return nil
    }

    /// Whether some topic text in any language has the word (its stem).
    func isKnownWord(_ token: String) -> Bool {
        token.count > 1 && isContent(token, language: nil)
            && indexes.values.contains { $0.termIDs[$0.vocabulary.stem(of: token)] != nil }
    }

    /// Whether `phrases` occur in the message and at most one content word besides them.
    private func saysOnly(_ phrases: PhraseSet, tokens: [String], folded: [String], language: String) -> Bool {
        guard let covered = phrases.covered(in: folded) else { return false }
        return contentCount(tokens, outside: covered, language: language) <= 1
    }

    /// `languages` with `first` ahead and the others in alphabetical order: wherever several
    /// languages' texts or word lists are read, the message's own language comes first.
    static func ordered(_ languages: some Sequence<String>, first: String) -> [String] {
        languages.sorted { ($0 == first ? 0 : 1, $0) < ($1 == first ? 0 : 1, $1) }
    }

    /// The lexicons a message in `language` is read with: its own first (the built-in one when
    /// the base brings none), then the other languages' (a thank-you in English stays one in a
    /// German conversation).
    func lexicons(for language: String) -> [CompiledLexicon] {
        let own = compiled[language] ?? CompiledLexicon(Lexicon.builtIn(language))
        return [own] + compiled.keys.sorted().filter { $0 != language }.map { compiled[$0]! }
    }

    /// How many content words the message has outside the token positions `covered`.
    func contentCount(_ tokens: [String], outside covered: Set<Int>, language: String? = nil) -> Int {
        tokens.indices.filter { !covered.contains($0) && isContent(tokens[$0], language: language) }.count
    }

    /// Whether a token carries content in a message in `language` (nil: not known yet): not a
    /// function word of any configured language (unless that language's texts use it as a
    /// word: "Kind" in German), not a number.
    func isContent(_ token: String, language: String? = nil) -> Bool {
        let words = language.flatMap { indexes[$0]?.functionWords } ?? functionWords
        return !words.contains(token) && !TextNormalizer.isNumber(token)
    }
}
