import ArgumentParser

/// The root command: `amtsbote serve | ask | eval | bench | kb … | queue … | privacy …`.
public struct AmtsboteCommand: AsyncParsableCommand {
    public static let configuration = CommandConfiguration(
        commandName: "amtsbote",
        abstract: "A city's chat bot: answers citizens from a knowledge base, hands the rest to staff.",
        version: "0.1.0",
        subcommands: [
            AskCommand.self,
            EvalCommand.self,
            BenchCommand.self,
            ServeCommand.self,
            BareServerCommand.self,
            KnowledgeCommand.self,
            QueueCommand.self,
            PrivacyCommand.self,
        ]
    )

    public init() {}
}
