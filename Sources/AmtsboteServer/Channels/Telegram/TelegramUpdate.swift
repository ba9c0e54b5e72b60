/// The parts of a Telegram `Update` we read. Every field is optional: other update types are ignored.
struct TelegramUpdate: Decodable, Sendable {
    var updateID: Int64?
    var message: Message?
    var editedMessage: Message?
    var callbackQuery: CallbackQuery?

    enum CodingKeys: String, CodingKey {
        case updateID = "update_id"
        case message
        case editedMessage = "edited_message"
        case callbackQuery = "callback_query"
    }

    struct Message: Decodable, Sendable {
        var messageID: Int64?
        var from: User?
        var chat: Chat?
        var text: String?
        var caption: String?

        enum CodingKeys: String, CodingKey {
            case messageID = "message_id"
            case from, chat, text, caption
        }
    }

    struct User: Decodable, Sendable {
        var id: Int64?
        var isBot: Bool?
        var languageCode: String?

        enum CodingKeys: String, CodingKey {
            case id
            case isBot = "is_bot"
            case languageCode = "language_code"
        }
    }

    struct Chat: Decodable, Sendable {
        var id: Int64?
    }

    struct CallbackQuery: Decodable, Sendable {
        var id: String?
        var from: User?
        var message: Message?
        var data: String?
    }
}
