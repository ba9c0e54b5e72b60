/// An inverted index over one language's topic texts: stem → topics with a field weight.
///
/// Each topic's terms get the weight of the strongest field they appear in (keywords > title >
/// sample questions > answer text), so the score of a query grows with how much of it the
/// topic explains, not with how long the topic is.
struct TopicIndex: Sendable {
    struct Posting: Sendable {
        var topic: Int32
        var weight: Float
    }

    let language: String
    let topicCount: Int
    private(set) var termIDs: [String: Int32] = [:]
    private(set) var postings: [[Posting]] = []
    private(set) var idf: [Double] = []
    let vocabulary: Vocabulary
    /// Sample questions as term sets, for nearest-question similarity.
    private(set) var questionTopics: [Int32] = []
    private(set) var questionTerms: [[Int32]] = []
    /// Term → sample questions containing it.
    private(set) var questionPostings: [[Int32]] = []

    /// Field weights: how strongly a term found in that field points to the topic.
    enum FieldWeight {
        static let keyword: Float = 1.0
        static let title: Float = 0.9
        static let question: Float = 0.75
        static let questionRepeat: Float = 0.05
        static let body: Float = 0.35
        static let bodyRepeat: Float = 0.03
        static let compoundPart: Float = 1.0
    }

    /// Builds the index for `language` from every topic that has a translation in it.
    init(language: String, topics: [Topic], stopwords: Set<String>) {
        self.language = language
        self.topicCount = topics.count
        let translations = topics.map { $0.translations[language] }
        self.vocabulary = Vocabulary(
            language: language, texts: translations.compactMap { $0 }.flatMap { t in [t.title, t.body] + t.questions + t.keywords },
            stopwords: stopwords)

        // Each topic's terms are weighed on all cores; the vocabulary is only read here.
        let vocabulary = self.vocabulary
        let perTopic: [[String: Float]] = concurrentMap(Array(translations.indices)) { index in
            guard let t = translations[index] else { return [:] }
            return Self.termWeights(of: t, vocabulary: vocabulary, stopwords: stopwords)
        }
        // Topics are visited in order, so every posting list comes out sorted by topic.
        for (topic, weights) in perTopic.enumerated() {
            for (stem, weight) in weights {
                let id: Int32
                if let known = termIDs[stem] {
                    id = known
                } else {
                    id = Int32(postings.count)
                    termIDs[stem] = id
                    postings.append([])
                }
                postings[Int(id)].append(Posting(topic: Int32(topic), weight: weight))
            }
        }
        let n = Double(max(topics.count, 1))
        idf = postings.map { Self.idf(documentFrequency: Double($0.count), topics: n) }

        questionPostings = Array(repeating: [], count: postings.count)
        // Sample questions as term-id sets, computed on all cores, then numbered in order.
        let termIDs = self.termIDs
        let questionSets: [[[Int32]]] = concurrentMap(Array(translations.indices)) { index in
            (translations[index]?.questions ?? []).map { question in
                var terms = Set<Int32>()
                for token in TextNormalizer.tokens(question) where !stopwords.contains(token) && !TextNormalizer.isNumber(token) {
                    if let id = termIDs[vocabulary.stem(of: token)] { terms.insert(id) }
                }
                return terms.sorted()
            }
        }
        for (index, sets) in questionSets.enumerated() {
            for terms in sets {
                guard !terms.isEmpty else { continue }
                let questionID = Int32(questionTerms.count)
                questionTopics.append(Int32(index))
                questionTerms.append(terms)
                for term in terms { questionPostings[Int(term)].append(questionID) }
            }
        }
        questionNorms = questionTerms.map { terms in terms.reduce(0) { $0 + idf[Int($1)] * idf[Int($1)] }.squareRoot() }
    }

    /// Euclidean norm of each question's IDF vector.
    private(set) var questionNorms: [Double] = []

    /// A topic translation's terms with the weight of the strongest field they appear in.
    static func termWeights(of t: TopicTranslation, vocabulary: Vocabulary, stopwords: Set<String>) -> [String: Float] {
        var weights: [String: Float] = [:]
        func add(_ stem: String, _ weight: Float, repeatBonus: Float, cap: Float) {
            let current = weights[stem]
            if let current, current >= weight {
                weights[stem] = min(max(current, weight + repeatBonus), max(current, cap))
            } else {
                weights[stem] = max(weight, current ?? 0)
            }
        }
        func addText(_ text: String, weight: Float, repeatBonus: Float, cap: Float) {
            // First occurrences in text order: the weights depend on the order of `add` calls
            // (a word seen before as a compound part gets the repeat bonus), so it must not vary.
            for token in TextNormalizer.tokens(text).orderedUnique() where !stopwords.contains(token) && !TextNormalizer.isNumber(token) {
                add(vocabulary.stem(of: token), weight, repeatBonus: repeatBonus, cap: cap)
                if token.count >= 8, let parts = vocabulary.compoundParts(of: token) {
                    for part in parts { add(part, weight * FieldWeight.compoundPart, repeatBonus: 0, cap: weight) }
                }
            }
        }
        for keyword in t.keywords { addText(keyword, weight: FieldWeight.keyword, repeatBonus: 0, cap: FieldWeight.keyword) }
        addText(t.title, weight: FieldWeight.title, repeatBonus: 0, cap: FieldWeight.title)
        for question in t.questions {
            addText(question, weight: FieldWeight.question, repeatBonus: FieldWeight.questionRepeat, cap: 0.95)
        }
        for paragraph in t.body.split(separator: "\n") {
            addText(String(paragraph), weight: FieldWeight.body, repeatBonus: FieldWeight.bodyRepeat, cap: 0.5)
        }
        return weights
    }

    /// Inverse document frequency over topics (never negative).
    static func idf(documentFrequency df: Double, topics n: Double) -> Double {
        log(1 + n / max(df, 0.5))
    }

    /// The weight of a term the base does not know at all: as informative as the rarest known term.
    var unknownTermWeight: Double { Self.idf(documentFrequency: 0.5, topics: Double(max(topicCount, 1))) }
}

import Foundation
