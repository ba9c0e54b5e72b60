/// Guesses whether a message is German or English (or another configured language).
public struct LanguageDetector: Sendable {
    public let languages: [String]
    private let lexicons: [String: Lexicon]
    /// Stems known to the knowledge base per language, as a tie-breaker.
    private let vocabulary: [String: Set<String>]

    public init(languages: [String], vocabulary: [String: Set<String>] = [:]) {
        self.languages = languages
        self.lexicons = Dictionary(uniqueKeysWithValues: languages.map { ($0, Lexicon.builtIn($0)) })
        self.vocabulary = vocabulary
    }

    /// The most likely language of `tokens`; the first configured language when nothing decides.
    public func detect(_ tokens: [String]) -> String {
        guard languages.count > 1, !tokens.isEmpty else { return languages.first ?? "de" }
        var best = languages[0]
        var bestScore = -1.0
        for language in languages {
            let lexicon = lexicons[language]!
            var score = 0.0
            for token in tokens {
                if lexicon.markers.contains(token) { score += 2 } else if lexicon.stopwords.contains(token) { score += 1 }
                if language == "de", token.unicodeScalars.contains(where: { $0 == "ä" || $0 == "ö" || $0 == "ü" }) { score += 1.5 }
                if let vocab = vocabulary[language], vocab.contains(Stemmer.stem(token, language: language)) { score += 0.5 }
            }
            // The default language wins ties.
            if score > bestScore + (language == languages[0] ? 0 : 0.25) {
                best = language
                bestScore = score
            }
        }
        return best
    }
}
