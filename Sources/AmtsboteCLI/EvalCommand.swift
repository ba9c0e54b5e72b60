import AmtsboteCore
import ArgumentParser
import Foundation

/// `amtsbote eval FILE.tsv`: scores the matcher on labelled questions.
struct EvalCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "eval",
        abstract: "Score the matcher on a labelled question file (TSV: expected, lang, question).",
        discussion: """
            `expected` is a topic id, several ids separated by |, ESCALATE or SMALLTALK. A row scores 1 for an \
            answer with an expected topic; a clarify offering an expected topic scores 1 when the row lists two \
            topics, else 0.5; ESCALATE and SMALLTALK rows need that outcome.

            Example:
              amtsbote eval ../shared/eval/dev-questions.tsv --knowledge knowledge/
            """
    )

    @Argument(help: "The labelled TSV file.")
    var file: String

    @OptionGroup var knowledgeOptions: KnowledgeOptions

    @Flag(name: .long, help: "Print only the summary, not the failing rows.")
    var quiet = false

    @Flag(name: .long, help: "Print every row as TSV (line, score, expected, outcome, top candidates with scores), for tuning.")
    var dump = false

    func run() async throws {
        guard let data = FileManager.default.contents(atPath: file), let text = String(data: data, encoding: .utf8) else {
            throw CLIError("Cannot read \(file) (missing, unreadable or not UTF-8).")
        }
        let questions: [LabelledQuestion]
        do {
            questions = try LabelledQuestion.parseTSV(text, file: file)
        } catch let diagnostic as KnowledgeDiagnostic {
            throw CLIError(diagnostic.description)
        }
        let base = try knowledgeOptions.load()
        for q in questions {
            if case .topics(let ids) = q.expectation, let unknown = ids.first(where: { base.topic($0) == nil }) {
                StandardError.print("\(file):\(q.line): warning: unknown topic id `\(unknown)`")
            }
        }
        let report = EvaluationReport(questions: questions, matcher: Matcher(knowledgeBase: base))
        if dump {
            for row in report.rows {
                let candidates = row.result.candidates.map { "\($0.id)=\(EvaluationFormatter.format($0.score))" }
                print(([String(row.question.line), EvaluationFormatter.format(row.score), EvaluationFormatter.expected(row.question),
                        row.result.outcome.rawValue] + candidates).joined(separator: "\t"))
            }
            return
        }
        print(EvaluationFormatter.summary(report))
        if !quiet, !report.failingRows.isEmpty {
            print("\nFailing rows:")
            for row in report.failingRows { print(EvaluationFormatter.row(row)) }
        }
    }
}

/// Text output of `eval`.
enum EvaluationFormatter {
    static func summary(_ report: EvaluationReport) -> String {
        var lines = [
            "Questions:          \(report.rows.count)",
            "Overall score:      \(format(report.overallScore))",
        ]
        for (language, value) in report.inScopeAccuracy.sorted(by: { $0.key < $1.key }) {
            lines.append("In-scope (\(language)):      \(format(value.score)) over \(value.count)")
        }
        lines.append("Escalate recall:    \(format(report.escalateRecall))")
        lines.append("Wrongly escalated:  \(report.wronglyEscalated)")
        return lines.joined(separator: "\n")
    }

    static func expected(_ question: LabelledQuestion) -> String {
        switch question.expectation {
        case .topics(let ids): return ids.joined(separator: "|")
        case .escalate: return "ESCALATE"
        case .smalltalk: return "SMALLTALK"
        }
    }

    static func row(_ row: EvaluationReport.Row) -> String {
        let expected = expected(row.question)
        let got = [row.result.outcome.rawValue, row.result.topic].compactMap { $0 }.joined(separator: " ")
        let candidates = row.result.candidates.prefix(3).map { "\($0.id) \(format($0.score))" }.joined(separator: ", ")
        return "line \(row.question.line) [\(format(row.score))] expected \(expected), got \(got) (\(candidates)): \(row.question.question)"
    }

    static func format(_ value: Double) -> String { String(format: "%.3f", value) }
}
