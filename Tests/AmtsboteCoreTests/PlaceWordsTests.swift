import Testing

@testable import AmtsboteCore

/// Countries, nationalities and relatives say where from or for whom, rarely what about: they
/// weigh little, are never split as compounds or "corrected", and do not lead a follow-up away.
@Suite("Places and people in a message")
struct PlaceWordsTests {
    let base = [
        "anmelden": TempKnowledgeBase.topic(
            title: "Wohnung anmelden", question: "Wie melde ich meine neue Wohnung an?",
            body: "Die Wohnung melden Sie im Bürgerbüro an."),
        "tonne": TempKnowledgeBase.topic(
            title: "Große Mülltonne", question: "Wie bestelle ich eine große Tonne?",
            body: "Eine große Tonne kostet mehr als eine kleine."),
        "mutterschutz": TempKnowledgeBase.topic(
            title: "Mutterschutz", question: "Wie lange dauert der Mutterschutz für eine Mutter?",
            body: "Jede werdende Mutter hat Anspruch auf Mutterschutz."),
        "ausweis": TempKnowledgeBase.topic(
            title: "Personalausweis", question: "Wie beantrage ich einen Personalausweis?",
            body: "Den Ausweis beantragen Sie im Bürgerbüro."),
    ]

    @Test("on the sample city, a country unknown to the base costs little confidence; another rare unknown word costs more")
    func countryWeighsLittle() throws {
        // "Kamerun" is in the lexicon's places but not in the sample city's synonyms for "Ausland".
        let matcher = try SampleCity.requireMatcher()
        let question = "Wie melde ich meine neue Wohnung in Beispielstadt an?"
        let plain = matcher.match(question, language: "de")
        let country = matcher.match("Ich komme aus Kamerun. " + question, language: "de")
        let rare = matcher.match("Ich komme aus Quantenphysik. " + question, language: "de")
        #expect(country.outcome == .answer && country.topic == plain.topic, "\(MatcherTests.describe(country))")
        let (p, c, r) = (plain.confidence, country.confidence, rare.confidence)
        #expect(c > r + 0.05, "country \(c), rare word \(r)")
        #expect(c > 0.75 * p, "country \(c), without it \(p)")
    }

    @Test("a relative's name is no compound: \"Großmutter\" is no big bin", arguments: [
        "Meine Großmutter braucht einen Personalausweis",
        "Mein Großvater braucht einen Personalausweis",
    ])
    func relativeIsNoCompound(_ text: String) throws {
        let r = try TempKnowledgeBase.matcher(base).match(text, language: "de")
        #expect(r.outcome == .answer && r.topic == "ausweis", "\(r)")
        #expect(!r.candidates.contains { $0.id == "tonne" || $0.id == "mutterschutz" }, "\(r.candidates)")
    }

    @Test("on the sample city, inflected relatives weigh as little as the plain word", arguments: [
        ("de", ["sohnes", "söhne", "töchter", "vaters", "mütter", "freunde"]),
        ("en", ["sons", "daughters", "wives", "friends"]),
    ])
    func inflectedRelatives(_ language: String, _ words: [String]) throws {
        let matcher = try SampleCity.requireMatcher()
        let index = try #require(matcher.indexes[language])
        for word in words {
            let tokens = matcher.queryTokens([word], in: index)
            #expect(tokens.count == 1 && tokens[0].weight <= matcher.configuration.peopleWeightCap, "\(word): \(tokens.map(\.weight))")
        }
    }

    @Test("on the sample city, a country stands for abroad (city.yaml) and a follow-up naming one stays with the topic", arguments: [
        ("und wenn ich nach Spanien ziehe?", "wohnsitz-abmelden"),
        ("and what if I move to Spain?", "wohnsitz-abmelden"),
        ("Und mit einem Auto aus Italien?", "kfz-zulassung"),
    ])
    func followUpWithACountry(_ text: String, _ context: String) throws {
        let r = try SampleCity.requireMatcher().match(text, contextTopic: context)
        #expect(r.outcome == .answer && r.topic == context, "\(text) → \(MatcherTests.describe(r))")
    }

    @Test("on the sample city, questions naming a country go to the topic about it", arguments: [
        ("I just moved here from Spain. How do I register my new address and what do I need to bring?", "wohnsitz-anmelden"),
        ("My fiancée is German and I'm American. What paperwork do we need to get married here?", "eheschliessung"),
        (
            "Mein Reisepass ist nur noch vier Monate gültig, für die Einreise nach Ägypten brauche ich aber sechs Monate. Wie schnell bekomme ich einen neuen?",
            "reisepass"
        ),
    ])
    func countryQuestions(_ text: String, _ topic: String) throws {
        try SampleCity.expectTopic(text, topic)
    }
}
