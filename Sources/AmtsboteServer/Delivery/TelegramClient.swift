import AmtsboteCore
import Foundation

/// Sends on Telegram: `POST {api}/bot<token>/sendMessage` with `{"chat_id","text","reply_markup"}`;
/// text split at 4096 characters, choices as an inline keyboard (one button per row) on the last part.
struct TelegramClient: PlatformClient {
    let transport: any HTTPTransport
    let apiURL: String
    let botToken: String

    /// `callback_data` may hold at most 64 bytes.
    static let maxCallbackData = 64

    func send(_ message: OutboundMessage, from firstPart: Int, progress: PartProgress) async throws {
        let chatID = message.address.chatID ?? message.recipientID
        let parts = TextSplitter.split(ReplyText.plain(message.reply), limit: 4096, measure: .utf16)
        try await sendParts(Array(parts.enumerated()), from: firstPart, progress: progress, text: \.element) { index, text in
            let keyboard = index == parts.count - 1 ? Self.keyboard(message.reply.choices) : nil
            try await call("sendMessage", body: SendMessage(chatID: ChatID(chatID), text: text, replyMarkup: keyboard))
        }
    }

    /// Acknowledges a tapped inline button.
    func answerCallbackQuery(id: String) async throws {
        try await call("answerCallbackQuery", body: ["callback_query_id": id])
    }

    private func call(_ method: String, body: some Encodable) async throws {
        guard let url = URL(string: "\(apiURL)/bot\(botToken)/\(method)") else {
            throw DeliveryError.permanent("bad TELEGRAM_API_URL")
        }
        let response: InboundResponse
        do {
            response = try await transport.send(try .json(url, body: body))
        } catch {
            throw PlatformErrorClassifier.transport(error)
        }
        guard (200..<300).contains(response.status) else { throw PlatformErrorClassifier.telegram(response) }
    }

    static func keyboard(_ choices: [BotReply.Choice]) -> SendMessage.Markup? {
        let rows = choices.filter { $0.payload.utf8.count <= maxCallbackData }.map {
            [SendMessage.Button(text: $0.title, callbackData: $0.payload)]
        }
        return rows.isEmpty ? nil : SendMessage.Markup(inlineKeyboard: rows)
    }

    /// A chat id: numeric ids are sent as numbers, `@channel` names as strings.
    struct ChatID: Encodable {
        var value: String
        init(_ value: String) { self.value = value }
        func encode(to encoder: any Encoder) throws {
            var container = encoder.singleValueContainer()
            if let number = Int64(value) { try container.encode(number) } else { try container.encode(value) }
        }
    }

    struct SendMessage: Encodable {
        var chatID: ChatID
        var text: String
        var replyMarkup: Markup?

        enum CodingKeys: String, CodingKey {
            case text
            case chatID = "chat_id"
            case replyMarkup = "reply_markup"
        }

        struct Markup: Encodable {
            var inlineKeyboard: [[Button]]
            enum CodingKeys: String, CodingKey { case inlineKeyboard = "inline_keyboard" }
        }

        struct Button: Encodable {
            var text: String
            var callbackData: String
            enum CodingKeys: String, CodingKey {
                case text
                case callbackData = "callback_data"
            }
        }
    }
}
