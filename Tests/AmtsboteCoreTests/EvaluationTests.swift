import Foundation
import Testing

@testable import AmtsboteCore

@Suite("Evaluation")
struct EvaluationTests {
    @Test("parseTSV reads rows, skips the header, comments and blank lines, keeps file lines")
    func parse() throws {
        let text = """
            expected\tlang\tquestion
            sperrmuell\tde\tWie melde ich Sperrmüll an?
            # a comment

            kita-platz|kita-gebuehren\tde\tKita?
            ESCALATE\tde\tWie wird das Wetter?
            SMALLTALK\ten\tHello
            personalausweis\ten\tID card\twith a tab
            """
        let rows = try LabelledQuestion.parseTSV(text, file: "dev.tsv")
        try #require(rows.count == 5)
        #expect(rows.map(\.line) == [2, 5, 6, 7, 8])
        #expect(rows.map(\.expectation) == [
            .topics(["sperrmuell"]), .topics(["kita-platz", "kita-gebuehren"]), .escalate, .smalltalk, .topics(["personalausweis"]),
        ])
        #expect(rows.map(\.language) == ["de", "de", "de", "en", "en"])
        #expect(rows[0].question == "Wie melde ich Sperrmüll an?")
        #expect(rows[2].question == "Wie wird das Wetter?")
        #expect(rows[4].question == "ID card\twith a tab")
    }

    @Test(
        "CRLF line endings are read as separate rows",
    )
    func crlf() throws {
        let rows = try LabelledQuestion.parseTSV("expected\tlang\tquestion\r\nsperrmuell\tde\tSperrmüll?\r\nESCALATE\ten\tWeather?\r\n", file: "crlf.tsv")
        try #require(rows.count == 2)
        #expect(rows.map(\.line) == [2, 3])
        #expect(rows[0].question == "Sperrmüll?" && rows[1].question == "Weather?")
        #expect(rows[1].expectation == .escalate)
    }

    @Test("without a header the first line is a row")
    func noHeader() throws {
        let rows = try LabelledQuestion.parseTSV("sperrmuell\tde\tSperrmüll?\n", file: "x.tsv")
        #expect(rows.count == 1 && rows[0].line == 1)
    }

    @Test("a malformed row throws a diagnostic with file and line", arguments: [
        ("expected\tlang\tquestion\nsperrmuell\tde\tok\nsperrmuell\tde\n", 3),
        ("expected\tlang\tquestion\n\tde\tkein Thema\n", 2),
        ("expected\tlang\tquestion\nsperrmuell\tde\t\n", 2),
        ("nur eine Spalte\n", 1),
    ])
    func malformed(_ text: String, _ line: Int) throws {
        let error = #expect(throws: KnowledgeDiagnostic.self) {
            try LabelledQuestion.parseTSV(text, file: "dev.tsv")
        }
        #expect(error?.file == "dev.tsv")
        #expect(error?.line == line)
        #expect(error?.severity == .error)
    }

    static func result(_ outcome: Outcome, _ topic: String? = nil, candidates: [String] = []) -> MatchResult {
        MatchResult(language: "de", outcome: outcome, topic: topic, candidates: candidates.map { ScoredTopic(id: $0, score: 0.5) })
    }

    @Test("scoring rule", arguments: [
        // one expected topic
        (LabelledQuestion.Expectation.topics(["a"]), EvaluationTests.result(.answer, "a"), 1.0),
        (.topics(["a"]), EvaluationTests.result(.answer, "b"), 0),
        (.topics(["a"]), EvaluationTests.result(.clarify, candidates: ["a", "b"]), 0.5),
        (.topics(["a"]), EvaluationTests.result(.clarify, candidates: ["b", "c"]), 0),
        (.topics(["a"]), EvaluationTests.result(.escalate), 0),
        (.topics(["a"]), EvaluationTests.result(.smalltalk), 0),
        (.topics(["a"]), EvaluationTests.result(.emergency), 0),
        // two acceptable topics: either answer counts, a clarify offering one of them is full marks
        (.topics(["a", "b"]), EvaluationTests.result(.answer, "b"), 1),
        (.topics(["a", "b"]), EvaluationTests.result(.answer, "c"), 0),
        (.topics(["a", "b"]), EvaluationTests.result(.clarify, candidates: ["a", "b"]), 1),
        (.topics(["a", "b"]), EvaluationTests.result(.clarify, candidates: ["b", "c"]), 1),
        (.topics(["a", "b"]), EvaluationTests.result(.clarify, candidates: ["c", "d"]), 0),
        // escalate and small-talk rows
        (.escalate, EvaluationTests.result(.escalate), 1),
        (.escalate, EvaluationTests.result(.answer, "a"), 0),
        (.escalate, EvaluationTests.result(.clarify, candidates: ["a", "b"]), 0),
        (.escalate, EvaluationTests.result(.smalltalk), 0),
        (.smalltalk, EvaluationTests.result(.smalltalk), 1),
        (.smalltalk, EvaluationTests.result(.escalate), 0),
        (.smalltalk, EvaluationTests.result(.answer, "a"), 0),
    ])
    func scoring(_ expectation: LabelledQuestion.Expectation, _ result: MatchResult, _ score: Double) {
        let row = LabelledQuestion(expectation: expectation, language: "de", question: "?", line: 1)
        #expect(row.score(result) == score)
    }

    @Test("a report on the fixture city sums the rows")
    func reportOnFixture() throws {
        let tsv = """
            expected\tlang\tquestion
            sperrmuell\tde\tWie melde ich Sperrmüll an?
            personalausweis\ten\tHow do I apply for an ID card?
            trauung-rathaus|trauung-schloss\tde\tWo kann ich heiraten?
            muelltonne\tde\tWie wird das Wetter morgen?
            ESCALATE\tde\tBitcoin kaufen?
            ESCALATE\tde\tWie melde ich Sperrmüll an?
            SMALLTALK\tde\tHallo
            """
        let rows = try LabelledQuestion.parseTSV(tsv, file: "mini.tsv")
        let report = EvaluationReport(questions: rows, matcher: try MiniCity.requireMatcher())
        #expect(report.rows.map(\.score) == [1, 1, 1, 0, 1, 0, 1])
        #expect(abs(report.overallScore - 5.0 / 7.0) < 1e-9)
        #expect(report.escalateRecall == 0.5)
        #expect(report.wronglyEscalated == 1)  // the weather row expected a topic
        #expect(report.failingRows.map(\.question.line) == [5, 7])
        let accuracy = report.inScopeAccuracy
        #expect(accuracy["de"]?.count == 3 && abs((accuracy["de"]?.score ?? 0) - 2.0 / 3.0) < 1e-9)
        #expect(accuracy["en"]?.count == 1 && accuracy["en"]?.score == 1)
    }

    @Test("an empty report scores 0 with full escalate recall")
    func emptyReport() throws {
        let report = EvaluationReport(questions: [], matcher: try MiniCity.requireMatcher())
        #expect(report.overallScore == 0 && report.escalateRecall == 1 && report.wronglyEscalated == 0)
    }

    @Test(
        "regression: the dev questions on the sample base stay above the agreed floor",
        .enabled(if: FileManager.default.fileExists(atPath: RepoPaths.devQuestions), "shared/eval/dev-questions.tsv is not present")
    )
    func devQuestionsRegression() throws {
        let text = try String(contentsOfFile: RepoPaths.devQuestions, encoding: .utf8)
        let questions = try LabelledQuestion.parseTSV(text, file: "dev-questions.tsv")
        #expect(questions.count >= 50)
        let (base, _) = try KnowledgeLoader.loadValid(directory: RepoPaths.sampleKnowledge)
        let report = EvaluationReport(questions: questions, matcher: Matcher(knowledgeBase: base))
        // Raise these floors as the matcher improves.
        #expect(report.overallScore >= 0.90, "overall \(report.overallScore), \(report.failingRows.count) failing rows")
        #expect(report.escalateRecall >= 0.9, "escalate recall \(report.escalateRecall)")
    }

    /// Questions written blind on 7 and 8 Dec 2026 (see the README): floors a few rows under the
    /// scores of 8 Dec, so that a change that helps the dev set at their cost shows.
    @Test("regression: the blind sweeps on the sample base stay above their floors", arguments: [
        ("sweep-a.tsv", 0.88), ("sweep-b.tsv", 0.78), ("sweep-c.tsv", 0.88), ("sweep-d.tsv", 0.71),
        ("sweep-e.tsv", 0.85),
    ])
    func sweepRegression(_ file: String, _ floor: Double) throws {
        let url = Bundle.module.url(forResource: "Fixtures", withExtension: nil)!.appendingPathComponent("eval/\(file)")
        let questions = try LabelledQuestion.parseTSV(try String(contentsOf: url, encoding: .utf8), file: file)
        #expect(questions.count >= 80)
        let (base, _) = try KnowledgeLoader.loadValid(directory: RepoPaths.sampleKnowledge)
        let report = EvaluationReport(questions: questions, matcher: Matcher(knowledgeBase: base))
        #expect(report.overallScore >= floor, "\(file): overall \(report.overallScore), \(report.failingRows.count) failing rows")
    }
}
