import AmtsboteServer
import AmtsboteStore
import ArgumentParser
import Foundation
import Logging

/// `amtsbote serve`: the webhook server for all channels.
struct ServeCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "serve",
        abstract: "Run the webhook server: Messenger, Instagram, WhatsApp, Telegram, web chat and JSON API.",
        discussion: """
            Secrets come only from the environment; a channel is on when its secrets are set:
              META_APP_SECRET, META_VERIFY_TOKEN, META_PAGE_ACCESS_TOKEN, WHATSAPP_ACCESS_TOKEN, META_GRAPH_URL
                -> GET/POST /webhooks/meta
              TELEGRAM_BOT_TOKEN, TELEGRAM_SECRET_TOKEN, TELEGRAM_API_URL -> POST /webhooks/telegram
              AMTSBOTE_API_TOKEN -> POST and GET /api/messages (Bearer token)
            The web chat is always on at /chat. Health: GET /healthz, GET /readyz.
            LOG_LEVEL (trace, debug, info, notice, warning, error) sets the log level; message texts are
            logged only at debug and trace.

            Examples:
              amtsbote serve
              AMTSBOTE_API_TOKEN=s3cret amtsbote serve --port 9000 --knowledge ./knowledge
            """
    )

    @Option(name: .long, help: "Address to listen on (env AMTSBOTE_HOST; default 0.0.0.0).")
    var host: String?

    @Option(name: .long, help: "Port to listen on (env AMTSBOTE_PORT; default 8080).")
    var port: Int?

    @Option(name: .long, help: "Knowledge base folder (env AMTSBOTE_KNOWLEDGE; default ./knowledge).")
    var knowledge: String?

    @Option(name: .long, help: "SQLite database file, folder created if missing (env AMTSBOTE_DATABASE; default ./data/amtsbote.sqlite).")
    var database: String?

    @Option(
        name: .long,
        help: "Share of time (0.01–1) replies are worked on while webhooks keep arriving; the rest goes to acknowledging them (env AMTSBOTE_BACKGROUND_SHARE; default 0.05).")
    var backgroundShare: Double?

    @Option(
        name: .long,
        help: "Seconds a reply that was being sent when the server died waits for the platform's echo (Messenger, Instagram) or status (WhatsApp) before it is sent again (env AMTSBOTE_CONFIRMATION_WAIT; default 60).")
    var confirmationWait: Int?

    @Option(
        name: .long,
        help: "Seconds between checks of the knowledge folder for changed files; 0: only on SIGHUP (env AMTSBOTE_KNOWLEDGE_POLL; default 3).")
    var knowledgePoll: Int?

    @Option(
        name: .long,
        help: "full: a message is acknowledged once synced to the disk, so it survives a power cut; normal: once written, which survives a crash of the server but not of the machine, and is faster (env AMTSBOTE_SYNCHRONOUS; default full).")
    var synchronous: String?

    @Option(
        name: .customLong("retention-days"),
        help: "Days after which the daily purge deletes closed cases and old message texts, as `privacy purge` (env AMTSBOTE_RETENTION_DAYS; default 90).")
    var retentionDays: Int?

    /// The server configuration from options, then environment, then defaults.
    func serverConfiguration(environment: [String: String]) throws -> ServerConfiguration {
        var configuration = ServerConfiguration()
        configuration.host = host ?? environment["AMTSBOTE_HOST"] ?? configuration.host
        if let port {
            configuration.port = port
        } else if let text = environment["AMTSBOTE_PORT"] {
            guard let value = Int(text) else { throw ValidationError("AMTSBOTE_PORT must be a number, not \(text).") }
            configuration.port = value
        }
        guard (0...65535).contains(configuration.port) else { throw ValidationError("The port must be between 0 and 65535.") }
        configuration.knowledgeDirectory = knowledge ?? environment["AMTSBOTE_KNOWLEDGE"] ?? configuration.knowledgeDirectory
        configuration.databasePath = database ?? environment["AMTSBOTE_DATABASE"] ?? configuration.databasePath
        if let share = try backgroundShare ?? environment["AMTSBOTE_BACKGROUND_SHARE"].map({ text in
            guard let value = Double(text) else { throw ValidationError("AMTSBOTE_BACKGROUND_SHARE must be a number, not \(text).") }
            return value
        }) {
            guard (0.01...1).contains(share) else { throw ValidationError("The background share must be between 0.01 and 1.") }
            configuration.tuning.backgroundShareUnderLoad = share
        }
        if let wait = try Self.seconds(
            confirmationWait, orEnvironment: "AMTSBOTE_CONFIRMATION_WAIT", environment, within: 0...86_400, named: "confirmation wait")
        {
            configuration.tuning.confirmationWait = wait
        }
        if let poll = try Self.seconds(
            knowledgePoll, orEnvironment: "AMTSBOTE_KNOWLEDGE_POLL", environment, within: 0...3600, named: "knowledge poll interval")
        {
            configuration.tuning.knowledgePollInterval = poll
        }
        if let text = synchronous ?? environment["AMTSBOTE_SYNCHRONOUS"] {
            guard let mode = SynchronousMode(rawValue: text.lowercased()) else {
                throw ValidationError("The synchronous mode must be full or normal, not \(text).")
            }
            configuration.synchronous = mode
        }
        // The same period as `privacy purge` (the server used 90 days whatever was set).
        if let days = try retentionDays ?? environment["AMTSBOTE_RETENTION_DAYS"].map({ text in
            guard let value = Int(text) else { throw ValidationError("AMTSBOTE_RETENTION_DAYS must be a number of days, not \(text).") }
            return value
        }) {
            guard days >= 1 else { throw ValidationError("The retention period must be at least 1 day.") }
            configuration.tuning.retentionDays = days
        }
        configuration.readSecrets(from: environment)
        return configuration
    }

    /// A whole number of seconds from the option, else the environment variable `key`, checked
    /// against `range`; nil when neither is set.
    static func seconds(
        _ option: Int?, orEnvironment key: String, _ environment: [String: String], within range: ClosedRange<Int>, named name: String
    ) throws -> Duration? {
        let value = try option ?? environment[key].map { text in
            guard let value = Int(text) else { throw ValidationError("\(key) must be a number of seconds, not \(text).") }
            return value
        }
        guard let value else { return nil }
        guard range.contains(value) else {
            throw ValidationError("The \(name) must be between \(range.lowerBound) and \(range.upperBound) seconds.")
        }
        return .seconds(value)
    }

    func run() async throws {
        let environment = ProcessInfo.processInfo.environment
        let configuration = try serverConfiguration(environment: environment)
        let logger = {
            var logger = Logger(label: "amtsbote")
            logger.logLevel = environment["LOG_LEVEL"].flatMap(Logger.Level.init(rawValue:)) ?? .info
            return logger
        }()
        do {
            let app = try await buildApplication(configuration: configuration, logger: logger) { port in
                logger.info("listening", metadata: ["host": "\(configuration.host)", "port": "\(port)"])
            }
            try await app.runService()
        } catch let error as StartupError {
            StandardError.print(error.description)
            throw ExitCode(1)
        }
    }
}
