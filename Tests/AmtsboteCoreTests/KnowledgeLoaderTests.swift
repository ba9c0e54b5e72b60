import Foundation
import Testing

@testable import AmtsboteCore

/// `KnowledgeLoader` diagnostics on small bases built in a temporary folder. Topic files made by
/// `TempKnowledgeBase.topic` have `---` on line 1, `title` on 2, `questions` on 3, the question on 4,
/// and `extra` front-matter lines from line 5 on.
@Suite("Knowledge loader")
struct KnowledgeLoaderTests {
    typealias KB = TempKnowledgeBase

    /// `validCity` with its Monday hours line (line 8) replaced.
    static func city(mondayLine: String) -> String {
        KB.validCity.replacingOccurrences(of: "      mon: \"08:00-12:00\"", with: mondayLine)
    }

    @Test("a valid two-language base loads without diagnostics")
    func validBase() throws {
        let result = try KB.load([
            "topics/a/thema.de.md": KB.topic(extra: "office: buero\nrelated: [anderes]\n"),
            "topics/a/thema.en.md": KB.topic(title: "Topic", question: "How does it work?", body: "Answer."),
            "topics/b/anderes.de.md": KB.topic(title: "Anderes", question: "Was ist das andere?"),
            "topics/b/anderes.en.md": KB.topic(title: "Other", question: "What is the other one?"),
        ])
        #expect(result.diagnostics.isEmpty, "\(result.diagnostics)")
        let base = try #require(result.knowledgeBase)
        #expect(base.topics.map(\.id) == ["anderes", "thema"])
        #expect(base.topic("thema")?.office == "buero")
        #expect(base.topic("thema")?.category == "a")
        #expect(base.topic("thema")?.translations.keys.sorted() == ["de", "en"])
    }

    @Test("YAML syntax error in city.yaml names its line")
    func cityYAMLError() throws {
        let city = KB.validCity.replacingOccurrences(of: "timezone: Europe/Berlin", with: "timezone: Europe: Berlin")
        let result = try KB.load(city: city, ["topics/thema.de.md": KB.topic()])
        let error = try #require(result.errors.first { $0.file == "city.yaml" })
        #expect(error.line == 3)
        #expect(error.message.contains("YAML"))
        #expect(result.knowledgeBase == nil)
    }

    @Test("YAML syntax error in a topic's front matter names the file line")
    func topicYAMLError() throws {
        let result = try KB.load(["topics/thema.de.md": KB.topic(extra: "office: buero: zwei\n")])
        let errors = result.diagnostics(.error, in: "topics/thema.de.md")
        #expect(errors.count == 1)
        #expect(errors.first?.line == 5)
        #expect(errors.first?.message.contains("YAML") == true)
    }

    @Test("missing title, questions or answer body", arguments: [
        ("---\nquestions:\n  - Wie geht das?\n---\nAntwort.\n", 2, "missing `title`"),
        ("---\ntitle: \"\"\nquestions:\n  - Wie geht das?\n---\nAntwort.\n", 2, "missing `title`"),
        ("---\ntitle: Thema\nquestions: []\n---\nAntwort.\n", 3, "missing `questions`"),
        ("---\ntitle: Thema\nkeywords: [a]\n---\nAntwort.\n", 2, "missing `questions`"),
        ("---\ntitle: Thema\nquestions:\n  - Wie geht das?\n---\n\n  \n", 5, "missing answer text"),
    ])
    func missingFields(_ text: String, _ line: Int, _ message: String) throws {
        let result = try KB.load(["topics/x/thema.de.md": text])
        let errors = result.diagnostics(.error, in: "topics/x/thema.de.md")
        #expect(errors.count == 1, "\(errors)")
        #expect(errors.first?.line == line)
        #expect(errors.first?.message.contains(message) == true, "\(errors)")
        #expect(result.knowledgeBase == nil)
    }

    @Test("front matter not opened or not closed")
    func frontMatterFences() throws {
        let result = try KB.load([
            "topics/offen.de.md": "title: Thema\n---\nAntwort.\n",
            "topics/zu.de.md": "---\ntitle: Thema\nquestions: [Wie?]\nAntwort.\n",
        ])
        #expect(result.diagnostics(.error, in: "topics/offen.de.md").map(\.line) == [1])
        #expect(result.diagnostics(.error, in: "topics/zu.de.md").map(\.line) == [1])
    }

