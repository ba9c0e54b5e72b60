import Foundation
import Testing

@testable import AmtsboteCore

/// The stemmers against fixtures produced by the reference Snowball implementation (Python
/// `snowballstemmer` 3.1.1), plus hand-picked cases that document the behaviour we rely on.
@Suite("Stemmers")
struct StemmerTests {
    /// Reads `Fixtures/<name>.tsv`: one `word<TAB>stem` pair per line, `#` starts a comment line.
    static func fixture(_ name: String) throws -> [(word: String, stem: String)] {
        let url = try #require(Bundle.module.url(forResource: name, withExtension: "tsv", subdirectory: "Fixtures"))
        let text = try String(contentsOf: url, encoding: .utf8)
        return try text.split(separator: "\n").compactMap { line in
            if line.hasPrefix("#") { return nil }
            let fields = line.split(separator: "\t", omittingEmptySubsequences: false)
            try #require(fields.count == 2, "malformed fixture line: \(line)")
            return (String(fields[0]), String(fields[1]))
        }
    }

    /// Runs `stem` over a fixture and reports every disagreement at once.
    static func check(_ name: String, _ stem: (String) -> String) throws {
        let pairs = try fixture(name)
        #expect(pairs.count >= 1000)
        let wrong = pairs.filter { stem($0.word) != $0.stem }
            .map { "\($0.word): expected \($0.stem), got \(stem($0.word))" }
        #expect(wrong.isEmpty, "\(wrong.count) of \(pairs.count) differ:\n\(wrong.prefix(20).joined(separator: "\n"))")
    }

    @Test("German agrees with the Snowball reference fixture")
    func germanFixture() throws {
        try Self.check("stemmer-de", GermanStemmer.stem)
    }

    @Test("English agrees with the Snowball reference fixture")
    func englishFixture() throws {
        try Self.check("stemmer-en", EnglishStemmer.stem)
    }

    @Test("German hand-picked cases", arguments: [
        ("häuser", "haus"),
        ("fuehrerschein", "fuhrerschein"),
        ("aufeinanderfolgenden", "aufeinanderfolg"),
        ("straße", "strass"),
        ("maßnahmen", "massnahm"),
        ("bauer", "bau"),  // u between vowels is a consonant, so "ue" here is no umlaut
        ("quelle", "quell"),  // nor after q
        ("systemen", "system"),
        ("system", "system"),  // -em stays in "system"
        ("kenntnissen", "kenntnis"),
        ("lehrerinnen", "lehr"),
        ("moeglichkeiten", "moglich"),
        ("heiligkeit", "heilig"),
        ("zugeordnet", "zugeordnet"),
        ("andrea's", "andrea"),
        ("öffnungszeiten", "offnungszeit"),
        ("öl", "öl"),  // two letters: unchanged
        ("e-mail", "e-mail"),  // not a plain word: unchanged
        ("2024", "2024"),
        ("", ""),
    ])
    func german(word: String, stem: String) {
        #expect(GermanStemmer.stem(word) == stem)
    }

    @Test("Spelled-out umlauts and ß share the stem of the real letters", arguments: [
        ("fuehrerschein", "führerschein"),
        ("strasse", "straße"),
        ("gebuehren", "gebühren"),
        ("aeusserst", "äußerst"),
    ])
    func germanTranscriptions(ascii: String, native: String) {
        #expect(GermanStemmer.stem(ascii) == GermanStemmer.stem(native))
    }

    @Test("English hand-picked cases", arguments: [
        ("generously", "generous"),
        ("running", "run"),
        ("skies", "sky"),
        ("dying", "die"),
        ("lying", "lie"),
        ("news", "news"),
        ("gently", "gentl"),
        ("communication", "communic"),
        ("arsenal", "arsenal"),
        ("proceeding", "proceed"),
        ("herring", "herring"),
        ("dog's", "dog"),
        ("hopping", "hop"),
        ("hoped", "hope"),
        ("cried", "cri"),
        ("ties", "tie"),
        ("gaps", "gap"),
        ("gas", "gas"),
        ("saying", "say"),
        ("organizations", "organiz"),
        ("is", "is"),  // two letters: unchanged
        ("covid-19", "covid-19"),  // not a plain word: unchanged
        ("", ""),
    ])
    func english(word: String, stem: String) {
        #expect(EnglishStemmer.stem(word) == stem)
    }
}
