import Foundation

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
    let vocabulary: Vocabulary
    /// The function words of messages in this language (another language's stop word that
    /// these texts use as a word, such as "Kind" or "bin", is content here).
    let functionWords: FunctionWords
    /// Topics containing each term (by term number), in topic order.
    let postings: PostingLists<Posting>
    let idf: [Double]
    /// Sample questions as term sets, for nearest-question similarity: each question's topic
    /// and the Euclidean norm of its IDF vector.
    let questionTopics: [Int32]
    let questionNorms: [Double]
    /// Term → sample questions containing it.
    let questionPostings: PostingLists<Int32>
    /// Topic and term pairs (`topic << 32 | term`) where the topic has the term only as the
    /// first part of compounds: "Wahlgrab" puts "wahl" into the cemetery topic.
    let modifierOnly: Set<Int64>

    /// Field weights: how strongly a term found in that field points to the topic.
    enum FieldWeight {
        static let keyword: Float = 1.0
        static let title: Float = 0.9
        static let question: Float = 0.75
        static let questionRepeat: Float = 0.05
        static let body: Float = 0.35
        static let bodyRepeat: Float = 0.03
        static let compoundPart: Float = 1.0
        /// What a word counts for a topic that has it only before other parts of compounds,
        /// where that distinction is made (messages of one word).
        static let compoundModifier: Float = 0.9
    }

    /// Builds the index for `language` from every topic that has a translation in it.
    init(language: String, topics: [Topic], functionWords: FunctionWords) {
        self.language = language
        self.topicCount = topics.count
        let words = TopicWords(translations: topics.map { $0.translations[language] })
        let functionWords = functionWords.excepting(wordsOf: words.tokens, language: language)
        self.functionWords = functionWords
        let (vocabulary, tokenWords) = Vocabulary.build(language: language, words: words, functionWords: functionWords)
        self.vocabulary = vocabulary
        let termCount = vocabulary.stems.count
        let perTopic = Self.topicTerms(words.topics, tokenWords: tokenWords, vocabulary: vocabulary, tokenCount: words.tokens.count)

        // Topics are visited in order, so every posting list comes out sorted by topic.
        postings = PostingLists(termCount: termCount, filler: Posting(topic: 0, weight: 0)) { add in
            for (topic, terms) in perTopic.enumerated() {
                for (term, weight) in terms.weights { add(Int(term), Posting(topic: Int32(topic), weight: weight)) }
            }
        }
        modifierOnly = Set(perTopic.enumerated().flatMap { topic, terms in terms.modifierOnly.map { Int64(topic) << 32 | Int64($0) } })
        let n = Double(max(topics.count, 1))
        let postings = self.postings
        let idf = (0..<termCount).map { Self.idf(documentFrequency: Double(postings.listCount($0)), topics: n) }
        self.idf = idf

        // Sample questions are numbered in topic order; questions without a known term are left out.
        questionTopics = perTopic.enumerated().flatMap { topic, terms in terms.questions.map { _ in Int32(topic) } }
        questionNorms = perTopic.flatMap { terms in
            terms.questions.map { question in question.reduce(0) { $0 + idf[Int($1)] * idf[Int($1)] }.squareRoot() }
        }
        questionPostings = PostingLists(termCount: termCount, filler: 0) { add in
            var number: Int32 = 0
            for terms in perTopic {
                for question in terms.questions {
                    for term in question { add(Int(term), number) }
                    number += 1
                }
            }
        }
    }

    /// The postings of `term` in the fields that ask about it (keywords, titles, sample
    /// questions), not in answer texts: the topics that the word names.
    func askingPostings(of term: Int32) -> LazyFilterSequence<ArraySlice<Posting>> {
        postings[Int(term)].lazy.filter { $0.weight >= FieldWeight.question }
    }

    /// Whether `topic` has `term` (posting lists are sorted by topic).
    func topic(_ topic: Int32, has term: Int32) -> Bool {
        Self.sorted(postings[Int(term)], contains: topic) { $0.topic }
    }

    /// Whether sample question number `question` has `term` (the lists are sorted by question number).
    func question(_ question: Int32, has term: Int32) -> Bool {
        Self.sorted(questionPostings[Int(term)], contains: question) { $0 }
    }

    /// A binary search in `list`, sorted by `key`.
    private static func sorted<Element>(_ list: ArraySlice<Element>, contains wanted: Int32, key: (Element) -> Int32) -> Bool {
        var list = list
        while !list.isEmpty {
            let middle = list.startIndex + list.count / 2
            let found = key(list[middle])
            if found == wanted { return true }
            list = found < wanted ? list[(middle + 1)...] : list[..<middle]
        }
        return false
    }

    /// The term number of a stem.
    var termIDs: [String: Int32] { vocabulary.termIDs }

    /// Inverse document frequency over topics (never negative).
    static func idf(documentFrequency df: Double, topics n: Double) -> Double {
        log(1 + n / max(df, 0.5))
    }

    /// The weight of a term the base does not know at all: as informative as the rarest known term.
    var unknownTermWeight: Double { Self.idf(documentFrequency: 0.5, topics: Double(max(topicCount, 1))) }
}
