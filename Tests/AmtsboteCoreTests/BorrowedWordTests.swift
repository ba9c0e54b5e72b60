import Testing

@testable import AmtsboteCore

/// Words of the city's other language used as they stand: newcomers writing English say
/// "Standesamt", "Ausweis" or "Anmeldung", words the English texts do not have.
@Suite("Borrowed words")
struct BorrowedWordTests {
    static func topic(_ title: String, _ question: String, keywords: String = "", body: String) -> String {
        TempKnowledgeBase.topic(title: title, question: question, extra: keywords.isEmpty ? "" : "keywords: [\(keywords)]\n", body: body)
    }

    static let files: [String: String] = [
        "topics/t/heiraten.de.md": topic(
            "Heiraten", "Wie melden wir die Eheschließung beim Standesamt an?", keywords: "heiraten, standesamt, trauung",
            body: "Die Eheschließung melden Sie beim Standesamt an."),
        "topics/t/heiraten.en.md": topic(
            "Getting married", "How do we register our wedding?", keywords: "wedding, marriage",
            body: "Register your wedding in person; bring your birth certificates."),
        "topics/t/abholen.de.md": topic(
            "Ausweis abholen", "Ist mein Ausweis fertig?", keywords: "ausweis abholen",
            body: "Ihren fertigen Ausweis holen Sie im Bürgerbüro ab."),
        "topics/t/abholen.en.md": topic(
            "Collect your ID card", "Is my ID card ready for collection?", keywords: "collect id card",
            body: "Collect your new ID card at the citizens' office once you have the letter."),
        "topics/t/bauland.de.md": topic(
            "Bauland", "Verkauft die Stadt Bauland?", keywords: "land, bauland, grundstück",
            body: "Die Stadt verkauft Bauland an Familien."),
        "topics/t/bauland.en.md": topic(
            "Building plots", "Does the city sell building plots?", keywords: "building plot, plot",
            body: "The city sells building plots to families."),
    ]

    static func matcher() throws -> Matcher {
        let result = try TempKnowledgeBase.load(files)
        return Matcher(knowledgeBase: try #require(result.knowledgeBase, "\(result.errors)"))
    }

    @Test("a word only the other language's texts have counts for the topics that have it", arguments: [
        ("Where is the Standesamt?", "heiraten"),
        ("Is my Ausweis ready?", "abholen"),
    ])
    func borrowedWordDecides(_ text: String, _ expected: String) throws {
        let r = try Self.matcher().match(text, language: "en")
        #expect(r.outcome == .answer && r.topic == expected, "\(r)")
    }

    @Test("an everyday word of the message's language is not read as the other language's word")
    func everydayWordIsNotBorrowed() throws {
        // "Land" is a German word too (and the German texts have it), but everyday English.
        let text = try Self.matcher().explain("How much land does a farmer need?", language: "en")
        #expect(!text.contains("@de"), "\(text)")
    }

    @Test("explain names the borrowed word and its language")
    func explainShowsBorrowedWord() throws {
        let text = try Self.matcher().explain("Where is the Standesamt?", language: "en")
        #expect(text.contains("standesamt@de"), "\(text)")
    }
}
