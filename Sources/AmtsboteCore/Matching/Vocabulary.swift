/// The words of one language's topic texts: their stems, compound parts and a spelling index.
///
/// Words (tokens with umlauts folded) and stems are numbered; a stem's number is its term
/// number in the `TopicIndex`.
struct Vocabulary: Sendable {
    let language: String
    /// Folded words by number, and the number of each.
    private let words: [String]
    private let wordNumbers: [String: Int32]
    /// The stem (term) number of each word.
    private let wordTerms: [Int32]
    /// How often each word occurs, to prefer common corrections.
    private let counts: [Int]
    /// Stems by term number, and the number of each.
    let stems: [String]
    let termIDs: [String: Int32]
    /// Known stems in order, for prefix lookups.
    private let sortedStems: [String]
    /// Compound parts (term numbers) of the base's own long words, split once when the vocabulary is built.
    private var compounds: [[Int32]?] = []
    /// Delete-one variants of the words of 7 letters or more (queries are corrected from 7 letters
    /// on, so shorter words need none: a 6-letter word one insertion away is found directly).
    private var deletions: DeletionTable

    /// The vocabulary of `words`' tokens except function words and numbers. Also returns, for each
    /// token number, its word number (-1 for stop words and numbers).
    static func build(language: String, words topicWords: TopicWords, functionWords: FunctionWords) -> (Vocabulary, tokenWords: [Int32]) {
        var wordNumbers: [String: Int32] = [:]
        var words: [String] = []
        var firstSpellings: [String] = []
        var counts: [Int] = []
        let tokenWords = topicWords.tokens.indices.map { index -> Int32 in
            let token = topicWords.tokens[index]
            guard !functionWords.contains(token), !TextNormalizer.isNumber(token) else { return -1 }
            let folded = TextNormalizer.fold(token)
            if let known = wordNumbers[folded] {
                counts[Int(known)] += topicWords.occurrences[index]
                return known
            }
            // Tokens are numbered in reading order, so this is the word's first spelling.
            let number = Int32(words.count)
            wordNumbers[folded] = number
            words.append(folded)
            firstSpellings.append(token)
            counts.append(topicWords.occurrences[index])
            return number
        }
        let wordStems = concurrentMap(firstSpellings) { Stemmer.stem($0, language: language) }
        var termIDs: [String: Int32] = [:]
        var stems: [String] = []
        let wordTerms = wordStems.map { stem -> Int32 in
            if let known = termIDs[stem] { return known }
            termIDs[stem] = Int32(stems.count)
            stems.append(stem)
            return Int32(stems.count - 1)
        }
        var vocabulary = Vocabulary(
            language: language, words: words, wordNumbers: wordNumbers, wordTerms: wordTerms, counts: counts, stems: stems,
            termIDs: termIDs, sortedStems: stems.sorted(),
            deletions: DeletionTable(words: words) { words[$0].count >= 7 })
        let split = vocabulary
        vocabulary.compounds = concurrentMap(words) { word in
            guard word.count >= 8 else { return nil }
            return split.splitCompound(word)?.map { termIDs[$0]! }
        }
        return (vocabulary, tokenWords)
    }

    private init(
        language: String, words: [String], wordNumbers: [String: Int32], wordTerms: [Int32], counts: [Int], stems: [String],
        termIDs: [String: Int32], sortedStems: [String], deletions: DeletionTable
    ) {
        self.language = language
        self.words = words
        self.wordNumbers = wordNumbers
        self.wordTerms = wordTerms
        self.counts = counts
        self.stems = stems
        self.termIDs = termIDs
        self.sortedStems = sortedStems
        self.deletions = deletions
    }

    /// The term number of a word, and the term numbers of its compound parts (words of 8 letters or more).
    func terms(ofWord word: Int32) -> (term: Int32, parts: [Int32]?) {
        (wordTerms[Int(word)], compounds[Int(word)])
    }

    /// The stem of a token (cached for known words).
    func stem(of token: String) -> String {
        knownStem(ofFolded: TextNormalizer.fold(token)) ?? Stemmer.stem(token, language: language)
    }

    /// The stem of a folded word the base contains.
    private func knownStem(ofFolded folded: String) -> String? {
        wordNumbers[folded].map { stems[Int(wordTerms[Int($0)])] }
    }

    func knows(stem: String) -> Bool { termIDs[stem] != nil }

    var knownStemsSet: Set<String> { Set(stems) }

    /// Words longer than this (in Unicode scalars) are neither corrected nor split into compound
    /// parts: the work for both grows with the square of the length (a "word" of 4,000 letters, as
    /// a Telegram message may hold, took seconds), and no real word is this long.
    static let longestWord = 48

