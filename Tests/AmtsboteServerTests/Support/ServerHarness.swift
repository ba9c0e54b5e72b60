import AmtsboteCore
import AmtsboteStore
import Crypto
import Foundation
import Logging

#if canImport(FoundationNetworking)
import FoundationNetworking
#endif

@testable import AmtsboteServer

/// Secrets and paths the server tests use.
enum TestSecrets {
    static let appSecret = "test_app_secret"
    static let verifyToken = "verify-me"
    static let pageToken = "PAGE_TOKEN"
    static let whatsAppToken = "WA_TOKEN"
    static let botToken = "123456:ABC"
    static let telegramSecret = "tg-secret_1"
    static let apiToken = "api-token"
}

/// A running `amtsbote serve` wired to a fake platform, with helpers to talk to it.
struct ServerHarness: Sendable {
    let port: Int
    let databasePath: String
    let knowledgeDirectory: String

    /// The fixture knowledge base folder.
    static var fixtureKnowledge: String {
        Bundle.module.url(forResource: "knowledge", withExtension: nil, subdirectory: "Fixtures")!.path
    }

    /// A fresh database path in a new temporary folder.
    static func temporaryDatabasePath() -> String {
        FileManager.default.temporaryDirectory.appendingPathComponent("amtsbote-tests-\(UUID().uuidString)/amtsbote.sqlite").path
    }

    /// The configuration for a server whose platforms live at `fakePort`.
    static func configuration(fakePort: Int, databasePath: String, knowledge: String = fixtureKnowledge) -> ServerConfiguration {
        var tuning = Tuning()
        tuning.retryBaseDelay = .milliseconds(50)
        tuning.knowledgePollInterval = .milliseconds(200)
        tuning.requestTimeout = .seconds(5)
        return ServerConfiguration(
            host: "127.0.0.1", port: 0, knowledgeDirectory: knowledge, databasePath: databasePath,
            meta: MetaConfiguration(
                appSecret: TestSecrets.appSecret, verifyToken: TestSecrets.verifyToken, pageAccessToken: TestSecrets.pageToken,
                whatsAppAccessToken: TestSecrets.whatsAppToken, graphURL: "http://127.0.0.1:\(fakePort)/v21.0"),
            telegram: TelegramConfiguration(
                botToken: TestSecrets.botToken, secretToken: TestSecrets.telegramSecret, apiURL: "http://127.0.0.1:\(fakePort)"),
            apiToken: TestSecrets.apiToken, tuning: tuning)
    }

    /// Runs the server against `fakePort` while `body` runs (logging to `logger`, by default nowhere).
    static func run<T: Sendable>(
        fakePort: Int, databasePath: String = temporaryDatabasePath(), logger: Logger = quietLogger,
        adjust: (inout ServerConfiguration) -> Void = { _ in }, _ body: (ServerHarness) async throws -> T
    ) async throws -> T {
        var configuration = configuration(fakePort: fakePort, databasePath: databasePath)
        adjust(&configuration)
        let knowledge = configuration.knowledgeDirectory
        return try await withRunningApp({ onPort in
            try await buildApplication(configuration: configuration, logger: logger, onServerRunning: onPort)
        }) { port in
            try await body(ServerHarness(port: port, databasePath: databasePath, knowledgeDirectory: knowledge))
        }
    }

    /// Sends a request to the server; returns status and body.
    func request(
        _ method: String, _ path: String, body: Data? = nil, headers: [String: String] = [:]
    ) async throws -> (status: Int, body: Data) {
        var request = URLRequest(url: URL(string: "http://127.0.0.1:\(port)\(path)")!)
        request.httpMethod = method
        request.httpBody = body
        for (name, value) in headers { request.setValue(value, forHTTPHeaderField: name) }
        let (data, response) = try await URLSession.shared.data(for: request)
        return ((response as? HTTPURLResponse)?.statusCode ?? 0, data)
    }

    /// POSTs a Meta webhook signed with the test app secret.
    func postMeta(_ body: Data) async throws -> Int {
        try await request(
            "POST", "/webhooks/meta", body: body,
            headers: ["X-Hub-Signature-256": Self.sign(body), "Content-Type": "application/json"]
        ).status
    }

    /// POSTs a Telegram update with the secret header.
    func postTelegram(_ body: Data, secret: String? = TestSecrets.telegramSecret) async throws -> Int {
        var headers = ["Content-Type": "application/json"]
        if let secret { headers["X-Telegram-Bot-Api-Secret-Token"] = secret }
        return try await request("POST", "/webhooks/telegram", body: body, headers: headers).status
    }

    /// `sha256=<hex>` of `body` with the test app secret.
    static func sign(_ body: Data) -> String {
        MetaSignature(appSecret: TestSecrets.appSecret).header(for: Array(body))
    }

    /// Opens the server's database (a second connection, as the CLI would).
    func database() throws -> AmtsboteDatabase { try AmtsboteDatabase.open(path: databasePath) }
}

/// Fixture files.
enum Fixture {
    static func data(_ name: String) throws -> Data {
        let url = Bundle.module.url(forResource: name, withExtension: "json", subdirectory: "Fixtures/webhooks")!
        return try Data(contentsOf: url)
    }

    /// The fixture with `{{KEY}}` placeholders replaced.
    static func data(_ name: String, _ values: [String: String]) throws -> Data {
        var text = String(decoding: try data(name), as: UTF8.self)
        for (key, value) in values { text = text.replacingOccurrences(of: "{{\(key)}}", with: value) }
        return Data(text.utf8)
    }

    /// The dialogue engine of the fixture base (to compute expected replies).
    static func engine() throws -> DialogueEngine {
        let (base, _) = try KnowledgeLoader.loadValid(directory: ServerHarness.fixtureKnowledge)
        return DialogueEngine(knowledgeBase: base)
    }
}

/// Polls `condition` every 20 ms until it holds or `timeout` passes; returns whether it held.
func waitUntil(timeout: Duration = .seconds(10), _ condition: () async throws -> Bool) async rethrows -> Bool {
    let deadline = ContinuousClock.now + timeout
    while ContinuousClock.now < deadline {
        if try await condition() { return true }
        try? await Task.sleep(for: .milliseconds(20))
    }
    return try await condition()
}
