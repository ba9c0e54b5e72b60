import Testing

@testable import AmtsboteCore

/// German verb forms the Snowball stemmer leaves apart from their infinitive: weak forms keep
/// their -t ("genehmigt"), participles of separable verbs put "ge" inside ("abgeholt").
@Suite("German verb forms")
struct VerbFormsTests {
    static let vocabulary: Vocabulary? = {
        let result = try? TempKnowledgeBase.load([
            "topics/bau/bauantrag.de.md": TempKnowledgeBase.topic(
                title: "Bauantrag", question: "Muss ich den Anbau genehmigen lassen?",
                body: "Sie können den Bauantrag beantragen und die Genehmigung später abholen."),
            "topics/amt/umzug.de.md": TempKnowledgeBase.topic(
                title: "Umzug", question: "Ich bin umgezogen", body: "Wer gezogen ist, meldet sich an."),
        ])
        return result?.knowledgeBase.map { Matcher(knowledgeBase: $0).indexes["de"]!.vocabulary }
    }()

    @Test("a weak verb form reaches the stem of its infinitive", arguments: [
        ("genehmigt", "genehmigen"),
        ("beantragt", "beantragen"),
        ("beantragte", "beantragen"),
        ("beantragten", "beantragen"),
        ("abholt", "abholen"),
    ])
    func weakForms(_ form: String, _ infinitive: String) throws {
        let vocabulary = try #require(Self.vocabulary)
        #expect(vocabulary.infinitiveStem(of: form) == vocabulary.stem(of: infinitive))
    }

    @Test("a noun's -s plural after a vowel reaches its singular; other final s do not", arguments: [
        ("kitas", "kita"),
        ("autos", "auto"),
        ("handys", "handy"),
        ("haus", nil),  // "-us": no plural, though "hau" (umhauen) were known
        ("gebühres", nil),  // "-es" is the stemmer's
        ("busses", nil),
    ])
    func sPlural(_ token: String, _ singular: String?) throws {
        let result = try TempKnowledgeBase.load([
            "topics/t/kita.de.md": TempKnowledgeBase.topic(
                title: "Kita", question: "Wie bekomme ich einen Platz in der Kita?",
                body: "Mit dem Auto oder dem Handy melden Sie sich an. Wir hauen nichts um."),
        ])
        let vocabulary = try #require(result.knowledgeBase.map { Matcher(knowledgeBase: $0).indexes["de"]!.vocabulary })
        #expect(vocabulary.sPluralStem(of: token) == singular.map(vocabulary.stem(of:)))
    }

    @Test("a word that is no verb form of a known verb finds nothing", arguments: ["gaube", "markt", "rente", "test"])
    func noVerb(_ word: String) throws {
        #expect(try #require(Self.vocabulary).infinitiveStem(of: word) == nil)
    }

    /// `exact`: the particle verb itself; else the known participle without the particle (its nuance lost).
    @Test("a separable verb's participle reaches the particle verb, else the participle without its particle", arguments: [
        ("abgeholt", "abholen", true),
        ("abzuholen", "abholen", true),
        ("hergezogen", "gezogen", false),
        ("weggezogen", "gezogen", false),
    ])
    func separableParticiple(_ form: String, _ base: String, _ exact: Bool) throws {
        let vocabulary = try #require(Self.vocabulary)
        let found = exact ? vocabulary.separableStem(of: form) : vocabulary.participleWithoutParticle(of: form)
        #expect(found == vocabulary.stem(of: base))
    }
}

@Suite("Separable verbs with the particle apart")
struct StrandedParticleTests {
    static func separated(_ text: String) throws -> [String: [String]] {
        let matcher = try SampleCity.requireMatcher()
        return try #require(matcher.indexes["de"]).vocabulary.separatedVerbStems(matcher.particles(in: TextNormalizer.tokens(text)))
    }

    static func stem(_ word: String) throws -> String {
        try #require(SampleCity.requireMatcher().indexes["de"]).vocabulary.stem(of: word)
    }

    @Test("a particle belongs to the nearest verb before it that forms a known verb with it")
    func nearestVerbBefore() throws {
        #expect(try Self.separated("Wie melde ich den Wagen ab?") == ["melde": [Self.stem("abmelden")]])
        // "auf dem Spielplatz" is no particle of "gebe"; "ab" is abgeben's, not that of the later "meldet".
        #expect(
            try Self.separated("Habe auf dem Spielplatz ein Handy gefunden. Wo gebe ich das ab, wenn sich niemand meldet?")
                == ["gebe": [Self.stem("abgeben")]])
        #expect(try Self.separated("Ab wann kann ich mich anmelden?") == [:])
        // A noun between verb and particle is no verb: not "anwohnen" (the stem of "Anwohner").
        #expect(try Self.separated("wo melde ich meine wohnung an") == ["melde": [Self.stem("anmelden")]])
        // The form the base has ("abholt") and the infinitive it is a form of.
        #expect(try Self.separated("Wo holt man den Pass ab?") == ["holt": [Self.stem("abholt"), Self.stem("abholen")]])
    }

    @Test("on the sample city, a verb with its particle apart finds its topic", arguments: [
        // A find handed in: not the later verb's abmelden (street damage was offered first).
        ("Auf dem Spielplatz lag ein Schlüssel. Wo gebe ich ihn ab, falls sich keiner meldet?", "fundbuero"),
        // "abholt" is a word of the lost property text; abholen is collecting one's passport.
        ("Wo holt man den Pass ab?", "ausweis-abholen"),
        // A strong verb: "läuft … ab" is not the noun "Ablauf".
        ("Mein Ausweis läuft nächsten Monat ab", "personalausweis"),
        // "Wohnung an" answered the resident parking permit ("Anwohner").
        ("Wo melde ich meine Wohnung an?", "wohnsitz-anmelden"),
    ])
    func particleVerbFindsTopic(_ text: String, _ topic: String) throws {
        try SampleCity.expectTopic(text, topic, firstChoice: true)
    }
}