    @Test("the same id in two folders is an error on the second file")
    func duplicateID() throws {
        let result = try KB.load([
            "topics/a/doppelt.de.md": KB.topic(question: "Erste Frage?"),
            "topics/b/doppelt.de.md": KB.topic(question: "Zweite Frage?"),
        ])
        let error = try #require(result.only(.error, containing: "duplicate topic id `doppelt`"))
        #expect(error.file == "topics/b/doppelt.de.md")
        #expect(error.line == 1)
        #expect(error.message.contains("topics/a/doppelt.de.md"))
    }

    @Test("unknown office names the office line")
    func unknownOffice() throws {
        let result = try KB.load(["topics/thema.de.md": KB.topic(extra: "office: nirgendwo\n")])
        let error = try #require(result.only(.error, containing: "unknown office `nirgendwo`"))
        #expect(error.file == "topics/thema.de.md")
        #expect(error.line == 5)
        #expect(error.message.contains("buero"))  // lists the known offices
    }

    @Test("unknown related id names the line of that id")
    func unknownRelated() throws {
        let result = try KB.load([
            "topics/thema.de.md": KB.topic(extra: "related:\n  - anderes\n  - gibtsnicht\n"),
            "topics/anderes.de.md": KB.topic(title: "Anderes", question: "Und das andere?", extra: "related: [thema, fehlt]\n"),
        ])
        let block = try #require(result.only(.error, containing: "`gibtsnicht`"))
        #expect(block.file == "topics/thema.de.md")
        #expect(block.line == 7)
        let flow = try #require(result.only(.error, containing: "`fehlt`"))
        #expect(flow.file == "topics/anderes.de.md")
        #expect(flow.line == 5)
        #expect(result.errors.count == 2)
    }

    @Test("bad opening hours name the hours line", arguments: [
        ("      mon: \"8-12\"", "8-12"),
        ("      mon: \"25:00-26:00\"", "25:00-26:00"),
        ("      mon: \"12:00-08:00\"", "12:00-08:00"),
        ("      mon: \"08:00-12:00, 14:00-1800\"", "14:00-1800"),
        ("      mon: \"08:00 bis 12:00\"", "08:00 bis 12:00"),
    ])
    func badHours(_ mondayLine: String, _ bad: String) throws {
        let result = try KB.load(city: Self.city(mondayLine: mondayLine), ["topics/thema.de.md": KB.topic()])
        let error = try #require(result.only(.error, containing: "bad hours `\(bad)`"), "\(result.diagnostics)")
        #expect(error.file == "city.yaml")
        #expect(error.line == 8)
        #expect(result.errors.count == 1)
    }

    @Test("an unknown day name names its line")
    func badDay() throws {
        let result = try KB.load(city: Self.city(mondayLine: "      montag: \"08:00-12:00\""), ["topics/thema.de.md": KB.topic()])
        let error = try #require(result.only(.error, containing: "unknown day `montag`"))
        #expect(error.file == "city.yaml")
        #expect(error.line == 8)
    }

    @Test("bad closed dates name their line", arguments: [
        ("    closed: [\"2026-12-24\", \"2026-02-30\"]", "2026-02-30", 9),
        ("    closed:\n      - 2026-12-24\n      - 24.12.2026", "24.12.2026", 11),
        ("    closed: [\"2026-1-6\"]", "2026-1-6", 9),
    ])
    func badClosed(_ closedLines: String, _ bad: String, _ line: Int) throws {
        let city = Self.city(mondayLine: "      mon: \"08:00-12:00\"\n" + closedLines)
        let result = try KB.load(city: city, ["topics/thema.de.md": KB.topic()])
        let error = try #require(result.only(.error, containing: "bad date `\(bad)`"), "\(result.diagnostics)")
        #expect(error.file == "city.yaml")
        #expect(error.line == line)
        #expect(result.errors.count == 1)
    }

    @Test("bad validity dates", arguments: [
        ("valid_from: 2026-13-01\n", 5, "`valid_from` must be a date"),
        ("valid_from: 1.12.2026\n", 5, "`valid_from` must be a date"),
        ("valid_until: 2026-02-29\n", 5, "`valid_until` must be a date"),
        ("valid_from: 2026-12-01\nvalid_until: 2026-11-30\n", 6, "is before `valid_from`"),
    ])
    func badValidity(_ extra: String, _ line: Int, _ message: String) throws {
        let result = try KB.load(["topics/thema.de.md": KB.topic(extra: extra)])
        let error = try #require(result.only(.error, containing: message), "\(result.diagnostics)")
        #expect(error.file == "topics/thema.de.md")
        #expect(error.line == line)
    }

