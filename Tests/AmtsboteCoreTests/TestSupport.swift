import Foundation
import Testing

@testable import AmtsboteCore

/// Paths of the repository and the shared folder next to it, found from this source file.
enum RepoPaths {
    /// `/…/main` — this file is `Tests/AmtsboteCoreTests/TestSupport.swift`.
    static let root = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    static let sampleKnowledge = root.appendingPathComponent("knowledge").path
    static let shared = root.deletingLastPathComponent().appendingPathComponent("shared")
    static let catalog = shared.appendingPathComponent("catalog.tsv").path
    static let devQuestions = shared.appendingPathComponent("eval/dev-questions.tsv").path
}

/// The fictional city in `Fixtures/mini-city`, loaded once.
enum MiniCity {
    static var path: String {
        Bundle.module.url(forResource: "Fixtures", withExtension: nil)!.appendingPathComponent("mini-city").path
    }

    static let loadResult = KnowledgeLoader.load(directory: path)
    static let matcher: Matcher? = loadResult.knowledgeBase.map { Matcher(knowledgeBase: $0) }

    static func base() throws -> KnowledgeBase {
        try #require(loadResult.knowledgeBase, "mini-city does not load: \(loadResult.errors)")
    }

    static func requireMatcher() throws -> Matcher {
        try #require(matcher, "mini-city does not load: \(loadResult.errors)")
    }
}

/// The repository's sample city, loaded and indexed once for every test that asks it.
enum SampleCity {
    static let loadResult = KnowledgeLoader.load(directory: RepoPaths.sampleKnowledge)
    static let engine: DialogueEngine? = loadResult.knowledgeBase.map { DialogueEngine(knowledgeBase: $0) }

    static func requireEngine() throws -> DialogueEngine {
        try #require(engine, "the sample city does not load: \(loadResult.errors)")
    }

    static func requireMatcher() throws -> Matcher { try requireEngine().matcher }

    /// Expects `text` to be answered with `topic`, or with `firstChoice` only to rank it first.
    static func expectTopic(_ text: String, _ topic: String, firstChoice: Bool = false) throws {
        let r = try requireMatcher().match(text)
        if firstChoice {
            #expect(r.candidates.first?.id == topic, "\(MatcherTests.describe(r))")
        } else {
            #expect(r.outcome == .answer && r.topic == topic, "\(MatcherTests.describe(r))")
        }
    }
}

/// A throw-away knowledge base folder in the temporary directory.
struct TempKnowledgeBase {
    let root: URL

    /// A valid `city.yaml` with one office (`buero`) and the languages de, en.
    static let validCity = """
        name: Teststadt
        languages: [de, en]
        timezone: Europe/Berlin
        offices:
          buero:
            name: Büro
            hours:
              mon: "08:00-12:00"
        emergency: {de: "Notruf 112", en: "Call 112"}
        messages:
          greeting: {de: Hallo, en: Hello}
          escalated: {de: "Nr. {case}, ab {when}", en: "No. {case}, from {when}"}
          privacy: {de: Datenschutz, en: Privacy}

        """

    /// A minimal valid topic file in German.
    static func topic(title: String = "Thema", question: String = "Wie geht das?", extra: String = "", body: String = "Antwort.") -> String {
        "---\ntitle: \(title)\nquestions:\n  - \(question)\n\(extra)---\n\(body)\n"
    }

    /// Writes `city` (nil: `validCity`) and `files` (paths relative to the base folder).
    init(city: String? = nil, files: [String: String]) throws {
        root = FileManager.default.temporaryDirectory.appendingPathComponent("amtsbote-kb-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: root, withIntermediateDirectories: true)
        try write("city.yaml", city ?? Self.validCity)
        for (path, text) in files { try write(path, text) }
    }

    func write(_ path: String, _ text: String) throws {
        let url = root.appendingPathComponent(path)
        try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
        try text.write(to: url, atomically: true, encoding: .utf8)
    }

    func load() -> KnowledgeLoadResult {
        defer { try? FileManager.default.removeItem(at: root) }
        return KnowledgeLoader.load(directory: root.path)
    }

    /// Builds a base from `files`, loads it and removes the folder.
    static func load(city: String? = nil, _ files: [String: String]) throws -> KnowledgeLoadResult {
        try TempKnowledgeBase(city: city, files: files).load()
    }

    /// A matcher on a small base built for one test: the given German topics (`id` → file
    /// text) under `topics/t/`.
    static func matcher(_ topics: [String: String]) throws -> Matcher {
        let files = Dictionary(uniqueKeysWithValues: topics.map { ("topics/t/\($0.key).de.md", $0.value) })
        let result = try load(files)
        return Matcher(knowledgeBase: try #require(result.knowledgeBase, "\(result.errors)"))
    }
}

extension KnowledgeLoadResult {
    /// Diagnostics of one severity in one file, for precise expectations.
    func diagnostics(_ severity: KnowledgeDiagnostic.Severity, in file: String) -> [KnowledgeDiagnostic] {
        diagnostics.filter { $0.severity == severity && $0.file == file }
    }

    /// The single diagnostic whose message contains `text`, or nil.
    func only(_ severity: KnowledgeDiagnostic.Severity, containing text: String) -> KnowledgeDiagnostic? {
        let found = diagnostics.filter { $0.severity == severity && $0.message.contains(text) }
        return found.count == 1 ? found[0] : nil
    }
}
