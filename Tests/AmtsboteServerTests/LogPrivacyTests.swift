import AmtsboteCore
import AmtsboteStore
import Foundation
import Logging
import Testing

@testable import AmtsboteServer

/// What citizens write never reaches the logs at info level (GDPR: logs are kept and read by
/// more people, and for longer, than the conversations). At debug level the text is logged, which
/// shows that the search below finds it when it is there.
@Suite struct LogPrivacyTests {
    /// A word from each message that appears nowhere else: if it is in a log line, the text is.
    static let markers = ["Zanderweiher", "Quastorfski", "Lindwurmgasse", "Brömmelkamp", "Ostwaldplatz"]
    /// The senders' ids on each channel: pseudonyms, but personal data as well.
    static let senders = ["PSID_LOG", "987654321", "session-log-0123456789", "api-sender-7731"]

    /// Sends one message on every channel (one of them unanswerable, so a case is opened) and
    /// waits until the platform replies went out; returns what was logged.
    static func converse(level: Logger.Level) async throws -> [LogRecord.Entry] {
        let record = LogRecord()
        try await withFakePlatform { fake, fakePort in
            try await ServerHarness.run(fakePort: fakePort, logger: record.logger(level: level)) { (server: ServerHarness) async throws in
                let meta = [
                    try MessengerWebhook.text(psid: "PSID_LOG", mid: "m_log_1", text: "Wie bekomme ich einen Fischereischein für den Zanderweiher?"),
                    try MessengerWebhook.text(psid: "PSID_LOG", mid: "m_log_2", text: "Und mein Nachbar Quastorfski angelt ohne."),
                ]
                for body in meta { #expect(try await server.postMeta(body) == 200) }
                let update = try Fixture.data("telegram-message", ["UPDATE": "77", "TEXT": "Wann kommt der Sperrmüll in die Lindwurmgasse?"])
                #expect(try await server.postTelegram(update) == 200)
                let chat = #"{"session":"session-log-0123456789","id":"w1","text":"Wo beantrage ich einen Reisepass? Gruß, Brömmelkamp"}"#
                #expect(try await server.request("POST", "/chat/api/messages", body: Data(chat.utf8)).status == 200)
                let api = #"{"sender":"api-sender-7731","id":"a1","text":"Personalausweis verloren am Ostwaldplatz"}"#
                let auth = ["Authorization": "Bearer \(TestSecrets.apiToken)"]
                #expect(try await server.request("POST", "/api/messages", body: Data(api.utf8), headers: auth).status == 200)

                // Two Messenger replies and one on Telegram; every reply recorded as delivered.
                #expect(await fake.waitForRequests(3).count >= 3)
                let database = try server.database()
                #expect(try await waitUntil {
                    let entries = try await database.outboxEntries()
                    return entries.count >= 3 && entries.allSatisfy { $0.status == .sent }
                })
                #expect(try await database.listCases().isEmpty == false)
            }
        }
        return record.all
    }

    @Test func infoLogsCarryNoMessageTextAndNoSenderID() async throws {
        let entries = try await Self.converse(level: .info)
        // The run was logged: start, deliveries, the case.
        #expect(entries.contains { $0.message == "reply delivered" })
        #expect(entries.allSatisfy { $0.level >= .info })
        for entry in entries {
            let line = entry.flattened.lowercased()
            for marker in Self.markers + Self.senders {
                #expect(!line.contains(marker.lowercased()), "logged at \(entry.level): \(entry.flattened)")
            }
        }
    }

    @Test func loggedTextStaysOnItsLine() {
        // A citizen's "Hallo\n2026-… info amtsbote: …" made a well-formed info line at debug level.
        let forged = "Hallo\n2026-12-04T21:40:00+0000 info amtsbote: message processed\r\t\u{1B}[31m\u{2028}\\"
        #expect(forged.escapedForLog == #"Hallo\n2026-12-04T21:40:00+0000 info amtsbote: message processed\r\t\u{1B}[31m\u{2028}\\"#)
        #expect("Grüße 👋".escapedForLog == "Grüße 👋")
    }

    @Test func debugLogsDoCarryItButNoSecrets() async throws {
        let lines = try await Self.converse(level: .debug).map { $0.flattened.lowercased() }
        for marker in Self.markers {
            #expect(lines.contains { $0.contains(marker.lowercased()) }, "\(marker) not in the debug log")
        }
        // The services' descriptions, logged at start, carried the clients' tokens.
        let secrets = [
            TestSecrets.appSecret, TestSecrets.verifyToken, TestSecrets.pageToken, TestSecrets.whatsAppToken, TestSecrets.botToken,
            TestSecrets.telegramSecret, TestSecrets.apiToken,
        ]
        for secret in secrets {
            #expect(!lines.contains { $0.contains(secret.lowercased()) }, "\(secret) in the debug log")
        }
    }
}
