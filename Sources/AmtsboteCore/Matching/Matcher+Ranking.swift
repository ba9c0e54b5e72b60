extension Matcher {
    /// One content word of the message, with the index terms it may stand for.
    struct QueryToken {
        var weight: Double
        var alternatives: [(term: Int32, factor: Float)]
        /// For the last part of a split compound, the terms of the parts before it: the head
        /// counts only for topics that know one of them too. A topic that explains "Behörde" but
        /// not "Ausländer" does not explain "Ausländerbehörde".
        var modifiers: [Int32] = []
        /// A word the message's language does not have but another language's texts do, used
        /// as is ("Ausweis" or "Standesamt" in an English message): that index's term.
        var borrowed: (language: String, term: Int32)? = nil
        /// Multi-word synonyms of the word, as the index's terms: a topic that has every word of
        /// one counts it ("Personalausweis" for a topic that says "ID card").
        var phrases: [[Int32]] = []
    }

    /// Terms found in more places than this are everyday words in a large base: they carry almost
    /// no information (tiny IDF) but would make every question cost time proportional to the base.
    /// They still count in the message's total, so they dilute confidence as before.
    static let maxPostings = 1000

    /// Topics ranked by confidence (share of the message's information they explain), best first.
    func rank(_ tokens: [String], language: String, day: String?) -> [ScoredTopic] {
        let content = tokens.filter { isContent($0, language: language) && $0.count > 1 }.orderedUnique()
        guard !content.isEmpty else { return [] }
        var best = [Double](repeating: 0, count: knowledgeBase.topics.count)
        var anchors = [Double](repeating: 0, count: knowledgeBase.topics.count)
        var nearest = [Double](repeating: 0, count: knowledgeBase.topics.count)
        // Only for a message of one word (see `score`); nil otherwise.
        var coverage: [Double]? = nil
        let particles = particles(in: tokens)
        // The message's own language first; the other languages' texts only when that is not
        // conclusive (a question in English about a topic that exists only in German).
        let order = Self.ordered(indexes.keys, first: language)
        for indexLanguage in order {
            let index = indexes[indexLanguage]!
            let factor = indexLanguage == language ? 1.0 : configuration.crossLanguageFactor
            if indexLanguage != language, (best.max() ?? 0) >= configuration.answerThreshold { break }
            let (scores, anchor, question, covered) = score(content, particles: particles, in: index)
            if let covered {
                var merged = coverage ?? [Double](repeating: 0, count: best.count)
                for i in merged.indices { merged[i] = max(merged[i], covered[i] * factor) }
                coverage = merged
            }
            for i in best.indices {
                best[i] = max(best[i], scores[i] * factor)
                anchors[i] = max(anchors[i], anchor[i] * factor)
                nearest[i] = max(nearest[i], question[i] * factor)
            }
        }
        // Blend in the strongest single piece of evidence, so one unmistakable word ("Sperrmüll")
        // is not drowned by chatty context the base does not know.
        let mix = configuration.coverageWeight
        for i in best.indices { best[i] = mix * best[i] + (1 - mix) * anchors[i] }
        var ranked: [ScoredTopic] = []
        for (i, score) in best.enumerated() where score > 0 {
            let topic = knowledgeBase.topics[i]
            if let day, !topic.isValid(onDay: day) { continue }
            let wordScore = coverage.map { min(1, mix * $0[i] + (1 - mix) * anchors[i]) }
            ranked.append(ScoredTopic(id: topic.id, score: min(1, score), questionSimilarity: nearest[i], wordScore: wordScore))
        }
        ranked.sort { $0.score != $1.score ? $0.score > $1.score : $0.id < $1.id }
        return ranked
    }

    /// Per topic, for the content tokens in one language's index: the score (coverage blended
    /// with the nearest sample question), the strongest single word's evidence, the similarity
    /// of the nearest sample question, and for a message of one word the coverage alone (nil
    /// for longer ones: only `Matcher.equallyExplained` needs it).
    func score(
        _ content: [String], particles: [StrandedParticle] = [], in index: TopicIndex
    ) -> ([Double], [Double], [Double], [Double]?) {
        let queryTokens = self.queryTokens(content, particles: particles, in: index)
        var scores = [Double](repeating: 0, count: index.topicCount)
        var anchors = [Double](repeating: 0, count: index.topicCount)
        let total = queryTokens.reduce(0) { $0 + $1.weight }
        let maxWeight = index.unknownTermWeight
        guard total > 0 else { return (scores, anchors, anchors, nil) }
        var perTopic = [Float](repeating: 0, count: index.topicCount)
        var touched: [Int32] = []
        // A message of one word: what it says for topics that have it only inside compounds
        // counts less in the coverage reported on its own ("Wahl" is not about "Wahlgrab").
        var wordCoverage: [Double]? = queryTokens.count == 1 ? scores : nil
        // A compound's last part counts only for topics that know a part before it.
        func counts(_ token: QueryToken, for topic: Int32) -> Bool {
            token.modifiers.isEmpty || token.modifiers.contains { index.topic(topic, has: $0) }
        }
        func collect(_ postings: ArraySlice<TopicIndex.Posting>, factor: Float) {
            guard postings.count <= Self.maxPostings else { return }
            for posting in postings {
                let value = posting.weight * factor
                let t = Int(posting.topic)
                if perTopic[t] == 0 { touched.append(posting.topic) }
                if value > perTopic[t] { perTopic[t] = value }
            }
        }
        for token in queryTokens where !token.alternatives.isEmpty || token.borrowed != nil || !token.phrases.isEmpty {
            for (term, factor) in token.alternatives { collect(index.postings[Int(term)], factor: factor) }
            // Checked on the whole list: the guard in `collect` sees only what the filter leaves.
            for phrase in token.phrases where index.postings[Int(phrase[0])].count <= Self.maxPostings {
                let rest = phrase.dropFirst()
                collect(
                    index.postings[Int(phrase[0])].filter { posting in rest.allSatisfy { index.topic(posting.topic, has: $0) } },
                    factor: Float(configuration.synonymFactor))
            }
            if let borrowed = token.borrowed, let other = indexes[borrowed.language] {
                collect(other.postings[Int(borrowed.term)], factor: Float(configuration.crossLanguageFactor))
            }
            for t in touched {
                if !counts(token, for: t) {
                    perTopic[Int(t)] = 0
                    continue
                }
                scores[Int(t)] += token.weight * Double(perTopic[Int(t)])
                if wordCoverage != nil {
                    let modifier = !token.alternatives.isEmpty && token.alternatives.allSatisfy { index.modifierOnly.contains(Int64(t) << 32 | Int64($0.term)) }
                    wordCoverage![Int(t)] = Double(perTopic[Int(t)]) * (modifier ? Double(TopicIndex.FieldWeight.compoundModifier) : 1)
                }
                anchors[Int(t)] = max(anchors[Int(t)], token.weight / maxWeight * Double(perTopic[Int(t)]))
                perTopic[Int(t)] = 0
            }
            touched.removeAll(keepingCapacity: true)
        }
        // Nearest sample question (cosine over IDF weights): rewards a message that says what
        // one sample question says, not just words scattered over the topic.
        // A cosine, so at most 1: a term the message repeats ("book … booking") counts once, and
        // each word of a question is matched by one message word only ("bulky" and "waste" both
        // stand for "rubbish", which must not count twice in "When is my rubbish collected?").
        var dots: [Int32: Double] = [:]
        var matchedTerms = Set<Int64>()
        var repeated = Set<Int32>()
        var queryNorm = 0.0
        for token in queryTokens {
            if let term = token.alternatives.first?.term, !repeated.insert(term).inserted { continue }
            queryNorm += token.weight * token.weight
            var seen = Set<Int32>()
            for (term, factor) in token.alternatives where index.questionPostings[Int(term)].count <= Self.maxPostings {
                for question in index.questionPostings[Int(term)] where !seen.contains(question) {
                    if !counts(token, for: index.questionTopics[Int(question)]) { continue }
                    guard matchedTerms.insert(Int64(question) << 32 | Int64(term)).inserted else { continue }
                    seen.insert(question)
                    dots[question, default: 0] += token.weight * index.idf[Int(term)] * Double(factor)
                }
            }
            // A multi-word synonym counts for a question that has all its words ("Personalausweis"
            // for "I lost my ID card"), as much as those words together weigh in the question.
            for phrase in token.phrases where index.questionPostings[Int(phrase[0])].count <= Self.maxPostings {
                let rest = phrase.dropFirst()
                let magnitude = phrase.reduce(0) { $0 + index.idf[Int($1)] * index.idf[Int($1)] }.squareRoot()
                for question in index.questionPostings[Int(phrase[0])] where !seen.contains(question) {
                    guard counts(token, for: index.questionTopics[Int(question)]),
                        rest.allSatisfy({ index.question(question, has: $0) }),
                        phrase.allSatisfy({ !matchedTerms.contains(Int64(question) << 32 | Int64($0)) })
                    else { continue }
                    for term in phrase { matchedTerms.insert(Int64(question) << 32 | Int64(term)) }
                    seen.insert(question)
                    dots[question, default: 0] += token.weight * magnitude * configuration.synonymFactor
                }
            }
        }
        queryNorm = queryNorm.squareRoot()
        var nearest = [Double](repeating: 0, count: index.topicCount)
        for (question, dot) in dots {
            let similarity = dot / (queryNorm * index.questionNorms[Int(question)])
            let topic = Int(index.questionTopics[Int(question)])
            nearest[topic] = max(nearest[topic], similarity)
        }
        let mix = configuration.topicWeight
        return (scores.enumerated().map { mix * $0.element / total + (1 - mix) * nearest[$0.offset] }, anchors, nearest, wordCoverage)
    }

    /// Maps content tokens to index terms: the stem itself, else a spelling correction, else
    /// compound parts; synonyms from city.yaml as further alternatives.
    func queryTokens(_ content: [String], particles: [StrandedParticle] = [], in index: TopicIndex) -> [QueryToken] {
        let vocabulary = index.vocabulary
        let synonymTable = synonyms[index.language]
        let lexicon = compiled[index.language]
        var result: [QueryToken] = []
        // A verb with its particle elsewhere in the sentence is that particle verb ("melde … ab").
        let separated = vocabulary.separatedVerbStems(particles)
        let stems = content.map { token in separated[token]?.first ?? vocabulary.stem(of: token) }
        let frequency = frequencies[index.language]
        let c = configuration
        func rarity(_ token: String, common: Double, minimum: Double) -> Double {
            guard let zipf = frequency?.zipf(token) else { return 1 }
            let t = (Double(zipf) - c.rareZipf) / max(common - c.rareZipf, 0.1)
            return max(minimum, min(1, 1 - t * (1 - minimum)))
        }
        // A person or a place says for whom or where, not what about: it is no misspelling of
        // another word and no compound ("Großmutter" is no "groß" + "Mutter").
        func isContext(_ token: String) -> Bool { lexicon?.namesPersonOrPlace(token) == true }
        // Multi-word synonyms ("identity card" for "id card") found in the message.
        let phraseAlternatives = synonymTable?.phraseAlternatives(in: stems) ?? [:]
        for (position, token) in content.enumerated() {
            let stem = stems[position]
            let synonyms = (synonymTable?.alternatives(for: stem) ?? []) + (phraseAlternatives[position] ?? [])
            var alternatives: [(Int32, Float)] = []
            var weight: Double
            if let term = index.termIDs[stem] {
                alternatives.append((term, 1))
                weight = index.idf[Int(term)]
                // A participle the base also has as a word of its own ("abgemeldet") still means
                // its particle verb ("abmelden"), which tells abmelden from anmelden and ummelden.
                if let verb = vocabulary.separableStem(of: token), verb != stem, let verbTerm = index.termIDs[verb] {
                    alternatives.append((verbTerm, 1))
                }
                // A plural one text happens to use ("Kitas") means its singular, which the others use.
                if let singular = vocabulary.sPluralStem(of: token), singular != stem, let singularTerm = index.termIDs[singular] {
                    alternatives.append((singularTerm, 1))
                    weight = min(weight, index.idf[Int(singularTerm)])
                }
                // A particle verb's infinitive beside the form itself ("abholt" → abholen).
                for verb in separated[token]?.dropFirst() ?? [] {
                    if let verbTerm = index.termIDs[verb] { alternatives.append((verbTerm, 1)) }
                }
            } else if let singular = vocabulary.sPluralStem(of: token), let term = index.termIDs[singular] {
                alternatives.append((term, 1))
                weight = index.idf[Int(term)]
            } else if let separable = vocabulary.separableStem(of: token), let term = index.termIDs[separable] {
                alternatives.append((term, 1))
                weight = index.idf[Int(term)]
            } else if let verb = vocabulary.infinitiveStem(of: token), let term = index.termIDs[verb] {
                alternatives.append((term, 1))
                weight = index.idf[Int(term)]
            } else if let participle = vocabulary.participleWithoutParticle(of: token), let term = index.termIDs[participle] {
                alternatives.append((term, Float(configuration.typoFactor)))
                weight = index.idf[Int(term)]
            } else if let relative = vocabulary.prefixRelative(of: stem), let term = index.termIDs[relative] {
                alternatives.append((term, Float(configuration.typoFactor)))
                weight = index.idf[Int(term)]
            } else if !isContext(token), let corrected = vocabulary.correction(of: token), let term = index.termIDs[corrected] {
                alternatives.append((term, Float(configuration.typoFactor)))
                weight = index.idf[Int(term)]
            } else if token.count >= 7, !isContext(token),
                // A word the city lists with synonyms means what they mean: "backyard" is a
                // garden, not "back" + "yard".
                !synonyms.contains(where: { index.termIDs[$0] != nil }),
                let parts = vocabulary.compoundParts(of: token)
            {
                // Each part is a word of its own: "Kitagebühren" asks about kita and gebühren.
                let terms = parts.compactMap { index.termIDs[$0] }
                for (position, term) in terms.enumerated() {
                    let modifiers = position == terms.count - 1 ? Array(terms.dropLast()) : []
                    result.append(QueryToken(weight: index.idf[Int(term)] * 0.8, alternatives: [(term, 1)], modifiers: modifiers))
                }
                continue
            } else {
                weight = index.unknownTermWeight * rarity(token, common: c.commonZipf, minimum: c.minimumUnknownWeight)
            }
            for synonym in synonyms {
                if let term = index.termIDs[synonym] {
                    alternatives.append((term, Float(configuration.synonymFactor)))
                    if alternatives.count == 1 { weight = index.idf[Int(term)] }
                }
            }
            let phrases = (synonymTable?.phrases(for: stem) ?? []).compactMap { phrase -> [Int32]? in
                let terms = phrase.compactMap { index.termIDs[$0] }
                return terms.count == phrase.count ? terms : nil
            }
            if alternatives.isEmpty, !phrases.isEmpty {
                // Its most specific word ("id" in "id card") says how much the synonym tells.
                weight = phrases.joined().map { index.idf[Int($0)] }.max() ?? weight
            }
            var borrowed: (language: String, term: Int32)? = nil
            if !alternatives.isEmpty || !phrases.isEmpty {
                weight *= rarity(token, common: c.knownCommonZipf, minimum: c.minimumKnownWeight)
            } else if !isContext(token), let found = borrowedTerm(token, besides: index.language) {
                borrowed = found
                weight = indexes[found.language]!.idf[Int(found.term)]
            }
            if lexicon?.lexicon.aspects.contains(token) == true { weight = min(weight, c.aspectWeightCap) }
            if lexicon?.people.contains(token) == true { weight = min(weight, c.peopleWeightCap) }
            if lexicon?.places.contains(token) == true { weight = min(weight, c.placeWeightCap) }
            result.append(QueryToken(weight: weight, alternatives: alternatives, borrowed: borrowed, phrases: phrases))
        }
        return result
    }

    /// The term of another language's index for a word the message's language does not know:
    /// only a word rare or unknown in the message's language (an English "bad" is no German
    /// "Bad") and known there as it stands, not by correction or compound splitting.
    func borrowedTerm(_ token: String, besides language: String) -> (language: String, term: Int32)? {
        guard token.count >= 4, (frequencies[language]?.zipf(token) ?? 0) < Float(configuration.rareZipf) else { return nil }
        for other in indexes.keys.sorted() where other != language {
            let index = indexes[other]!
            if let term = index.termIDs[index.vocabulary.stem(of: token)] { return (other, term) }
        }
        return nil
    }

    /// Separable-verb particles standing alone in the message ("ab" in "Wie melde ich das ab?"),
    /// each with up to ten words before it.
    func particles(in tokens: [String]) -> [StrandedParticle] {
        tokens.indices.filter { Vocabulary.separableParticles.contains(tokens[$0]) }.map { position in
            StrandedParticle(particle: tokens[position], before: tokens[max(0, position - 10)..<position].reversed())
        }
    }
}
