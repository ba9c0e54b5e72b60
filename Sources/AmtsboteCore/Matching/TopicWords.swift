/// One language's topic texts, tokenised once and numbered: every distinct token gets a number
/// on first sight, so the index is built from integers instead of hashing the same strings again.
struct TopicWords {
    /// One topic translation's fields as token numbers (stop words and numbers included).
    struct Fields {
        var title: [Int32] = []
        var paragraphs: [[Int32]] = []
        var questions: [[Int32]] = []
        var keywords: [[Int32]] = []
    }

    /// Distinct tokens by number, numbered in reading order: each topic's title, answer,
    /// sample questions and keywords, topic after topic.
    private(set) var tokens: [String] = []
    /// How often each token occurs.
    private(set) var occurrences: [Int] = []
    /// Fields by topic; nil where the topic has no translation in this language.
    private(set) var topics: [Fields?] = []

    init(translations: [TopicTranslation?]) {
        // Tokenising runs on all cores; numbering is a single pass in reading order.
        let tokenized = concurrentMap(translations) { translation in
            translation.map { t in
                (title: TextNormalizer.tokens(t.title), paragraphs: Self.paragraphs(t.body).map { TextNormalizer.tokens(String($0)) },
                 questions: t.questions.map(TextNormalizer.tokens), keywords: t.keywords.map(TextNormalizer.tokens))
            }
        }
        var numbers: [String: Int32] = [:]
        numbers.reserveCapacity(translations.count * 16)
        var tokens: [String] = []
        var occurrences: [Int] = []
        func number(_ list: [String]) -> [Int32] {
            list.map { token in
                if let known = numbers[token] {
                    occurrences[Int(known)] += 1
                    return known
                }
                let id = Int32(tokens.count)
                numbers[token] = id
                tokens.append(token)
                occurrences.append(1)
                return id
            }
        }
        let topics = tokenized.map { fields in
            fields.map { f in
                var result = Fields()
                result.title = number(f.title)
                result.paragraphs = f.paragraphs.map(number)
                result.questions = f.questions.map(number)
                result.keywords = f.keywords.map(number)
                return result
            }
        }
        (self.tokens, self.occurrences, self.topics) = (tokens, occurrences, topics)
    }

    /// The non-empty lines of an answer, as `body.split(separator: "\n")` finds them (a "\r\n"
    /// pair is one Character and does not split), but from the UTF-8 bytes, without the much
    /// slower Character segmentation.
    static func paragraphs(_ body: String) -> [Substring] {
        var result: [Substring] = []
        let utf8 = body.utf8
        var start = utf8.startIndex
        var previous: UInt8 = 0
        var index = utf8.startIndex
        while index != utf8.endIndex {
            let byte = utf8[index]
            if byte == UInt8(ascii: "\n"), previous != UInt8(ascii: "\r") {
                if start != index { result.append(body[start..<index]) }
                start = utf8.index(after: index)
            }
            previous = byte
            index = utf8.index(after: index)
        }
        if start != utf8.endIndex { result.append(body[start..<utf8.endIndex]) }
        return result
    }
}