    /// The stem of the known word one edit away from `token`, if any (most frequent first).
    func correction(of token: String) -> String? {
        let folded = TextNormalizer.fold(token)
        // Short words are too often another real word one letter away ("wetter" / "weiter").
        guard folded.count >= 7, folded.unicodeScalars.count <= Self.longestWord else { return nil }
        let scalars = folded.unicodeScalars.map(\.value)
        let own = wordNumbers[folded]
        var best: (word: String, count: Int)?
        func consider(_ number: Int32) {
            let (word, count) = (words[Int(number)], counts[Int(number)])
            // Most frequent first; ties by spelling, so results never depend on hash order.
            if best == nil || count > best!.count || (count == best!.count && word < best!.word) { best = (word, count) }
        }
        for (position, variant) in ([scalars] + DeletionTable.deletes(of: scalars)).enumerated() {
            for number in deletions.words(withDeletion: variant) where number != own {
                // Both lost a letter: the same length, and one edit apart only if it was the same place.
                if position > 0, !DeletionTable.isSubstitutionOrSwap(scalars, words[Int(number)].unicodeScalars.map(\.value)) { continue }
                consider(number)
            }
            // One letter too many: a delete variant of the query is itself a known word.
            if position > 0, let number = wordNumbers[Self.string(variant)] { consider(number) }
        }
        return best.flatMap { knownStem(ofFolded: $0.word) }
    }

    /// A known stem that shares all but a short ending with `stem` ("regist" and "registr":
    /// stemmers leave word families split now and then). Nil when none is close enough.
    func prefixRelative(of stem: String) -> String? {
        let length = stem.count
        guard length >= 5 else { return nil }
        // A longer known stem starting with this one, shortest first.
        var low = 0, high = sortedStems.count
        while low < high {
            let mid = (low + high) / 2
            if sortedStems[mid] < stem { low = mid + 1 } else { high = mid }
        }
        var best: String?
        var i = low
        while i < sortedStems.count, sortedStems[i].hasPrefix(stem) {
            let candidate = sortedStems[i]
            if candidate.count <= length + 2, best == nil || candidate.count < best!.count { best = candidate }
            i += 1
        }
        if let best { return best }
        // A known stem this one starts with ("verwert" for "verwerter"), at most two letters shorter.
        for cut in 1...2 where length - cut >= 5 {
            let prefix = String(stem.dropLast(cut))
            if knows(stem: prefix) { return prefix }
        }
        return nil
    }

    /// Stems of the known words a German-style compound is made of ("sperrmüllabholung" →
    /// sperrmull + abhol), allowing a linking -s-; nil when it does not split into known words.
    func compoundParts(of token: String) -> [String]? {
        let folded = TextNormalizer.fold(token)
        if let number = wordNumbers[folded], folded.count >= 8 { return compounds[Int(number)]?.map { stems[Int($0)] } }
        return splitCompound(folded)
    }

    /// Splits a folded word into known parts (no cache).
    private func splitCompound(_ folded: String) -> [String]? {
        let bytes = Array(folded.utf8)
        // Where each Unicode scalar starts, then the end: parts are cut between scalars.
        var bounds = bytes.indices.filter { bytes[$0] & 0xC0 != 0x80 }
        guard bounds.count <= Self.longestWord else { return nil }
        bounds.append(bytes.count)
        return split(bytes, bounds: bounds, from: 0, depth: 0)
    }

    /// Splits the word's scalars from number `start` to the end. Parts are made from the UTF-8
    /// bytes: Strings built from scalar slices go through generic code several times slower.
    private func split(_ bytes: [UInt8], bounds: [Int], from start: Int, depth: Int) -> [String]? {
        let minPart = 3
        let count = bounds.count - 1
        guard count - start >= 2 * minPart, depth < 3 else { return nil }
        func part(_ from: Int, _ to: Int) -> String { String(decoding: bytes[bounds[from]..<bounds[to]], as: UTF8.self) }
        // Longest known head first: "abfuhrkalender" prefers abfuhr + kalender over ab + …
        var end = count - minPart
        while end - start >= minPart {
            if let headStem = knownPart(part(start, end)) {
                // A head ending in "s" may be a word plus a linking "s" ("Geburts|tag") or a word
                // before one that starts with "s" ("Grund|steuer", not "Grunds|teuer"): the second
                // when both parts are words.
                if bytes[bounds[end] - 1] == UInt8(ascii: "s"), end - 1 - start >= minPart,
                    let shorter = knownStem(ofFolded: part(start, end - 1)), let sTail = knownPart(part(end - 1, count))
                {
                    return [shorter, sTail]
                }
                if let tailStem = knownPart(part(end, count)) { return [headStem, tailStem] }
                if let rest = split(bytes, bounds: bounds, from: end, depth: depth + 1) { return [headStem] + rest }
            }
            end -= 1
        }
        return nil
    }

    /// A string from the values of valid Unicode scalars (ASCII, the usual case, straight from bytes).
    private static func string(_ scalars: [UInt32]) -> String {
        if scalars.allSatisfy({ $0 < 0x80 }) { return String(decoding: scalars.map { UInt8($0) }, as: UTF8.self) }
        return String(String.UnicodeScalarView(scalars.compactMap(Unicode.Scalar.init)))
    }

    /// The stem of a compound part when the base knows it (also without a linking "s").
    private func knownPart(_ part: String) -> String? {
        if part.count >= 3, let stem = knownStem(ofFolded: part) { return stem }
        if part.count >= 4 {
            let stem = Stemmer.stem(part, language: language)
            if stem.count >= 4, knows(stem: stem) { return stem }
        }
        if part.count >= 5, part.hasSuffix("s"), let stem = knownStem(ofFolded: String(part.dropLast())) { return stem }
        return nil
    }
}
