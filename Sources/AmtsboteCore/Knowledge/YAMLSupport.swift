import Yams

/// Parses YAML text into a node tree and turns Yams errors into diagnostics with line numbers.
enum YAMLSupport {
    /// Composes `text`; on failure returns a diagnostic for `file`, with `lineOffset` added to
    /// the reported line (front matter starts after the `---` line).
    static func compose(_ text: String, file: String, lineOffset: Int = 0) -> Result<Node?, KnowledgeDiagnostic> {
        do {
            // The basic resolver (no regex-based type guessing) and an explicit encoding (no environment
            // lookup per call) make parsing thousands of files much faster; values are read as strings.
            return .success(try Yams.compose(yaml: text, .basic, .default, .utf8))
        } catch let error as YamlError {
            return .failure(diagnostic(for: error, file: file, lineOffset: lineOffset))
        } catch {
            return .failure(KnowledgeDiagnostic(.error, file: file, line: lineOffset + 1, "YAML error: \(error)"))
        }
    }

    /// Composes `text` and requires a mapping at its root. Returns the root, or nil with the
    /// problem (YAML error, or `notMapping` reported on the first line of the text).
    static func composeMapping(
        _ text: String, file: String, lineOffset: Int = 0, notMapping: String
    ) -> (root: Node?, problem: KnowledgeDiagnostic?) {
        switch compose(text, file: file, lineOffset: lineOffset) {
        case .failure(let diagnostic):
            return (nil, diagnostic)
        case .success(let node?) where node.mapping != nil:
            return (node, nil)
        case .success:
            return (nil, KnowledgeDiagnostic(.error, file: file, line: lineOffset + 1, notMapping))
        }
    }

    private static func diagnostic(for error: YamlError, file: String, lineOffset: Int) -> KnowledgeDiagnostic {
        switch error {
        case let .scanner(context, problem, mark, _), let .parser(context, problem, mark, _),
            let .composer(context, problem, mark, _):
            let detail = [context?.text, problem].compactMap { $0 }.filter { !$0.isEmpty }.joined(separator: ", ")
            return KnowledgeDiagnostic(.error, file: file, line: mark.line + lineOffset, "YAML error: \(detail)")
        case let .duplicatedKeysInMapping(duplicates, context):
            let line = context.mark.line + lineOffset
            return KnowledgeDiagnostic(.error, file: file, line: line, "YAML error: duplicate key \(duplicates.joined(separator: ", "))")
        default:
            return KnowledgeDiagnostic(.error, file: file, line: lineOffset + 1, "YAML error: \(error)")
        }
    }
}

extension Node {
    /// 1-based line of the node within its YAML text.
    var line: Int? { mark?.line }

    /// The value for `key` in a mapping.
    func value(_ key: String) -> Node? { mapping?[key] }

    /// A scalar's string, nil for mappings and sequences.
    var scalarString: String? { scalar?.string }

    /// A list of scalar strings; a single scalar counts as a one-element list.
    var stringList: [String]? {
        if let sequence { return sequence.compactMap(\.scalarString) }
        if let s = scalarString { return [s] }
        return nil
    }

    /// A `city.yaml` text field: a plain string, or a mapping of language code to string.
    var localizedText: LocalizedText? {
        if let s = scalarString { return LocalizedText(plain: s) }
        guard let mapping else { return nil }
        var values: [String: String] = [:]
        for (key, value) in mapping {
            if let k = key.scalarString, let v = value.scalarString { values[k] = v }
        }
        return values.isEmpty ? nil : LocalizedText(values)
    }
}
