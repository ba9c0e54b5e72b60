extension TopicIndex {
    /// One topic's entries in the index: its terms with the weight of the strongest field they
    /// appear in, and its sample questions as sorted sets of terms (empty sets left out).
    struct TopicTerms {
        var weights: [(term: Int32, weight: Float)] = []
        var questions: [[Int32]] = []
        /// Terms the topic has only as the first part of compounds ("wahl" of "Wahlgrab").
        var modifierOnly: [Int32] = []
    }

    /// Every topic's terms, computed on all cores: topics go in chunks, each chunk with its own
    /// scratch arrays instead of a dictionary per topic.
    static func topicTerms(
        _ topics: [TopicWords.Fields?], tokenWords: [Int32], vocabulary: Vocabulary, tokenCount: Int
    ) -> [TopicTerms] {
        let chunkSize = max(16, topics.count / 64)
        let chunks = stride(from: 0, to: topics.count, by: chunkSize).map { $0..<min($0 + chunkSize, topics.count) }
        return concurrentMap(chunks) { range -> [TopicTerms] in
            var scratch = TermScratch(termCount: vocabulary.stems.count, tokenCount: tokenCount)
            return range.map { index in
                topics[index].map { scratch.terms(of: $0, tokenWords: tokenWords, vocabulary: vocabulary) } ?? TopicTerms()
            }
        }.flatMap { $0 }
    }
}

/// Scratch space for weighing one topic's terms after another.
private struct TermScratch {
    /// Weight by term number; 0 where the current topic does not have the term (yet).
    var weights: [Float]
    var touched: [Int32] = []
    /// By term number: whether the current topic has the term as a word or a compound's last part.
    var named: [Bool]
    /// By token number: the number of the text in which the token was last seen.
    var seenIn: [Int32]
    var text: Int32 = 0

    init(termCount: Int, tokenCount: Int) {
        weights = [Float](repeating: 0, count: termCount)
        named = [Bool](repeating: false, count: termCount)
        seenIn = [Int32](repeating: -1, count: tokenCount)
    }

    mutating func terms(of fields: TopicWords.Fields, tokenWords: [Int32], vocabulary: Vocabulary) -> TopicIndex.TopicTerms {
        typealias Weight = TopicIndex.FieldWeight
        for keyword in fields.keywords {
            // A word of a multi-word keyword says less on its own: "48 pages" is about passports, "pages" is not.
            let weight = keyword.count > 1 ? Weight.title : Weight.keyword
            addText(keyword, weight: weight, repeatBonus: 0, cap: weight, tokenWords: tokenWords, vocabulary: vocabulary)
        }
        addText(fields.title, weight: Weight.title, repeatBonus: 0, cap: Weight.title, tokenWords: tokenWords, vocabulary: vocabulary)
        for question in fields.questions {
            addText(question, weight: Weight.question, repeatBonus: Weight.questionRepeat, cap: 0.95, tokenWords: tokenWords, vocabulary: vocabulary)
        }
        for paragraph in fields.paragraphs {
            addText(paragraph, weight: Weight.body, repeatBonus: Weight.bodyRepeat, cap: 0.5, tokenWords: tokenWords, vocabulary: vocabulary)
        }
        var result = TopicIndex.TopicTerms()
        result.weights = touched.map { ($0, weights[Int($0)]) }
        result.modifierOnly = touched.filter { !named[Int($0)] }
        for term in touched {
            weights[Int(term)] = 0
            named[Int(term)] = false
        }
        touched.removeAll(keepingCapacity: true)

        // The title counts as a sample question too: a message that says it ("Reisepass beantragen") asks for that topic.
        result.questions = (fields.questions + [fields.title]).compactMap { question in
            var terms = question.compactMap { token -> Int32? in
                let word = tokenWords[Int(token)]
                return word < 0 ? nil : vocabulary.terms(ofWord: word).term
            }
            guard !terms.isEmpty else { return nil }
            terms.sort()
            return terms.enumerated().filter { $0.offset == 0 || terms[$0.offset - 1] != $0.element }.map(\.element)
        }
        return result
    }

    /// Adds a text's content words once each, in the order they first occur (the result depends
    /// on the order: a word seen before as a compound part gets the repeat bonus).
    private mutating func addText(
        _ tokens: [Int32], weight: Float, repeatBonus: Float, cap: Float, tokenWords: [Int32], vocabulary: Vocabulary
    ) {
        text += 1
        for token in tokens where seenIn[Int(token)] != text {
            seenIn[Int(token)] = text
            let word = tokenWords[Int(token)]
            guard word >= 0 else { continue }
            let (term, parts) = vocabulary.terms(ofWord: word)
            add(term, weight, repeatBonus: repeatBonus, cap: cap)
            named[Int(term)] = true
            for part in parts ?? [] { add(part, weight * TopicIndex.FieldWeight.compoundPart, repeatBonus: 0, cap: weight) }
            if let head = parts?.last { named[Int(head)] = true }
        }
    }

    /// Keeps the strongest weight of a term; a repeat in a field as strong adds a small bonus up to `cap`.
    private mutating func add(_ term: Int32, _ weight: Float, repeatBonus: Float, cap: Float) {
        let current = weights[Int(term)]
        if current > 0, current >= weight {
            weights[Int(term)] = min(max(current, weight + repeatBonus), max(current, cap))
        } else {
            if current == 0 { touched.append(term) }
            weights[Int(term)] = max(weight, current)
        }
    }
}
