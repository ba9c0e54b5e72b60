import Foundation

/// Small, careful edits of topic files for `queue learn`: the editors own these files, so every
/// byte that is not part of the edit stays exactly as it was (comments, order, quoting, line endings).
public enum TopicFileEditor {
    /// Why an edit was not made.
    public enum EditError: Error, Equatable, CustomStringConvertible {
        /// The file has no front matter between `---` lines.
        case noFrontMatter
        /// The front matter has no top-level `questions:` list.
        case noQuestionsList
        /// The `questions:` list is written in a way the editor does not change safely (e.g. a multi-line flow list).
        case unsupportedQuestionsLayout(line: Int)
        /// The question is already a sample question of the topic.
        case alreadyPresent
        /// The question is empty.
        case emptyQuestion
        /// The edited file would not parse with the expected questions (the edit is refused).
        case verificationFailed(String)

        public var description: String {
            switch self {
            case .noFrontMatter: return "the file has no front matter between --- lines"
            case .noQuestionsList: return "the front matter has no top-level `questions:` list"
            case .unsupportedQuestionsLayout(let line): return "the `questions:` list (line \(line)) is laid out in a way that cannot be edited safely"
            case .alreadyPresent: return "the question is already a sample question of this topic"
            case .emptyQuestion: return "the question is empty"
            case .verificationFailed(let why): return "the edited file would not be valid: \(why)"
            }
        }
    }

    /// Returns `text` with `question` appended to the front matter's `questions:` list.
    /// Only one line is inserted (or, for a one-line flow list `[a, b]`, one item added inside the brackets).
    /// - Parameters:
    ///   - id: the topic id and `language` the file's language, used to check the result with the loader's parser.
    public static func addingQuestion(_ question: String, to text: String, id: String, language: String) throws -> String {
        let question = question.split(whereSeparator: \.isNewline).joined(separator: " ").trimmingCharacters(in: .whitespaces)
        guard !question.isEmpty else { throw EditError.emptyQuestion }
        let before = try questions(in: text, id: id, language: language)
        if before.contains(where: { normalized($0) == normalized(question) }) { throw EditError.alreadyPresent }

        let newline = text.contains("\r\n") ? "\r\n" : "\n"
        var lines = text.components(separatedBy: newline)
        guard lines.first?.trimmingCharacters(in: .whitespaces) == "---",
            let end = lines.indices.dropFirst().first(where: { lines[$0].trimmingCharacters(in: .whitespaces) == "---" })
        else { throw EditError.noFrontMatter }
        guard let keyLine = (1..<end).first(where: { isQuestionsKey(lines[$0]) }) else { throw EditError.noQuestionsList }

        let afterKey = lines[keyLine].drop(while: { $0 != ":" }).dropFirst()
        let inlineValue = stripComment(String(afterKey)).trimmingCharacters(in: .whitespaces)
        if inlineValue.isEmpty {
            // Block list: items are the following lines that are indented or start with "- ".
            var lastItemLine: Int?
            var itemIndent: String?
            var index = keyLine + 1
            while index < end {
                let line = lines[index]
                let trimmed = line.trimmingCharacters(in: .whitespaces)
                if trimmed.isEmpty || trimmed.hasPrefix("#") {
                    index += 1
                    continue
                }
                let indentation = String(line.prefix(while: { $0 == " " || $0 == "\t" }))
                if indentation.isEmpty && !trimmed.hasPrefix("-") { break }
                if trimmed.hasPrefix("- ") || trimmed == "-" {
                    if itemIndent == nil { itemIndent = indentation }
                } else if itemIndent == nil {
                    throw EditError.unsupportedQuestionsLayout(line: keyLine + 1)
                }
                lastItemLine = index
                index += 1
            }
            guard let lastItemLine, let itemIndent else { throw EditError.unsupportedQuestionsLayout(line: keyLine + 1) }
            lines.insert(itemIndent + "- " + yamlScalar(question), at: lastItemLine + 1)
        } else if inlineValue.hasPrefix("[") && inlineValue.hasSuffix("]") {
            guard let close = lines[keyLine].lastIndex(of: "]") else { throw EditError.unsupportedQuestionsLayout(line: keyLine + 1) }
            var line = lines[keyLine]
            let inside = inlineValue.dropFirst().dropLast().trimmingCharacters(in: .whitespaces)
            line.insert(contentsOf: (inside.isEmpty ? "" : ", ") + yamlScalar(question, inFlow: true), at: close)
            lines[keyLine] = line
        } else {
            throw EditError.unsupportedQuestionsLayout(line: keyLine + 1)
        }

        let edited = lines.joined(separator: newline)
        let after = try questions(in: edited, id: id, language: language)
        guard after == before + [question] else {
            throw EditError.verificationFailed("expected \(before.count + 1) questions ending with the new one, found \(after.count)")
        }
        return edited
    }

