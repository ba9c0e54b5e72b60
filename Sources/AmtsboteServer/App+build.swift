import AmtsboteCore
import AmtsboteStore
import Foundation
import Hummingbird
import Logging
import ServiceLifecycle

/// Errors that stop the server from starting, printed to the operator.
public enum StartupError: Error, CustomStringConvertible {
    case knowledgeInvalid(directory: String, diagnostics: [KnowledgeDiagnostic])

    public var description: String {
        switch self {
        case .knowledgeInvalid(let directory, let diagnostics):
            let lines = diagnostics.filter { $0.severity == .error }.map(\.description)
            return (lines + ["The knowledge base in \(directory) has \(lines.count) error(s); fix them (see `amtsbote kb check \(directory)`)."])
                .joined(separator: "\n")
        }
    }
}

/// The composition root: builds every dependency of `amtsbote serve` and wires them together.
/// - Parameters:
///   - configuration: address, folders, channel secrets, tuning.
///   - logger: the root logger (message texts are logged only at debug level).
///   - transport: outbound HTTP (tests pass one pointing at a fake platform; default URLSession).
///   - onServerRunning: called with the bound port once the server listens (useful with port 0).
/// - Throws: `StartupError` when the knowledge base has errors; database errors when the file cannot be opened.
public func buildApplication(
    configuration: ServerConfiguration,
    logger: Logger,
    transport: (any HTTPTransport)? = nil,
    onServerRunning: @escaping @Sendable (Int) async -> Void = { _ in }
) async throws -> some ApplicationProtocol {
    // Background work is not synced commit by commit; the intake syncs what it acknowledges.
    let database = try AmtsboteDatabase.open(path: configuration.databasePath, backgroundCheckpoints: true, synchronous: .normal)
    let knowledge = KnowledgeService(directory: configuration.knowledgeDirectory, logger: logger)
    guard await knowledge.reload(force: true) else {
        throw StartupError.knowledgeInvalid(
            directory: configuration.knowledgeDirectory,
            diagnostics: KnowledgeLoader.load(directory: configuration.knowledgeDirectory).diagnostics)
    }
    let tuning = configuration.tuning
    let transport = transport ?? URLSessionTransport(timeout: tuning.requestTimeout)
    let clients = DeliveryClients(configuration: configuration, transport: transport)

    let inboundWakeup = Wakeup()
    let outboxWakeup = Wakeup()
    let intake = Intake(database: database, wakeup: inboundWakeup, synced: configuration.synchronous == .full)
    let processor = ConversationProcessor(
        database: database, knowledge: knowledge,
        rateLimiter: RateLimiter(limit: tuning.rateLimitMessages, window: tuning.rateLimitWindow), logger: logger)
    let direct = DirectConversation(intake: intake, processor: processor, logger: logger)
    let callbacks = configuration.telegram.map {
        CallbackAcknowledger(client: TelegramClient(transport: transport, apiURL: $0.apiURL, botToken: $0.botToken), logger: logger)
    }

    let router = Router(context: AppRequestContext.self)
    // Request lines are logged at debug level; below it the middleware would only cost time.
    if logger.logLevel <= .debug { router.add(middleware: LogRequestsMiddleware(.debug)) }
    HealthController(knowledge: knowledge, database: database).register(on: router)
    WebChatController(conversation: direct, database: database, knowledge: knowledge, assets: WebChatAssets()).register(on: router)
    if let meta = configuration.meta {
        MetaWebhookController(configuration: meta, intake: intake).register(on: router)
    }
    if let telegram = configuration.telegram {
        TelegramWebhookController(configuration: telegram, intake: intake).register(on: router)
    }
    if let token = configuration.apiToken {
        MessagesAPIController(token: token, conversation: direct, database: database).register(on: router)
    }
    // Last: applies only to requests that no route above matched.
    router.add(middleware: NotFoundMiddleware())

    let services: [any Service] = [
        KnowledgeReloadService(knowledge: knowledge, interval: tuning.knowledgePollInterval, logger: logger),
        RetentionService(database: database, interval: tuning.purgeInterval, retentionDays: tuning.retentionDays, logger: logger),
        CheckpointService(database: database, interval: tuning.checkpointInterval, logger: logger),
        OutboxDispatcher(
            database: database, clients: clients, wakeup: outboxWakeup, tuning: tuning, logger: logger, arrivals: { intake.arrivals() }),
        InboundProcessingService(
            processor: processor, expander: WebhookExpander(database: database, logger: logger), intake: intake, outboxWakeup: outboxWakeup, callbacks: callbacks,
            pollInterval: .seconds(1), tuning: tuning, logger: logger),
    ]
    logger.info(
        "channels",
        metadata: [
            "meta": "\(configuration.meta != nil)", "telegram": "\(configuration.telegram != nil)",
            "api": "\(configuration.apiToken != nil)", "webchat": "true",
        ])
    return Application(
        router: router,
        // Connections silent this long are closed: 3,000 half-sent requests stayed open for good and
        // could exhaust the file descriptors (the platforms and browsers reconnect as needed).
        server: .http1(configuration: .init(idleTimeout: .seconds(Int64(configuration.idleTimeout)))),
        configuration: .init(address: .hostname(configuration.host, port: configuration.port), serverName: "amtsbote"),
        services: services,
        onServerRunning: { channel in await onServerRunning(channel.localAddress?.port ?? configuration.port) },
        logger: logger
    )
}
