/// The function words of the configured languages: each lexicon's stop words, and their forms
/// with a plain inflection ending and the same stem ("wants" like "want", "unserem" like
/// "unser"), so that inflected function words neither count as evidence nor as unknown words.
///
/// A stop word of one language counts in a message in any of them ("Hallo, I need a passport"),
/// except where one language's topic texts use another's stop word as a word of their own:
/// "Kind" in German ("kind" is an English stop word), "bin" in English ("bin" is German). Such
/// words carry content in that language (see `excepting(wordsOf:language:)`).
struct FunctionWords: Sendable {
    private let words: Set<String>
    /// Words of names that carry no content in any language (never `exceptions`).
    private let names: Set<String>
    /// Per language: its stop words and the endings that inflect them.
    private let languages: [(language: String, stopwords: Set<String>, endings: [String])]
    /// Other languages' stop words that count as content here (empty until `excepting`).
    private(set) var exceptions: Set<String> = []

    /// Endings that inflect a function word; a longer rest makes another word ("nächstes" is not "nach").
    private static let endings: [String: [String]] = [
        "de": ["e", "en", "em", "er", "es", "n", "s"],
        "en": ["s", "es", "d", "ed", "ing"],
    ]

    /// - Parameter names: further words that say nothing about a topic in any language: the
    ///   city's own name, which a city's bot hears in every kind of question.
    init(lexicons: [String: Lexicon], names: [String] = []) {
        // Stop words as messages are tokenised ("weiß" is "weiss").
        let stopwords = lexicons.mapValues { Set($0.stopwords.flatMap(TextNormalizer.tokens)) }
        words = stopwords.values.reduce(into: Set<String>()) { $0.formUnion($1) }
        self.names = Set(names.flatMap(TextNormalizer.tokens))
        languages = lexicons.keys.sorted().compactMap { language in
            Self.endings[language].map { (language, stopwords[language]!, $0) }
        }
    }

    /// These function words for messages in `language`, whose topic texts have `tokens`: the
    /// other languages' stop words among them are content words here.
    func excepting(wordsOf tokens: [String], language: String) -> FunctionWords {
        guard let own = languages.first(where: { $0.language == language }) else { return self }
        var copy = self
        copy.exceptions = Set(tokens.filter { words.contains($0) && !own.stopwords.contains($0) })
        return copy
    }

    /// Whether `token` (lowercase) is a function word in any of the languages (but not one of the `exceptions`).
    func contains(_ token: String) -> Bool {
        if names.contains(token) { return true }
        if words.contains(token) { return !exceptions.contains(token) }
        // Only a stop word plus an ending is stemmed, so most tokens cost a few byte comparisons.
        let bytes = token.utf8
        for (language, stopwords, endings) in languages {
            for ending in endings where bytes.count > ending.utf8.count && bytes.reversed().starts(with: ending.utf8.reversed()) {
                let base = String(decoding: bytes.dropLast(ending.utf8.count), as: UTF8.self)
                // "bins" is no form of German "bin" where English texts use "bin" as a word.
                if stopwords.contains(base), !exceptions.contains(base), Stemmer.stem(base, language: language) == Stemmer.stem(token, language: language) {
                    return true
                }
            }
        }
        return false
    }
}
