/// The words of one language's topic texts: their stems, compound parts and a spelling index.
struct Vocabulary: Sendable {
    let language: String
    /// Folded surface word → stem.
    private(set) var stems: [String: String] = [:]
    /// All stems.
    private(set) var knownStems: Set<String> = []
    /// Delete-one variants of folded words (length ≥ 7) → the words; symmetric deletes find
    /// one substitution, insertion, deletion or swap of neighbours in one lookup.
    private var deletions: [String: [String]] = [:]
    /// How often each folded word occurs, to prefer common corrections.
    private var counts: [String: Int] = [:]
    /// Known stems in order, for prefix lookups.
    private var sortedStems: [String] = []
    /// Compound parts of the base's own long words, split once when the vocabulary is built.
    private var compounds: [String: [String]] = [:]

    init(language: String, texts: [String], stopwords: Set<String>) {
        self.language = language
        // Tokenising and stemming run on all cores; counting is cheap and stays sequential.
        let tokenLists = concurrentMap(texts) { text in
            TextNormalizer.tokens(text).filter { !stopwords.contains($0) && !TextNormalizer.isNumber($0) }
        }
        var firstSpelling: [String: String] = [:]
        for tokens in tokenLists {
            for token in tokens {
                let folded = TextNormalizer.fold(token)
                counts[folded, default: 0] += 1
                if firstSpelling[folded] == nil { firstSpelling[folded] = token }
            }
        }
        let words = Array(firstSpelling)
        let wordStems = concurrentMap(words.map(\.value)) { Stemmer.stem($0, language: language) }
        for (word, stem) in zip(words, wordStems) {
            stems[word.key] = stem
            knownStems.insert(stem)
        }
        sortedStems = knownStems.sorted()
        let longWords = stems.keys.filter { $0.count >= 8 }
        let vocabulary = self
        let parts = concurrentMap(longWords) { vocabulary.splitCompound($0) }
        for (word, wordParts) in zip(longWords, parts) where wordParts != nil { compounds[word] = wordParts }
        // Queries are corrected from 7 letters on, so shorter words need no delete variants:
        // a 6-letter word one insertion away is found directly (see `correction`).
        for word in stems.keys where word.count >= 7 {
            for variant in Self.deletes(of: word) { deletions[variant, default: []].append(word) }
        }
    }

    /// The stem of a token (cached for known words).
    func stem(of token: String) -> String {
        stems[TextNormalizer.fold(token)] ?? Stemmer.stem(token, language: language)
    }

    func knows(stem: String) -> Bool { knownStems.contains(stem) }

    var knownStemsSet: Set<String> { knownStems }

    /// The stem of the known word one edit away from `token`, if any (most frequent first).
    func correction(of token: String) -> String? {
        let folded = TextNormalizer.fold(token)
        // Short words are too often another real word one letter away ("wetter" / "weiter").
        guard folded.count >= 7 else { return nil }
        var best: (word: String, count: Int)?
        for variant in [folded] + Self.deletes(of: folded) {
            for word in deletions[variant] ?? [] where word != folded {
                let count = counts[word] ?? 0
                // Most frequent first; ties by spelling, so results never depend on hash order.
                if best == nil || count > best!.count || (count == best!.count && word < best!.word) { best = (word, count) }
            }
            // One letter too many: a delete variant of the query is itself a known word.
            if variant != folded, stems[variant] != nil, let count = counts[variant],
                best == nil || count > best!.count || (count == best!.count && variant < best!.word)
            {
                best = (variant, count)
            }
        }
        return best.flatMap { stems[$0.word] }
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
            if knownStems.contains(prefix) { return prefix }
        }
        return nil
    }

    /// Stems of the known words a German-style compound is made of ("sperrmüllabholung" →
    /// sperrmull + abhol), allowing a linking -s-; nil when it does not split into known words.
    func compoundParts(of token: String) -> [String]? {
        let folded = TextNormalizer.fold(token)
        if stems[folded] != nil, folded.count >= 8 { return compounds[folded] }
        return splitCompound(folded)
    }

    /// Splits a folded word into known parts (no cache).
    private func splitCompound(_ folded: String) -> [String]? {
        split(Array(folded.unicodeScalars)[...], depth: 0)
    }

    private func split(_ word: ArraySlice<Unicode.Scalar>, depth: Int) -> [String]? {
        let minPart = 3
        guard word.count >= 2 * minPart, depth < 3 else { return nil }
        // Longest known head first: "abfuhrkalender" prefers abfuhr + kalender over ab + …
        var end = word.endIndex - minPart
        while end - word.startIndex >= minPart {
            let head = String(String.UnicodeScalarView(word[word.startIndex..<end]))
            let tail = word[end...]
            if let headStem = knownPart(head) {
                let tailString = String(String.UnicodeScalarView(tail))
                if let tailStem = knownPart(tailString) { return [headStem, tailStem] }
                if let rest = split(tail, depth: depth + 1) { return [headStem] + rest }
            }
            end -= 1
        }
        return nil
    }

    /// The stem of a compound part when the base knows it (also without a linking "s").
    private func knownPart(_ part: String) -> String? {
        if let stem = stems[part], part.count >= 3 { return stem }
        if part.count >= 4 {
            let stem = Stemmer.stem(part, language: language)
            if stem.count >= 4, knownStems.contains(stem) { return stem }
        }
        if part.count >= 5, part.hasSuffix("s"), let stem = stems[String(part.dropLast())] { return stem }
        return nil
    }

    static func deletes(of word: String) -> [String] {
        let scalars = Array(word.unicodeScalars)
        return scalars.indices.map { i in
            var copy = scalars
            copy.remove(at: i)
            return String(String.UnicodeScalarView(copy))
        }
    }
}
