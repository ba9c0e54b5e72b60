import AmtsboteServer
import ArgumentParser
import Logging

/// `amtsbote bench-bare`: a bare Hummingbird server that answers every POST with 200, the
/// baseline of `scripts/bench-webhooks.sh`. Hidden from help.
struct BareServerCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "bench-bare",
        abstract: "Baseline for the webhook benchmark: answer every POST with 200 and do nothing else.",
        discussion: "Example:\n  amtsbote bench-bare --port 8090",
        shouldDisplay: false
    )

    @Option(name: .long, help: "Address to listen on.")
    var host = "127.0.0.1"

    @Option(name: .long, help: "Port to listen on.")
    var port = 8090

    func run() async throws {
        var logger = Logger(label: "bench-bare")
        logger.logLevel = .warning
        try await buildBareApplication(host: host, port: port, logger: logger).runService()
    }
}
