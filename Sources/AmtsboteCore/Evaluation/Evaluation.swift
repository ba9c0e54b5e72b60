/// A labelled question for measuring the matcher (one row of a `dev-questions.tsv`-style file).
public struct LabelledQuestion: Sendable, Hashable {
    public enum Expectation: Sendable, Hashable {
        /// One or more acceptable topic ids.
        case topics([String])
        case escalate
        case smalltalk
    }

    public var expectation: Expectation
    public var language: String
    public var question: String
    /// 1-based line in the file.
    public var line: Int

    public init(expectation: Expectation, language: String, question: String, line: Int) {
        self.expectation = expectation
        self.language = language
        self.question = question
        self.line = line
    }

    /// Parses a TSV with the columns `expected`, `lang`, `question` (a header row is skipped).
    /// Throws a diagnostic naming `file` and the line for a malformed row.
    public static func parseTSV(_ text: String, file: String) throws -> [LabelledQuestion] {
        var rows: [LabelledQuestion] = []
        // "\r\n" is one Character in Swift: normalise line ends before splitting.
        let normalised = text.replacingOccurrences(of: "\r\n", with: "\n")
        for (offset, line) in normalised.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            if line.trimmingCharacters(in: .whitespaces).isEmpty || line.hasPrefix("#") { continue }
            let columns = line.split(separator: "\t", omittingEmptySubsequences: false).map(String.init)
            if offset == 0, columns.first == "expected" { continue }
            guard columns.count >= 3, !columns[0].isEmpty, !columns[2].isEmpty else {
                throw KnowledgeDiagnostic(.error, file: file, line: offset + 1, "expected three tab-separated columns: expected, lang, question")
            }
            let expected: Expectation
            switch columns[0] {
            case "ESCALATE": expected = .escalate
            case "SMALLTALK": expected = .smalltalk
            default: expected = .topics(columns[0].split(separator: "|").map(String.init))
            }
            rows.append(LabelledQuestion(expectation: expected, language: columns[1], question: columns[2...].joined(separator: "\t"), line: offset + 1))
        }
        return rows
    }

    /// The score of a matcher result for this row: 1 for the right answer; for `clarify`
    /// offering an expected topic, 1 when the row lists two topics, else 0.5.
    public func score(_ result: MatchResult) -> Double {
        switch expectation {
        case .escalate: return result.outcome == .escalate ? 1 : 0
        case .smalltalk: return result.outcome == .smalltalk ? 1 : 0
        case .topics(let ids):
            switch result.outcome {
            case .answer: return ids.contains(result.topic ?? "") ? 1 : 0
            case .clarify:
                guard result.candidates.contains(where: { ids.contains($0.id) }) else { return 0 }
                return ids.count >= 2 ? 1 : 0.5
            default: return 0
            }
        }
    }
}

/// The outcome of scoring a labelled file.
public struct EvaluationReport: Sendable {
    public struct Row: Sendable {
        public var question: LabelledQuestion
        public var result: MatchResult
        public var score: Double
    }

    public var rows: [Row]

    /// Runs every question through the matcher.
    public init(questions: [LabelledQuestion], matcher: Matcher) {
        rows = questions.map { q in
            let result = matcher.match(q.question)
            return Row(question: q, result: result, score: q.score(result))
        }
    }

    public var overallScore: Double { rows.isEmpty ? 0 : rows.reduce(0) { $0 + $1.score } / Double(rows.count) }

    /// Mean score of rows that expect a topic, per language.
    public var inScopeAccuracy: [String: (score: Double, count: Int)] {
        var sums: [String: (Double, Int)] = [:]
        for row in rows {
            if case .topics = row.question.expectation {
                let current = sums[row.question.language] ?? (0, 0)
                sums[row.question.language] = (current.0 + row.score, current.1 + 1)
            }
        }
        return sums.mapValues { ($0.0 / Double(max($0.1, 1)), $0.1) }
    }

    /// Share of `ESCALATE` rows that were escalated.
    public var escalateRecall: Double {
        let escalate = rows.filter { $0.question.expectation == .escalate }
        return escalate.isEmpty ? 1 : Double(escalate.filter { $0.result.outcome == .escalate }.count) / Double(escalate.count)
    }

    /// Rows that should have been answered (or small talk) but were escalated.
    public var wronglyEscalated: Int {
        rows.filter { $0.question.expectation != .escalate && $0.result.outcome == .escalate }.count
    }

    public var failingRows: [Row] { rows.filter { $0.score < 1 } }
}
