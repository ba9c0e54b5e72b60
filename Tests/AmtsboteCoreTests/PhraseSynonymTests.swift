import Testing

@testable import AmtsboteCore

/// A single word that city.yaml lists with a multi-word synonym stands for that phrase too:
/// "Personalausweis" in an English message reaches the topics that say "ID card".
@Suite("Single words for multi-word synonyms")
struct PhraseSynonymTests {
    static let city = TempKnowledgeBase.validCity + """
        synonyms:
          en:
            - [id card, personalausweis]

        """

    static func topic(_ title: String, _ question: String, _ body: String) -> String {
        TempKnowledgeBase.topic(title: title, question: question, body: body)
    }

    static func matcher() throws -> Matcher {
        let result = try TempKnowledgeBase.load(city: city, [
            "topics/t/verloren.de.md": topic("Ausweis verloren", "Ich habe meinen Ausweis verloren", "Melden Sie den Verlust im Bürgerbüro."),
            "topics/t/verloren.en.md": topic("Lost ID card", "I lost my ID card, what now?", "Report the lost card at the citizens' office."),
            "topics/t/fund.de.md": topic("Fundbüro", "Ich habe meinen Schirm im Bus verloren", "Fragen Sie im Fundbüro nach."),
            "topics/t/fund.en.md": topic("Lost property", "I lost my umbrella on the bus", "Ask at the lost property office and bring your ID."),
        ])
        return Matcher(knowledgeBase: try #require(result.knowledgeBase, "\(result.errors)"))
    }

    @Test("the word reaches the topic that has every word of its phrase")
    func singleWordMeansThePhrase() throws {
        let r = try Self.matcher().match("I lost my Personalausweis", language: "en")
        #expect(r.outcome == .answer && r.topic == "verloren", "\(r)")
    }

    @Test("the word counts for a sample question that has every word of its phrase")
    func singleWordNearsTheSampleQuestion() throws {
        let r = try Self.matcher().match("I lost my Personalausweis", language: "en")
        let lost = try #require(r.candidates.first { $0.id == "verloren" }, "\(r)")
        // "I lost my ID card, what now?" says both words of the message; without the phrase
        // only "lost" would be shared (0.18).
        #expect(lost.questionSimilarity > 0.8, "\(lost)")
        let property = r.candidates.first { $0.id == "fund" }?.questionSimilarity ?? 0
        #expect(property < 0.5, "\(r.candidates)")
    }

    @Test("a topic with only some of the phrase's words gets nothing from it")
    func partOfThePhraseIsNotEnough() throws {
        let text = try Self.matcher().explain("I lost my Personalausweis", language: "en")
        let line = try #require(text.split(separator: "\n").first { $0.contains("id+card") }, "\(text)")
        #expect(line.contains("fund 0.00"), "\(line)")
    }
}
