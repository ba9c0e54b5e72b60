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
        ("hasnt", true),  // "hasn't", tokenised like a message
        ("dont", true),
        ("somebody", true),
        ("many", true),  // "how many", like "how much"
        ("never", true),  // like "not": "never had an ID card" weighed "never" 2.2
        ("nie", true),
        ("wegen", true),  // stemmed to "weg", it meant "lost"
        ("sondern", true),  // stemmed to "sond", it meant "Sondermüll"
        ("nich", true),  // "nicht" as people write it
    ])
    func functionWords(_ token: String, _ expected: Bool) {
        #expect(Self.words.contains(token) == expected)
    }

    @Test("another language's stop word that a language's texts use as a word is content in that language only")
    func exceptionsPerLanguage() {
        let german = Self.words.excepting(wordsOf: ["für", "ihr", "kind", "ausweis"], language: "de")
        let english = Self.words.excepting(wordsOf: ["the", "rubbish", "bin"], language: "en")
        #expect(!german.contains("kind"))  // "Kind" (child); "kind" is an English stop word
        #expect(german.contains("für") && german.contains("the") && german.contains("bin"))
        #expect(!english.contains("bin"))  // "bin" (rubbish bin); "bin" is a German stop word
        #expect(!english.contains("bins") && german.contains("bins"))  // nor its plural
        #expect(english.contains("kind") && english.contains("the") && english.contains("für"))
        #expect(Self.words.contains("kind") && Self.words.contains("bin"))
    }

    @Test("the city's name says nothing about a topic, also where every topic text has it")
    func cityName() throws {
        let named = FunctionWords(lexicons: ["de": Lexicon.builtIn("de")], names: ["Bad Beispielstadt"])
        #expect(named.contains("beispielstadt") && named.contains("bad"))
        #expect(named.excepting(wordsOf: ["beispielstadt", "ausweis"], language: "de").contains("beispielstadt"))
        #expect(!Self.words.contains("beispielstadt"))
        // On the sample city: alone or with words that ask nothing, it is no question (it was the
        // registration topic's, whose text says "Welcome to Beispielstadt").
        let matcher = try SampleCity.requireMatcher()
        for text in ["Beispielstadt", "What is there to do in Beispielstadt?"] {
            let r = matcher.match(text)
            #expect(r.outcome == .escalate && r.escalationReason == .noQuestion, "\(text) → \(MatcherTests.describe(r))")
        }
        #expect(matcher.match("Sperrmüll in Beispielstadt").topic == "sperrmuell")
    }

    @Test("on the sample city, a word that is a stop word only in the other language counts", arguments: [
        ("Reisepass für mein Kind", "de", "kinderreisepass"),
        ("Mein Kind braucht einen Ausweis", "de", "kinderreisepass"),
        ("I need a new bin", "en", "muelltonne"),
        // "bins" counted as a form of German "bin" and was dropped; "moved" and "house" answered re-registration.
        ("We just moved into a house and there are no bins. How do I order bins?", "en", "muelltonne"),
    ])
    func sampleCityWords(_ text: String, _ language: String, _ expected: String) throws {
        let r = try SampleCity.requireMatcher().match(text)
        #expect(r.language == language && r.outcome == .answer && r.topic == expected, "\(r)")
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
