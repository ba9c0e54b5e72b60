import Foundation

/// Loads a knowledge base folder (`city.yaml` plus `topics/**/<id>.<lang>.md`) and checks it
/// against the editors' contract, collecting every problem with file and line.
public enum KnowledgeLoader {
    /// Loads and checks the base in `directory`. The result carries a base only when there are no errors.
    public static func load(directory: String) -> KnowledgeLoadResult {
        let root = URL(fileURLWithPath: directory)
        var diagnostics: [KnowledgeDiagnostic] = []

        let cityURL = root.appendingPathComponent("city.yaml")
        var city: CityConfig?
        if let text = readText(cityURL.path, file: "city.yaml", into: &diagnostics) {
            var parser = CityConfigParser(file: "city.yaml")
            city = parser.parse(text)
            diagnostics += parser.diagnostics
        }

        var files: [TopicFile] = []
        let topicsURL = root.appendingPathComponent("topics")
        let paths = topicFilePaths(in: topicsURL)
        if paths.isEmpty {
            diagnostics.append(KnowledgeDiagnostic(.error, file: "topics/", "no topic files found (expected topics/**/<id>.<lang>.md)"))
        }
        // Files are read and parsed on all cores; results keep the sorted path order.
        let languages = city?.languages
        let topicsPath = topicsURL.path
        let parsed = concurrentMap(paths) { relative in
            parseTopicFile(relative, in: topicsPath, cityLanguages: languages)
        }
        // Files named like topics that could not be read: their own errors say why, so a missing
        // default-language file is not reported for them as well.
        var unreadable: Set<String> = []
        for (relative, result) in zip(paths, parsed) {
            if let file = result.file {
                files.append(file)
            } else {
                unreadable.insert((relative as NSString).lastPathComponent)
            }
            diagnostics += result.diagnostics
        }

        let assembled = KnowledgeAssembler(city: city, files: files, unreadable: unreadable).assemble()
        diagnostics += assembled.diagnostics
        let hasErrors = diagnostics.contains { $0.severity == .error }
        let base = (city != nil && !hasErrors) ? KnowledgeBase(city: city!, topics: assembled.topics) : nil
        return KnowledgeLoadResult(knowledgeBase: base, diagnostics: diagnostics)
    }

    /// Loads the base and throws `KnowledgeBaseInvalid` (listing every error) when it has errors.
    public static func loadValid(directory: String) throws -> (KnowledgeBase, [KnowledgeDiagnostic]) {
        let result = load(directory: directory)
        guard let base = result.knowledgeBase else {
            throw KnowledgeBaseInvalid(directory: directory, diagnostics: result.diagnostics)
        }
        return (base, result.diagnostics)
    }

    /// Reads and parses one topic file (`relative` to `topics/`), with its diagnostics.
    private static func parseTopicFile(
        _ relative: String, in topicsPath: String, cityLanguages: [String]?
    ) -> (file: TopicFile?, diagnostics: [KnowledgeDiagnostic]) {
        var diagnostics: [KnowledgeDiagnostic] = []
        let file = "topics/" + relative
        let name = (relative as NSString).lastPathComponent
        let parts = name.split(separator: ".")
        guard parts.count == 3, parts[2] == "md", isValidID(String(parts[0])), CityConfigParser.isLanguageCode(String(parts[1]))
        else {
            diagnostics.append(KnowledgeDiagnostic(
                .error, file: file, "file name must be <id>.<lang>.md with a lowercase id (a-z, 0-9, -) and a language code like de"))
            return (nil, diagnostics)
        }
        let (id, language) = (String(parts[0]), String(parts[1]))
        if let cityLanguages, !cityLanguages.contains(language) {
            diagnostics.append(KnowledgeDiagnostic(
                .warning, file: file, "language `\(language)` is not listed in city.yaml `languages`; it will not be used"))
        }
        // A plain path: URL's path handling costs more than reading a small file.
        guard let text = readText(topicsPath + "/" + relative, file: file, into: &diagnostics) else {
            return (nil, diagnostics)
        }
        var parser = TopicFileParser(file: file)
        let category = (relative as NSString).deletingLastPathComponent
        let parsed = parser.parse(text, id: id, language: language, category: category)
        return (parsed, diagnostics + parser.diagnostics)
    }

    static func isValidID(_ id: String) -> Bool {
        !id.isEmpty && id.unicodeScalars.allSatisfy { ("a"..."z").contains($0) || ("0"..."9").contains($0) || $0 == "-" || $0 == "_" }
    }

    private static func readText(_ path: String, file: String, into diagnostics: inout [KnowledgeDiagnostic]) -> String? {
        guard let data = FileManager.default.contents(atPath: path) else {
            diagnostics.append(KnowledgeDiagnostic(.error, file: file, "cannot read the file (missing or not readable)"))
            return nil
        }
        guard let text = String(data: data, encoding: .utf8) else {
            diagnostics.append(KnowledgeDiagnostic(.error, file: file, "the file is not UTF-8 text"))
            return nil
        }
        return text
    }

    /// Paths of `*.md` files below `topics/`, relative to it, sorted.
    static func topicFilePaths(in topicsURL: URL) -> [String] {
        guard let enumerator = FileManager.default.enumerator(atPath: topicsURL.path) else { return [] }
        var paths: [String] = []
        while let path = enumerator.nextObject() as? String {
            let name = (path as NSString).lastPathComponent
            if name.hasPrefix(".") { continue }
            if path.hasSuffix(".md") { paths.append(path) }
        }
        return paths.sorted()
    }

    /// A fingerprint of the base's files (paths, sizes, modification times), to notice changes cheaply.
    public static func fingerprint(directory: String) -> String {
        let root = URL(fileURLWithPath: directory)
        let files = ["city.yaml"] + topicFilePaths(in: root.appendingPathComponent("topics")).map { "topics/" + $0 }
        return files.map { file -> String in
            let attributes = try? FileManager.default.attributesOfItem(atPath: root.appendingPathComponent(file).path)
            let size = (attributes?[.size] as? NSNumber)?.intValue ?? -1
            let modified = (attributes?[.modificationDate] as? Date)?.timeIntervalSince1970 ?? 0
            return "\(file):\(size):\(modified)"
        }.joined(separator: "\n")
    }
}
