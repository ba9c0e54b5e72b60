import AmtsboteCore
import Foundation
import Synchronization
import Testing

@testable import AmtsboteServer

/// Answers every request with 200 and keeps the text each one carried, in order.
private final class TextRecordingTransport: HTTPTransport {
    private let texts = Mutex<[String]>([])
    var sent: [String] { texts.withLock { $0 } }

    func send(_ request: OutboundRequest) async throws -> InboundResponse {
        let json = try JSONSerialization.jsonObject(with: request.body ?? Data()) as? [String: Any] ?? [:]
        let text = (json["message"] as? [String: Any])?["text"] as? String  // Messenger, Instagram
            ?? json["text"] as? String  // Telegram
            ?? (json["text"] as? [String: Any])?["body"] as? String  // WhatsApp text
            ?? ((json["interactive"] as? [String: Any])?["body"] as? [String: Any])?["text"] as? String  // WhatsApp buttons
        texts.withLock { $0.append(text ?? "") }
        return InboundResponse(status: 200, body: Data(#"{"ok":true}"#.utf8))
    }
}

/// Each client tells the dispatcher, after every confirmed part, the text of the part it sends
/// next: what Instagram's echo of that part will carry, so its digest can be awaited.
@Suite struct PartProgressTests {
    enum Platform: String, CaseIterable { case instagram, messenger, telegram, whatsapp }

    static func client(_ platform: Platform, transport: any HTTPTransport) -> any PlatformClient {
        switch platform {
        case .instagram, .messenger: MessengerClient(transport: transport, graphURL: "http://127.0.0.1:9/v21.0", pageAccessToken: "t")
        case .telegram: TelegramClient(transport: transport, apiURL: "http://127.0.0.1:9", botToken: "t")
        case .whatsapp: WhatsAppClient(transport: transport, graphURL: "http://127.0.0.1:9/v21.0", accessToken: "t")
        }
    }

    static func message(_ platform: Platform) -> OutboundMessage {
        // Long enough for several parts on every platform; choices make WhatsApp's last part interactive.
        let text = (1...80).map { "Absatz \($0): " + String(repeating: "Bürgerbüro öffnet werktags. ", count: 12) }
            .joined(separator: "\n\n")
        let reply = BotReply(text: text, choices: [.init(title: "Reisepass", payload: "topic:reisepass")])
        let channel: Channel = switch platform {
        case .instagram: .instagram
        case .messenger: .messenger
        case .telegram: .telegram
        case .whatsapp: .whatsapp
        }
        return OutboundMessage(
            channel: channel, recipientID: "4917612345678",
            address: ReplyAddress(chatID: "4917612345678", phoneNumberID: "PN_1"), reply: reply, outboxID: 7)
    }

    @Test(arguments: Platform.allCases)
    func progressNamesTheTextOfTheNextPart(_ platform: Platform) async throws {
        let transport = TextRecordingTransport()
        let reports = Mutex<[PartsSent]>([])
        try await Self.client(platform, transport: transport).send(Self.message(platform), from: 2) { sent in
            reports.withLock { $0.append(sent) }
        }
        let sent = transport.sent
        let received = reports.withLock { $0 }
        #expect(sent.count >= 3)
        // Starting at part 2: the first two count as sent before, every later one is reported.
        #expect(received.map(\.count) == Array(3...(sent.count + 2)))
        #expect(received.allSatisfy { $0.total == sent.count + 2 })
        #expect(received.dropLast().map(\.nextText) == sent.dropFirst().map(Optional.some))
        #expect(received.last?.nextText == nil)
    }
}