    @Test("a valid window is kept on the topic")
    func validWindow() throws {
        let result = try KB.load(["topics/markt.de.md": KB.topic(extra: "valid_from: 2026-11-20\nvalid_until: 2026-12-23\n")])
        let topic = try #require(result.knowledgeBase?.topic("markt"))
        #expect(topic.validFrom == "2026-11-20" && topic.validUntil == "2026-12-23")
        #expect(topic.isValid(onDay: "2026-11-20") && topic.isValid(onDay: "2026-12-23"))
        #expect(!topic.isValid(onDay: "2026-11-19") && !topic.isValid(onDay: "2026-12-24"))
    }

    @Test("a topic without a file in the default language is an error")
    func missingDefaultLanguage() throws {
        let result = try KB.load([
            "topics/a/thema.de.md": KB.topic(),
            "topics/b/nurenglisch.en.md": KB.topic(title: "Only English", question: "Is this English?"),
        ])
        let error = try #require(result.only(.error, containing: "`nurenglisch`"))
        #expect(error.file == "topics/b/nurenglisch.en.md")
        #expect(error.line == 1)
        #expect(error.message.contains("nurenglisch.de.md"))
        #expect(result.knowledgeBase == nil)
    }

    @Test("a missing translation is only a warning")
    func missingTranslation() throws {
        let result = try KB.load(["topics/a/thema.de.md": KB.topic()])
        #expect(result.errors.isEmpty)
        let warning = try #require(result.only(.warning, containing: "no `en` translation"))
        #expect(warning.file == "topics/a/thema.de.md")
        #expect(warning.message.contains("thema.en.md"))
        #expect(result.knowledgeBase?.topic("thema") != nil)
    }

    static let sharedQuestionFiles = [
        "topics/eins.de.md": KB.topic(title: "Eins", question: "Wie geht das?"),
        "topics/zwei.de.md": KB.topic(title: "Zwei", question: "wie geht das"),  // same after case and punctuation
    ]

    @Test("two topics sharing a sample question is a warning")
    func sharedQuestion() throws {
        let result = try KB.load(Self.sharedQuestionFiles)
        #expect(result.errors.isEmpty)
        let warning = try #require(result.only(.warning, containing: "is also in topic `eins`"))
        #expect(warning.file == "topics/zwei.de.md")
        #expect(warning.message.contains("topics/eins.de.md"))
    }

    @Test(
        "the shared-question warning names the question's line",
    )
    func sharedQuestionLine() throws {
        let result = try KB.load(Self.sharedQuestionFiles)
        let warning = try #require(result.only(.warning, containing: "is also in topic `eins`"))
        #expect(warning.line == 4)
    }

    @Test("file names that are not <id>.<lang>.md are errors", arguments: [
        "topics/Personalausweis.de.md",
        "topics/notizen.md",
        "topics/thema.deutsch.md",
        "topics/a/thema.de.en.md",
        "topics/mein thema.de.md",
    ])
    func badFileName(_ path: String) throws {
        let result = try KB.load(["topics/ok.de.md": KB.topic(), path: KB.topic(title: "X", question: "Warum nicht?")])
        let errors = result.diagnostics(.error, in: path)
        #expect(errors.count == 1, "\(result.diagnostics)")
        #expect(errors.first?.message.contains("<id>.<lang>.md") == true)
        #expect(result.errors.count == 1)
    }

    @Test("the sample knowledge base loads cleanly with exactly the catalog's topics")
    func sampleBase() throws {
        let result = KnowledgeLoader.load(directory: RepoPaths.sampleKnowledge)
        #expect(result.errors.isEmpty, "\(result.errors.map(\.description).joined(separator: "\n"))")
        let base = try #require(result.knowledgeBase)

        let catalog = try String(contentsOfFile: RepoPaths.catalog, encoding: .utf8)
        let catalogIDs = catalog.split(separator: "\n").dropFirst().compactMap { $0.split(separator: "\t").first.map(String.init) }
        #expect(catalogIDs.count == 51)
        #expect(Set(base.topics.map(\.id)) == Set(catalogIDs))
        #expect(base.topics.count == 51)

        let withoutGerman = base.topics.filter { $0.translations["de"] == nil }.map(\.id)
        #expect(withoutGerman.isEmpty, "\(withoutGerman)")
        #expect(base.topics.filter { $0.translations["en"] != nil }.count >= 20)
        for topic in base.topics {
            if let office = topic.office { #expect(base.city.offices[office] != nil, "\(topic.id): \(office)") }
        }
    }
}
