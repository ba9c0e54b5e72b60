import Testing

@testable import AmtsboteCore

/// Inflected function words and separable-verb participles: forms the lexicon and the stemmer
/// do not connect on their own.
@Suite("Function words and participles")
struct FunctionWordsTests {
    static let words = FunctionWords(lexicons: ["de": Lexicon.builtIn("de"), "en": Lexicon.builtIn("en")])

    @Test("stop words and their plainly inflected forms are function words; other words with the same stem are not", arguments: [
        ("want", true),
        ("wants", true),  // want + s
        ("needed", true),  // need + ed
        ("unserem", true),  // unser + em
        ("nächstes", false),  // stems like "nach", but is another word
        ("ausweis", false),
        ("registration", false),
        ("abmelden", false),
        ("weiss", true),  // "weiß" in the lexicon, tokenised like a message (ß → ss)
        ("grüsse", true),
    ])
    func functionWords(_ token: String, _ expected: Bool) {
        #expect(Self.words.contains(token) == expected)
    }

    @Test("lexicon phrases are tokenised like messages: ß, apostrophes")
    func phrasesAreTokenised() {
        let lexicon = CompiledLexicon(Lexicon.builtIn("de"))
        let folded = TextNormalizer.tokens("Schöne Grüße und wie geht's?").map(TextNormalizer.fold)
        let (kinds, covered) = lexicon.smalltalkKinds(in: folded)
        #expect(kinds == [.greeting])
        // "schöne grüße" (ß → ss) and "wie geht's": every word but "und".
        #expect(covered == [0, 1, 3, 4])
    }

    @Test("a participle the base has as a word of its own still reaches its particle verb")
    func participleReachesVerb() throws {
        let result = try TempKnowledgeBase.load([
            "topics/kfz/auto-abmelden.de.md": TempKnowledgeBase.topic(
                title: "Auto abmelden", question: "Wie kann ich mein Auto abmelden?",
                body: "Das Auto melden Sie bei der Zulassungsstelle ab."),
            "topics/amt/ausland.de.md": TempKnowledgeBase.topic(
                title: "Wegzug ins Ausland", question: "Ich ziehe ins Ausland",
                body: "Wer abgemeldet ist, bekommt eine Bescheinigung."),
        ])
        let matcher = Matcher(knowledgeBase: try #require(result.knowledgeBase))
        let r = matcher.match("Wie wird der Wagen abgemeldet?", language: "de")
        #expect(r.candidates.first?.id == "auto-abmelden", "\(MatcherTests.describe(r))")
    }
}
