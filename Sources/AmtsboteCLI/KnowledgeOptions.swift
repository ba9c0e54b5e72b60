import AmtsboteCore
import ArgumentParser
import Foundation

/// `--knowledge DIR` (env `AMTSBOTE_KNOWLEDGE`, default `./knowledge`).
public struct KnowledgeOptions: ParsableArguments {
    @Option(name: .long, help: "Knowledge base folder (env AMTSBOTE_KNOWLEDGE; default ./knowledge).")
    public var knowledge: String?

    public init() {}

    /// The folder to use: the option, else the environment, else `./knowledge`.
    public var directory: String {
        knowledge ?? ProcessInfo.processInfo.environment["AMTSBOTE_KNOWLEDGE"] ?? "./knowledge"
    }

    /// Loads the base, printing its warnings to stderr; throws a CLI error listing every problem when it has errors.
    public func load(printWarnings: Bool = false) throws -> KnowledgeBase {
        let result = KnowledgeLoader.load(directory: directory)
        if printWarnings {
            for warning in result.warnings { StandardError.print(warning.description) }
        }
        guard let base = result.knowledgeBase else {
            for error in result.errors { StandardError.print(error.description) }
            throw CLIError("The knowledge base in \(directory) has \(result.errors.count) error(s); fix them (see `amtsbote kb check \(directory)`).")
        }
        return base
    }
}

/// A user-facing command-line error: printed as is, exit code 1.
public struct CLIError: Error, CustomStringConvertible {
    public var description: String
    public init(_ description: String) { self.description = description }
}

/// Writing to standard output; tests capture it per task (the staff commands' results, e.g. `queue list --json`).
enum StandardOutput {
    /// When set, receives each line instead of standard output (task-local, so parallel tests stay apart).
    @TaskLocal static var capture: (@Sendable (String) -> Void)?

    static func print(_ text: String) {
        if let capture { capture(text) } else { Swift.print(text) }
    }
}

/// Writing to standard error.
enum StandardError {
    static func print(_ text: String) {
        FileHandle.standardError.write(Data((text + "\n").utf8))
    }
}
