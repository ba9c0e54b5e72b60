import Foundation
import Testing

@testable import AmtsboteCore

/// Editing slips YAML accepts without complaint, and errors that used to blame the wrong file.
/// Topic files of `TempKnowledgeBase.topic` have the question on line 4 and `extra` from line 5 on.
@Suite("Knowledge base: editors' slips")
struct KnowledgeEditorMistakesTests {
    typealias KB = TempKnowledgeBase

    @Test("a question indented deeper than the one above is an error on its line (YAML joined the two)")
    func overIndentedItem() throws {
        let result = try KB.load(["topics/thema.de.md": KB.topic(extra: "    - Was kostet das?\n")])
        let error = try #require(result.only(.error, containing: "indented deeper"))
        #expect(error.file == "topics/thema.de.md" && error.line == 5)
        // Links: a deeper `url:` under `- title:` is no item; lists under a key are fine.
        let fine = try KB.load(["topics/thema.de.md": KB.topic(
            extra: "links:\n  - title: Termin\n    url: https://example.org\nrelated:\n  - thema\n")])
        #expect(fine.errors.isEmpty, "\(fine.errors)")
    }

    @Test("a field one or two letters off a known one is a warning naming the field meant", arguments: [
        ("keyword: [perso]\n", "`keyword`", "`keywords`"),
        ("titel: Thema\n", "`titel`", "`title`"),
        ("ofice: buero\n", "`ofice`", "`office`"),
    ])
    func misspelledField(_ extra: String, _ found: String, _ meant: String) throws {
        let result = try KB.load(["topics/thema.de.md": KB.topic(extra: extra)])
        let warning = try #require(result.only(.warning, containing: found))
        #expect(warning.message.contains(meant) && warning.line == 5)
    }

    @Test("other extra fields stay allowed without a word (the format permits them)")
    func extraFields() throws {
        let result = try KB.load(["topics/thema.de.md": KB.topic(extra: "notes: intern\nowner: presse\n")])
        #expect(!result.diagnostics.contains { $0.message.contains("unknown field") }, "\(result.diagnostics)")
    }

    @Test("an empty question item is a warning on its line")
    func emptyQuestion() throws {
        let result = try KB.load(["topics/thema.de.md": KB.topic(question: "Wie geht das?\n  -")])
        #expect(try #require(result.only(.warning, containing: "empty question")).line == 5)
    }

    @Test("an unreadable default-language file is reported once, not also as missing on its translation")
    func noFollowOnError() throws {
        let result = try KB.load([
            "topics/a/thema.de.md": KB.topic(extra: "office: buero: zwei\n"),
            "topics/a/thema.en.md": KB.topic(title: "Topic", question: "How does it work?"),
        ])
        #expect(result.errors.count == 1 && result.errors.first?.file == "topics/a/thema.de.md", "\(result.errors)")
    }
}
