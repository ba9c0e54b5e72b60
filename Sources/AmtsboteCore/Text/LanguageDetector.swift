/// Guesses whether a message is German or English (or another configured language).
public struct LanguageDetector: Sendable {
    public let languages: [String]
    private let lexicons: [String: Lexicon]
    /// Stems known to the knowledge base per language, as a tie-breaker.
    private let vocabulary: [String: Set<String>]

    /// Per language, its function words that another language's texts use as words of their own
    /// ("bin" in "bin collection days" is the English bin): they count half.
    private let ambiguous: [String: Set<String>]

    public init(languages: [String], vocabulary: [String: Set<String>] = [:]) {
        self.languages = languages
        let lexicons = Dictionary(uniqueKeysWithValues: languages.map { ($0, Lexicon.builtIn($0)) })
        self.lexicons = lexicons
        self.vocabulary = vocabulary
        ambiguous = Dictionary(uniqueKeysWithValues: lexicons.map { language, lexicon in
            let words = lexicon.markers.union(lexicon.stopwords).filter { word in
                vocabulary.contains { $0.key != language && $0.value.contains(Stemmer.stem(word, language: $0.key)) }
            }
            return (language, words)
        })
    }

    /// The most likely language of `tokens`; the first configured language when nothing decides.
    /// A message in a script of neither language (Cyrillic, Arabic, …) gets English when the city
    /// speaks it: more of those writers read English than German.
    public func detect(_ tokens: [String]) -> String {
        guard languages.count > 1, !tokens.isEmpty else { return languages.first ?? "de" }
        if languages.contains("en"), tokens.contains(where: Self.hasLetters), !tokens.contains(where: Self.hasLatinLetters) {
            return "en"
        }
        var scores: [(language: String, score: Double)] = languages.map { language in
            let lexicon = lexicons[language]!
            var score = 0.0
            for token in tokens {
                let weight = lexicon.markers.contains(token) ? 2.0 : lexicon.stopwords.contains(token) ? 1 : 0
                score += weight > 0 && ambiguous[language]?.contains(token) == true ? weight / 2 : weight
                if language == "de", token.contains(where: { "äöü".contains($0) }) { score += 1.5 }
            }
            return (language, score)
        }
        // Only a tie or a lead of one function word needs the (slower) look at which base
        // vocabulary the words belong to.
        let top = scores.map(\.score).max() ?? 0
        if scores.filter({ $0.score >= top - 1 }).count > 1 {
            scores = scores.map { entry in
                guard entry.score >= top - 1, let vocab = vocabulary[entry.language] else { return entry }
                let hits = tokens.filter { vocab.contains(Stemmer.stem($0, language: entry.language)) }.count
                return (entry.language, entry.score + 0.5 * Double(hits))
            }
        }
        var best = languages[0]
        var bestScore = scores[0].score
        // The default language wins ties.
        for entry in scores.dropFirst() where entry.score > bestScore {
            best = entry.language
            bestScore = entry.score
        }
        return best
    }

    private static func hasLetters(_ token: String) -> Bool { token.unicodeScalars.contains { $0.properties.isAlphabetic } }

    /// Latin letters as tokens keep them: a–z and the umlauts (other accents are folded away).
    private static func hasLatinLetters(_ token: String) -> Bool {
        token.unicodeScalars.contains { ("a"..."z").contains($0) || "äöü".unicodeScalars.contains($0) }
    }
}
