import Foundation
import Testing

@testable import AmtsboteCore

/// `kb check --questions`: sample questions asked on their own.
@Suite("Sample question check")
struct SampleQuestionCheckTests {
    @Test("a sample question that leads to another topic is reported with its file and line")
    func collidingQuestion() throws {
        let sperrmuell = """
            ---
            title: Sperrmüll anmelden
            questions:
              - Wie melde ich Sperrmüll an?
              - Wann wird die Biotonne geleert?
            keywords: [sperrmüll]
            ---
            Sperrmüll melden Sie online an.
            """
        let tonne = """
            ---
            title: Abfuhrtermine
            questions:
              - Wann wird die Biotonne geleert?
              - Wann kommt die Müllabfuhr?
            keywords: [biotonne, abfuhrtermine]
            ---
            Die Biotonne wird alle zwei Wochen geleert.
            """
        let chat = TempKnowledgeBase.topic(title: "Chat", question: "Hallo", body: "Das ist der Chat.")
        let result = try TempKnowledgeBase.load([
            "topics/sperrmuell.de.md": sperrmuell, "topics/abfuhr.de.md": tonne, "topics/chat.de.md": chat,
        ])
        let base = try #require(result.knowledgeBase)
        let warnings = Matcher(knowledgeBase: base).sampleQuestionDiagnostics()
        let collision = try #require(warnings.first { $0.file == "topics/sperrmuell.de.md" })
        #expect(collision.line == 5)
        #expect(collision.severity == .warning)
        #expect(collision.message.hasPrefix("sample question \"Wann wird die Biotonne geleert?\" is answered with topic `abfuhr`"))
        let greeting = try #require(warnings.first { $0.file == "topics/chat.de.md" })
        #expect(greeting.line == 4)
        #expect(greeting.message == "sample question \"Hallo\" reads as small talk (greeting)")
        // Every other question leads to its own topic.
        #expect(warnings.count == 2, "\(warnings)")
    }

    @Test("a sample question with an emergency word is fine when its topic's answer follows the emergency text")
    func emergencyWords() throws {
        let lost = TempKnowledgeBase.topic(
            title: "Ausweis verloren", question: "Notfall, ich habe meinen Ausweis verloren",
            extra: "  - Notfall!\nkeywords: [ausweis verloren]\n", body: "Melden Sie den Verlust im Bürgerbüro.")
        let result = try TempKnowledgeBase.load(["topics/verloren.de.md": lost])
        let warnings = Matcher(knowledgeBase: try #require(result.knowledgeBase)).sampleQuestionDiagnostics()
        #expect(warnings.map(\.description) == [
            "topics/verloren.de.md:5: warning: sample question \"Notfall!\" reads as an emergency (the emergency message is sent, and nothing else)"
        ])
    }

    @Test("titles count as sample questions and are reported with their line")
    func title() throws {
        let result = try TempKnowledgeBase.load([
            "topics/dank.de.md": TempKnowledgeBase.topic(title: "Danke", question: "Wie bedanke ich mich bei der Stadt?"),
        ])
        let warnings = Matcher(knowledgeBase: try #require(result.knowledgeBase)).sampleQuestionDiagnostics()
        #expect(warnings.map(\.description) == ["topics/dank.de.md:2: warning: title \"Danke\" reads as small talk (thanks)"])
    }

    @Test("on a base whose questions all lead to their topics there is nothing to report")
    func cleanBase() throws {
        #expect(try MiniCity.requireMatcher().sampleQuestionDiagnostics() == [])
    }
}
