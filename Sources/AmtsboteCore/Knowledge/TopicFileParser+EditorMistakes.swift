import Yams

/// Typical editing slips that YAML accepts without complaint but that change what the file says.
extension TopicFileParser {
    /// The front matter's field names.
    static let knownFields = [
        "title", "questions", "keywords", "office", "audiences", "links", "related", "valid_from", "valid_until", "escalate",
    ]

    /// `- ` items indented deeper than the plain item just above them: YAML reads them as more text
    /// of that item, so "  - Was kostet ein Perso?" under "  - Wie beantrage ich …?" became one
    /// question. `firstLine` is the file line of the front matter's first line.
    mutating func checkListIndentation(_ frontMatter: String, firstLine: Int) {
        var previous: (indent: Int, endsWithColon: Bool)?
        for (offset, line) in frontMatter.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            let content = line.drop { $0 == " " }
            guard !content.trimmedWhitespace.isEmpty, !content.hasPrefix("#") else { continue }
            let indent = line.count - content.count
            let isItem = content.hasPrefix("- ") || content == "-"
            if isItem, let previous, indent > previous.indent, !previous.endsWithColon {
                diagnostics.append(KnowledgeDiagnostic(
                    .error, file: file, line: firstLine + offset,
                    "this `- ` item is indented deeper than the one above it, so it is read as more text of that item; indent it like the others"))
            }
            previous = isItem ? (indent, content.trimmedWhitespace.hasSuffix(":")) : nil
        }
    }

    /// A field whose name is one or two letters off a known one (`keyword:`) is ignored like any
    /// other extra field; say so, since it is almost certainly meant to be the known one.
    mutating func checkFieldNames(_ root: Node, line: (Node?) -> Int?) {
        for key in root.mapping.map { Array($0.keys) } ?? [] {
            guard let name = key.scalarString, !Self.knownFields.contains(name),
                let meant = Self.knownFields.first(where: { Self.editDistance(name.lowercased(), $0) <= (name.count >= 5 ? 2 : 1) })
            else { continue }
            diagnostics.append(KnowledgeDiagnostic(
                .warning, file: file, line: line(key), "unknown field `\(name)` is ignored; did you mean `\(meant)`?"))
        }
    }

    /// An empty `- ` item among the questions (left over from deleting one).
    mutating func checkEmptyQuestions(_ node: Node?, line: (Node?) -> Int?) {
        for item in node?.sequence ?? [] where (item.scalarString?.trimmedWhitespace ?? "x").isEmpty {
            diagnostics.append(KnowledgeDiagnostic(.warning, file: file, line: line(item), "empty question item; write a question or delete the line"))
        }
    }

    /// Levenshtein distance of two short strings.
    static func editDistance(_ a: String, _ b: String) -> Int {
        let a = Array(a), b = Array(b)
        var row = Array(0...b.count)
        for i in 1...max(a.count, 1) where !a.isEmpty {
            var previous = row[0]
            row[0] = i
            for j in stride(from: 1, through: b.count, by: 1) {
                let current = row[j]
                row[j] = min(row[j] + 1, row[j - 1] + 1, previous + (a[i - 1] == b[j - 1] ? 0 : 1))
                previous = current
            }
        }
        return a.isEmpty ? b.count : row[b.count]
    }
}
