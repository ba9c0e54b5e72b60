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
