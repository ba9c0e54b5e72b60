import Foundation
import Yams

/// One parsed `<id>.<lang>.md` file: its translation and the topic-level fields it declares.
struct TopicFile {
    var id: String
    var language: String
    var category: String
    var translation: TopicTranslation
    var office: (value: String, line: Int?)?
    var audiences: [String]
    var related: [(value: String, line: Int?)]
    var validFrom: String?
    var validUntil: String?
    var escalate: Bool
}

/// Parses a topic file (YAML front matter between `---` lines, then the Markdown answer).
struct TopicFileParser {
    let file: String
    var diagnostics: [KnowledgeDiagnostic] = []

    init(file: String) { self.file = file }

    /// `relativePath` is like `topics/buergerbuero/personalausweis.de.md`.
    mutating func parse(_ text: String, id: String, language: String, category: String) -> TopicFile? {
        // Lines as byte ranges, split on UTF-8 newlines ("\r\n" is a single Character and would
        // not split on "\n"), each without a trailing "\r"; only the two parts become Strings.
        let bytes = Array(text.utf8)
        let lines = Self.lineRanges(bytes)
        guard Self.isFence(bytes[lines[0]]) else {
            error(line: 1, "a topic file must start with a `---` line, then the front matter (title, questions), then `---`")
            return nil
        }
        guard let end = lines.dropFirst().firstIndex(where: { Self.isFence(bytes[$0]) }) else {
            error(line: 1, "the front matter is not closed by a `---` line")
            return nil
        }
        let frontMatter = Self.joined(lines[1..<end], of: bytes)
        let body = Self.joined(lines[(end + 1)...], of: bytes).trimmedWhitespace

        checkListIndentation(frontMatter, firstLine: 2)
        let (node, problem) = YAMLSupport.composeMapping(
            frontMatter, file: file, lineOffset: 1,
            notMapping: "the front matter must be a mapping with at least `title` and `questions`")
        if let problem { diagnostics.append(problem) }
        guard let root = node else { return nil }
        func line(_ node: Node?) -> Int? { node?.line.map { $0 + 1 } }

        let title = root.value("title")?.scalarString?.trimmedWhitespace ?? ""
        if title.isEmpty { error(line: line(root.value("title")) ?? 2, "missing `title`") }

        let questionsNode = root.value("questions")
        checkFieldNames(root, line: line)
        checkEmptyQuestions(questionsNode, line: line)
        let questions = (questionsNode?.stringList ?? []).map(\.trimmedWhitespace).filter { !$0.isEmpty }
        if questions.isEmpty {
            error(line: line(questionsNode) ?? 2, "missing `questions` (at least one sample question, as citizens ask it)")
        }
        if body.isEmpty { error(line: end + 1, "missing answer text after the front matter") }

        let keywords = root.value("keywords")?.stringList ?? []
        let office = root.value("office").flatMap { node in node.scalarString.map { ($0, line(node)) } }
        let related = root.value("related")?.sequence?.compactMap { node in node.scalarString.map { ($0, line(node)) } }
            ?? root.value("related")?.scalarString.map { [($0, line(root.value("related")))] } ?? []

        var links: [TopicTranslation.Link] = []
        for node in root.value("links")?.sequence ?? [] {
            if let url = node.value("url")?.scalarString {
                links.append(.init(title: node.value("title")?.scalarString ?? url, url: url))
            } else if let url = node.scalarString {
                links.append(.init(title: url, url: url))
            } else {
                error(line: line(node), "a link needs a `url`")
            }
        }

        let validFrom = date("valid_from", in: root, line: line)
        let validUntil = date("valid_until", in: root, line: line)
        if let validFrom, let validUntil, validFrom > validUntil {
            error(line: line(root.value("valid_until")), "`valid_until` \(validUntil) is before `valid_from` \(validFrom)")
        }

        var escalate = false
        if let node = root.value("escalate") {
            switch node.scalarString?.lowercased() {
            case "true", "yes": escalate = true
            case "false", "no": escalate = false
            default: error(line: line(node), "`escalate` must be true or false")
            }
        }

        let questionLines = (questionsNode?.sequence?.compactMap { node -> Int?? in
            guard let text = node.scalarString?.trimmedWhitespace, !text.isEmpty else { return nil }
            return .some(line(node))
        }) ?? []
        let translation = TopicTranslation(
            language: language, title: title, questions: questions, keywords: keywords, body: body, links: links, file: file,
            questionLines: questionLines, titleLine: line(root.value("title")))
        return TopicFile(
            id: id, language: language, category: category, translation: translation, office: office,
            audiences: root.value("audiences")?.stringList ?? [], related: related, validFrom: validFrom,
            validUntil: validUntil, escalate: escalate)
    }

    /// The lines of `bytes` (split at "\n", without a trailing "\r"); an empty text is one empty line.
    private static func lineRanges(_ bytes: [UInt8]) -> [Range<Int>] {
        var lines: [Range<Int>] = []
        var start = 0
        func close(_ end: Int) {
            lines.append(start..<(end > start && bytes[end - 1] == UInt8(ascii: "\r") ? end - 1 : end))
        }
        for (index, byte) in bytes.enumerated() where byte == UInt8(ascii: "\n") {
            close(index)
            start = index + 1
        }
        close(bytes.count)
        return lines
    }

    /// Whether a line is `---` (surrounding whitespace allowed).
    private static func isFence(_ line: ArraySlice<UInt8>) -> Bool {
        let isSpace = { (b: UInt8) in b == 0x20 || b == 0x09 || b == 0x0A || b == 0x0D }
        guard let first = line.firstIndex(where: { !isSpace($0) }), let last = line.lastIndex(where: { !isSpace($0) }) else { return false }
        return line[first...last].elementsEqual("---".utf8)
    }

    /// The lines joined with "\n".
    private static func joined(_ lines: ArraySlice<Range<Int>>, of bytes: [UInt8]) -> String {
        var out: [UInt8] = []
        out.reserveCapacity((lines.last?.upperBound ?? 0) - (lines.first?.lowerBound ?? 0))
        for (position, line) in lines.enumerated() {
            if position > 0 { out.append(UInt8(ascii: "\n")) }
            out.append(contentsOf: bytes[line])
        }
        return String(decoding: out, as: UTF8.self)
    }

    private mutating func date(_ key: String, in root: Node, line: (Node?) -> Int?) -> String? {
        guard let node = root.value(key) else { return nil }
        let text = node.scalarString ?? ""
        guard DayText.isValid(text) else {
            error(line: line(node), "`\(key)` must be a date like 2026-11-20, not `\(text)`")
            return nil
        }
        return text
    }

    private mutating func error(line: Int?, _ message: String) {
        diagnostics.append(KnowledgeDiagnostic(.error, file: file, line: line, message))
    }
}
