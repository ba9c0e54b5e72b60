import Testing

@testable import AmtsboteCore

/// How compound words weigh: a compound is about what its last part names, qualified by the
/// parts before it ("Ausländerbehörde" is an authority, but not every topic that mentions one).
@Suite("Compound words")
struct CompoundMatchingTests {
    let taxes = [
        "hundesteuer": TempKnowledgeBase.topic(
            title: "Hundesteuer", question: "Wie hoch ist die Steuer für einen Hund?",
            body: "Die Hundesteuer zahlen Sie jährlich an das Steueramt."),
        "grundsteuer": TempKnowledgeBase.topic(
            title: "Grundsteuer", question: "Wann ist die Grundsteuer fällig?",
            body: "Die Grundsteuer zahlen Eigentümer für ihren Grund und Boden."),
        "friedhof": TempKnowledgeBase.topic(
            title: "Friedhof", question: "Was kostet ein Wahlgrab?", extra: "keywords: [wahlgrab, urnengrab]\n",
            body: "Ein Wahlgrab können Sie verlängern."),
        "wahlen": TempKnowledgeBase.topic(
            title: "Wahlen und Briefwahl", question: "Wie beantrage ich Briefwahl?",
            body: "Die Briefwahl beantragen Sie mit der Wahlbenachrichtigung."),
    ]

    @Test("one word that several topics name equally gets a choice, though one topic's question says the word alone")
    func oneWordSeveralTopics() throws {
        // "Steuer" stands alone in a question of the dog tax only; that makes the question
        // nearer, not the citizen's meaning clearer.
        let r = try TempKnowledgeBase.matcher(taxes).match("Steuer", language: "de")
        #expect(r.outcome == .clarify, "\(r)")
        #expect(Set(r.candidates.map(\.id)) == ["hundesteuer", "grundsteuer"], "\(r.candidates)")
    }

    @Test("the same word inside a question is answered as before when the question decides", arguments: [
        ("Wie hoch ist die Steuer für einen Hund?", "hundesteuer"),
        ("Wann ist die Grundsteuer fällig?", "grundsteuer"),
    ])
    func sentencesStillDecide(_ text: String, _ expected: String) throws {
        let r = try TempKnowledgeBase.matcher(taxes).match(text, language: "de")
        #expect(r.outcome == .answer && r.topic == expected, "\(r)")
    }

    @Test("one word that a topic has only as the first part of a compound does not make that topic a choice")
    func modifierIsNoChoice() throws {
        // The cemetery has "Wahl" only in "Wahlgrab"; the elections have it as a word.
        let r = try TempKnowledgeBase.matcher(taxes).match("Wahl", language: "de")
        #expect(r.outcome == .answer && r.topic == "wahlen", "\(r)")
    }

    @Test("a topic that knows only a compound's last part does not explain the compound")
    func headAloneExplainsNothing() throws {
        let topics = [
            "fuehrungszeugnis": TempKnowledgeBase.topic(
                title: "Führungszeugnis", question: "Führungszeugnis für eine Behörde",
                extra: "keywords: [führungszeugnis, behörde]\n", body: "Das Zeugnis geht direkt an die Behörde."),
            "abmelden": TempKnowledgeBase.topic(
                title: "Wohnsitz abmelden", question: "Ich ziehe ins Ausland",
                body: "Wer ins Ausland zieht, meldet sich ab. Das gilt auch für Ausländer."),
        ]
        let matcher = try TempKnowledgeBase.matcher(topics)
        let r = matcher.match("Wo ist die Ausländerbehörde?", language: "de")
        #expect(r.topic != "fuehrungszeugnis", "\(r)")
        #expect(r.candidates.first { $0.id == "fuehrungszeugnis" } == nil, "\(r.candidates)")
        // The parts as words of their own still count.
        let words = matcher.match("Führungszeugnis für eine Behörde", language: "de")
        #expect(words.outcome == .answer && words.topic == "fuehrungszeugnis", "\(words)")
    }
}

/// A word the city lists among synonyms is not taken apart as a compound.
@Suite("Compound words with synonyms")
struct CompoundSynonymTests {
    @Test("a synonym from city.yaml is what the word means: \"backyard\" is a garden, not \"back\" + \"yard\"")
    func synonymBeforeSplit() throws {
        let city = TempKnowledgeBase.validCity + """
            synonyms:
              en:
                - [garden, backyard]

            """
        let files = [
            "topics/t/baum.de.md": TempKnowledgeBase.topic(title: "Baum fällen", body: "Baum im Garten."),
            "topics/t/baum.en.md": TempKnowledgeBase.topic(
                title: "Tree felling", question: "May I cut down a tree in my garden?",
                body: "Cutting down a tree in your garden needs a permit."),
            "topics/t/hof.de.md": TempKnowledgeBase.topic(title: "Hof", body: "Parken im Hof."),
            "topics/t/hof.en.md": TempKnowledgeBase.topic(
                title: "Yard parking", question: "Can I park in the back yard?",
                body: "Staff park in the back yard of the town hall; the yard is closed at night."),
        ]
        let base = try #require(try TempKnowledgeBase.load(city: city, files).knowledgeBase)
        let r = Matcher(knowledgeBase: base).match("Can I cut down the big tree in my backyard?", language: "en")
        #expect(r.outcome == .answer && r.topic == "baum", "\(r)")
        #expect(!r.candidates.contains { $0.id == "hof" }, "\(r.candidates)")
    }
}
