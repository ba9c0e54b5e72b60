import AmtsboteCore
import ArgumentParser
import Foundation

/// `amtsbote kb …`: knowledge base tools for editors.
struct KnowledgeCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "kb",
        abstract: "Knowledge base tools for editors.",
        subcommands: [KnowledgeCheckCommand.self]
    )
}

/// `amtsbote kb check [DIR]`: validates a knowledge base and prints every problem with file and line.
struct KnowledgeCheckCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "check",
        abstract: "Check a knowledge base and print every problem with file and line.",
        discussion: """
            Errors (exit code 1): YAML errors, a missing title, questions or answer, duplicate ids, unknown \
            office or related ids, bad hours or dates, a topic missing in the default language.
            Warnings (exit code 0): a missing translation, two topics sharing a sample question; with \
            --questions also every sample question or title that, asked on its own, does not lead to its topic.

            Examples:
              amtsbote kb check knowledge/
              amtsbote kb check --questions knowledge/
            """
    )

    @Argument(help: "Knowledge base folder (default: --knowledge, AMTSBOTE_KNOWLEDGE or ./knowledge).")
    var directory: String?

    @Flag(help: "Also ask every sample question and title on its own and warn when it gets another topic, a choice without its topic, or goes to staff.")
    var questions = false

    @OptionGroup var options: KnowledgeOptions

    func run() async throws {
        let folder = directory ?? options.directory
        let result = KnowledgeLoader.load(directory: folder)
        var diagnostics = result.diagnostics
        if questions, let base = result.knowledgeBase {
            diagnostics += Matcher(knowledgeBase: base).sampleQuestionDiagnostics()
        }
        for diagnostic in diagnostics { print(diagnostic.description) }
        let topics = result.knowledgeBase?.topics.count ?? 0
        let errors = result.errors.count
        let warnings = diagnostics.filter { $0.severity == .warning }.count
        if errors > 0 {
            print("\(folder): \(errors) error(s), \(warnings) warning(s).")
            throw ExitCode(1)
        }
        print("\(folder): OK, \(topics) topics, \(warnings) warning(s).")
    }
}