    /// A new topic file drafted from a staff answer, for an editor to finish: the citizen's
    /// questions as sample questions, the staff reply as the answer, a comment saying where it came from.
    public static func draft(
        title: String, questions: [String], answer: String, note: String
    ) -> String {
        var lines = ["---"]
        lines += note.split(whereSeparator: \.isNewline).map { "# " + $0 }
        lines.append("title: " + yamlScalar(title))
        lines.append("questions:")
        lines += questions.map { "  - " + yamlScalar($0.split(whereSeparator: \.isNewline).joined(separator: " ")) }
        lines.append("---")
        lines.append(answer.trimmingCharacters(in: .whitespacesAndNewlines))
        return lines.joined(separator: "\n") + "\n"
    }

    /// Problems the knowledge loader would report for this topic file text (empty when it is valid on its own;
    /// references to offices and other topics are checked only by loading the whole base).
    public static func problems(in text: String, id: String, language: String, file: String = "") -> [KnowledgeDiagnostic] {
        var parser = TopicFileParser(file: file)
        _ = parser.parse(text, id: id, language: language, category: "")
        return parser.diagnostics.filter { $0.severity == .error }
    }

    // MARK: - Helpers

    static func questions(in text: String, id: String, language: String) throws -> [String] {
        var parser = TopicFileParser(file: "")
        guard let parsed = parser.parse(text, id: id, language: language, category: "") else {
            throw EditError.verificationFailed(parser.diagnostics.map(\.description).joined(separator: "; "))
        }
        return parsed.translation.questions
    }

    static func isQuestionsKey(_ line: String) -> Bool {
        guard line.hasPrefix("questions") else { return false }
        return line.dropFirst("questions".count).trimmingCharacters(in: .whitespaces).hasPrefix(":")
    }

    /// Removes a trailing ` # comment` outside quotes (good enough for a key's inline value).
    static func stripComment(_ text: String) -> String {
        var inSingle = false, inDouble = false
        var previous: Character = " "
        for (offset, char) in text.enumerated() {
            if char == "'" && !inDouble { inSingle.toggle() }
            if char == "\"" && !inSingle { inDouble.toggle() }
            if char == "#" && !inSingle && !inDouble && (previous == " " || previous == "\t") {
                return String(text.prefix(offset))
            }
            previous = char
        }
        return text
    }

    static func normalized(_ text: String) -> String {
        text.lowercased().split(whereSeparator: { $0.isWhitespace }).joined(separator: " ")
    }

    /// The text as a YAML scalar: plain when that is unambiguous, else double-quoted.
    static func yamlScalar(_ text: String, inFlow: Bool = false) -> String {
        let reserved: Set<String> = ["true", "false", "yes", "no", "on", "off", "null", "~", "y", "n"]
        let safePunctuation = Set(inFlow ? "?.!()'/-–" : "?.!,()'/-–")
        let plain = !text.isEmpty && text.first.map { $0.isLetter || $0.isNumber } == true
            && text.allSatisfy { $0.isLetter || $0.isNumber || $0 == " " || safePunctuation.contains($0) }
            && !reserved.contains(text.lowercased()) && Double(text) == nil && text.last != " "
        if plain { return text }
        var escaped = ""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\\": escaped += "\\\\"
            case "\"": escaped += "\\\""
            case "\t": escaped += "\\t"
            case _ where scalar.value < 0x20: escaped += String(format: "\\x%02X", scalar.value)
            default: escaped.unicodeScalars.append(scalar)
            }
        }
        return "\"" + escaped + "\""
    }
}
