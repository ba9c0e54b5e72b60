/// How common words are in everyday language (Zipf scale: 7 = "der", 3 = rare but real),
/// from the wordfreq project. Used to weigh words: a word the knowledge base does not know
/// matters more the rarer it is in general ("Fischereischein" vs "spätestens").
public struct WordFrequencies: Sendable {
    private let zipf: [String: Float]

    /// The table for a language, parsed once per process (every matcher of a reloaded base shares it).
    public static func shared(_ language: String) -> WordFrequencies {
        switch language {
        case "de": return german
        case "en": return english
        default: return WordFrequencies(language: language)
        }
    }

    private static let german = WordFrequencies(language: "de")
    private static let english = WordFrequencies(language: "en")

    /// The frequencies for a language; empty (every word rare) for languages without data.
    public init(language: String) {
        let data: String
        switch language {
        case "de": data = Self.germanData
        case "en": data = Self.englishData
        default: data = ""
        }
        var table: [String: Float] = [:]
        table.reserveCapacity(40_000)
        for line in data.split(separator: "\n") {
            guard let colon = line.firstIndex(of: ":"), let bucket = Int(line[..<colon]) else { continue }
            let value = Float(bucket) / 10
            for word in line[line.index(after: colon)...].split(separator: " ") {
                table[String(word)] = value
            }
        }
        zipf = table
    }

    /// The Zipf frequency of a lowercase token; words below 3.0 (not in the table) count as 2.5.
    public func zipf(_ token: String) -> Float {
        zipf[token] ?? zipf[TextNormalizer.fold(token)] ?? 2.5
    }
}
