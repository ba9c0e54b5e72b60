import Foundation
import Testing

@testable import AmtsboteCore

@Suite("Text normaliser")
struct TextNormalizerTests {
    @Test("tokens: lowercase words, separators split", arguments: [
        ("Wie BEANTRAGE ich einen Ausweis?", ["wie", "beantrage", "ich", "einen", "ausweis"]),
        ("Kita-Gebühren, bitte.", ["kita", "gebühren", "bitte"]),
        ("Hallo!!!Wie geht das???", ["hallo", "wie", "geht", "das"]),
        ("  Sperrmüll\tanmelden\n ", ["sperrmüll", "anmelden"]),
        ("37,50 Euro (Stand 2026)", ["37", "50", "euro", "stand", "2026"]),
        ("info@example-city.de", ["info", "example", "city", "de"]),
        ("", []),
        ("?! …", []),
    ])
    func splitsAndLowercases(_ text: String, _ expected: [String]) {
        #expect(TextNormalizer.tokens(text) == expected)
    }

    @Test("tokens: ß becomes ss, umlauts stay (lowercased)", arguments: [
        ("Straße", ["strasse"]),
        ("STRAẞE", ["strasse"]),
        ("Maßnahmen Gruß", ["massnahmen", "gruss"]),
        ("Führerschein", ["führerschein"]),
        ("ÖFFNUNGSZEITEN Ärger Übergabe", ["öffnungszeiten", "ärger", "übergabe"]),
    ])
    func germanLetters(_ text: String, _ expected: [String]) {
        #expect(TextNormalizer.tokens(text) == expected)
    }

    @Test("tokens: accents other than umlauts are removed", arguments: [
        ("Café Crème", ["cafe", "creme"]),
        ("Señora García", ["senora", "garcia"]),
        ("Façade naïve Ø", ["facade", "naive", "o"]),
        ("Cafe\u{0301}", ["cafe"]),  // e + combining acute accent
        ("RÉSUMÉ", ["resume"]),
    ])
    func accents(_ text: String, _ expected: [String]) {
        #expect(TextNormalizer.tokens(text) == expected)
    }

    @Test("tokens: emoji and symbols separate words", arguments: [
        ("Sperrmüll😀abholen", ["sperrmüll", "abholen"]),
        ("👍", []),
        ("Danke 🙏🏽 euch ❤️!", ["danke", "euch"]),
        ("Müll→Tonne", ["müll", "tonne"]),
        ("10€ Gebühr", ["10", "gebühr"]),
    ])
    func emojiAndSymbols(_ text: String, _ expected: [String]) {
        #expect(TextNormalizer.tokens(text) == expected)
    }

    @Test("tokens: apostrophes inside words are dropped, quotes around words ignored", arguments: [
        ("driver's license", ["drivers", "license"]),
        ("driver’s license", ["drivers", "license"]),  // typographic apostrophe
        ("Wie geht's?", ["wie", "gehts"]),
        ("'Hallo'", ["hallo"]),
        ("I'm here", ["im", "here"]),
    ])
    func apostrophes(_ text: String, _ expected: [String]) {
        #expect(TextNormalizer.tokens(text) == expected)
    }

    @Test("fold: umlauts to base letters, everything else unchanged", arguments: [
        ("führerschein", "fuhrerschein"),
        ("öffnungszeiten", "offnungszeiten"),
        ("ärger", "arger"),
        ("müllgebühren", "mullgebuhren"),
        ("strasse", "strasse"),
        ("cafe", "cafe"),
        ("2026", "2026"),
    ])
    func fold(_ token: String, _ expected: String) {
        #expect(TextNormalizer.fold(token) == expected)
    }

    @Test("isNumber: digits only")
    func isNumber() {
        #expect(TextNormalizer.isNumber("2026"))
        #expect(TextNormalizer.isNumber("0"))
        #expect(!TextNormalizer.isNumber("a1"))
        #expect(!TextNormalizer.isNumber("12b"))
        #expect(!TextNormalizer.isNumber("zwölf"))
    }

    @Test("spelling variants of Führerschein share one German stem")
    func fuehrerscheinVariants() {
        let variants = ["führerschein", "fuehrerschein", "fuhrerschein", "FÜHRERSCHEIN", "Fuehrerschein"]
        let stems = Set(variants.map { Stemmer.stem(TextNormalizer.tokens($0)[0], language: "de") })
        #expect(stems.count == 1, "stems: \(stems)")
        #expect(Stemmer.stem("führerschein", language: "de") == Stemmer.stem("fuehrerschein", language: "de"))
        #expect(Stemmer.stem("fuehrerschein", language: "de") == Stemmer.stem("fuhrerschein", language: "de"))
    }

    @Test("inflected forms share a stem", arguments: [
        ("de", "gebühren", "gebühr"),
        ("de", "ausweises", "ausweis"),
        ("de", "häuser", "haus"),
        ("en", "licences", "licence"),
        ("en", "applying", "apply"),
    ])
    func inflections(_ language: String, _ a: String, _ b: String) {
        #expect(Stemmer.stem(a, language: language) == Stemmer.stem(b, language: language))
    }

    @Test("English stemming folds umlauts; other languages are only folded")
    func otherLanguages() {
        #expect(Stemmer.stem("führerschein", language: "en") == Stemmer.stem("fuhrerschein", language: "en"))
        #expect(Stemmer.stem("gebühren", language: "fr") == "gebuhren")
        #expect(Stemmer.stem("maisons", language: "fr") == "maisons")
    }
}
