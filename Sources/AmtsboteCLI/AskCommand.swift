import AmtsboteCore
import ArgumentParser
import Foundation

/// `amtsbote ask`: asks the bot a question from the command line.
struct AskCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "ask",
        abstract: "Ask the bot a question and print its reply as the citizen would see it.",
        discussion: """
            With --json and "-" as the question, reads one question per line from standard input and
            writes one JSON object per line:
              {"question", "language", "outcome", "topic", "candidates", "confidence", "reply"}
            ("alsoAsked" too when other questions in the message ask about further topics)

            Examples:
              amtsbote ask "Was kostet ein Perso?"
              amtsbote ask --lang en --json "Where do I register my address?"
              printf 'Hallo\\nWann kommt der Sperrmüll?\\n' | amtsbote ask --json -
            """
    )

    @OptionGroup var knowledgeOptions: KnowledgeOptions

    @Option(name: .long, help: "Reply language (de, en); detected from the question when omitted.")
    var lang: String?

    @Flag(name: .long, help: "Print JSON instead of the reply text.")
    var json = false

    @Flag(name: .long, help: "Explain the ranking: each word's weight and its contribution to the best topics.")
    var explain = false

    @Argument(help: "The question, or - to read one question per line from standard input.")
    var question: String

    func validate() throws {
        if question.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty {
            throw ValidationError("The question is empty. Example: amtsbote ask \"Was kostet ein Perso?\"")
        }
    }

    func run() async throws {
        let base = try knowledgeOptions.load()
        if let lang, !base.city.languages.contains(lang) {
            throw ValidationError("--lang \(lang) is not one of the city's languages: \(base.city.languages.joined(separator: ", ")).")
        }
        let matcher = Matcher(knowledgeBase: base)
        let composer = ReplyComposer(knowledgeBase: base)
        let day = DayText.day(of: Date(), in: TimeZone(identifier: base.city.timezone) ?? .current)

        func answer(_ text: String) -> String {
            if explain { return matcher.explain(text, language: lang) }
            let result = matcher.match(text, language: lang, day: day)
            let reply = composer.reply(for: result)
            if json { return AskOutput(question: text, result: result, reply: reply).jsonLine() }
            return ReplyText.plain(reply)
        }

        if question == "-" {
            while let line = readLine() {
                let text = line.trimmingCharacters(in: .whitespacesAndNewlines)
                if text.isEmpty { continue }
                print(answer(text))
            }
        } else {
            print(answer(question))
        }
    }
}

/// One line of `ask --json` output.
struct AskOutput: Encodable {
    var question: String
    var language: String
    var outcome: String
    var topic: String?
    var candidates: [String]
    /// Topics other questions in the message asked about (offered first among the choices).
    var alsoAsked: [String]
    var confidence: Double
    var reply: String

    init(question: String, result: MatchResult, reply: BotReply) {
        self.question = question
        self.language = result.language
        self.outcome = result.outcome.rawValue
        self.topic = result.topic
        self.candidates = result.candidates.map(\.id)
        self.alsoAsked = result.alsoAsked
        self.confidence = (result.confidence * 1000).rounded() / 1000
        self.reply = ReplyText.plain(reply)
    }

    enum CodingKeys: String, CodingKey { case question, language, outcome, topic, candidates, alsoAsked, confidence, reply }

    func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(question, forKey: .question)
        try c.encode(language, forKey: .language)
        try c.encode(outcome, forKey: .outcome)
        try c.encode(topic, forKey: .topic)  // null, not omitted
        try c.encode(candidates, forKey: .candidates)
        if !alsoAsked.isEmpty { try c.encode(alsoAsked, forKey: .alsoAsked) }
        try c.encode(confidence, forKey: .confidence)
        try c.encode(reply, forKey: .reply)
    }

    func jsonLine() -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        return String(decoding: (try? encoder.encode(self)) ?? Data(), as: UTF8.self)
    }
}
