/// The parts of Meta's webhook envelope we read (Messenger, Instagram, WhatsApp Cloud).
/// Every field is optional: unknown or partial events are ignored rather than refused.
struct MetaWebhookPayload: Decodable, Sendable {
    var object: String?
    var entry: [Entry]?

    struct Entry: Decodable, Sendable {
        var id: String?
        var messaging: [MessagingEvent]?
        var changes: [Change]?
    }

    // MARK: - Messenger and Instagram

    struct MessagingEvent: Decodable, Sendable {
        var sender: Party?
        var recipient: Party?
        var timestamp: Int64?
        var message: Message?
        var postback: Postback?
    }

    struct Party: Decodable, Sendable {
        var id: String?
    }

    struct Message: Decodable, Sendable {
        var mid: String?
        var text: String?
        var isEcho: Bool?
        /// On echoes: the `metadata` the app sent with the message.
        var metadata: String?
        var quickReply: QuickReply?
        var attachments: [Attachment]?

        enum CodingKeys: String, CodingKey {
            case mid, text, attachments, metadata
            case isEcho = "is_echo"
            case quickReply = "quick_reply"
        }
    }

    struct QuickReply: Decodable, Sendable {
        var payload: String?
    }

    struct Attachment: Decodable, Sendable {
        var type: String?
    }

    struct Postback: Decodable, Sendable {
        var mid: String?
        var title: String?
        var payload: String?
    }

    // MARK: - WhatsApp

    struct Change: Decodable, Sendable {
        var field: String?
        var value: ChangeValue?
    }

    struct ChangeValue: Decodable, Sendable {
        var metadata: Metadata?
        var messages: [WhatsAppMessage]?
        var statuses: [Status]?
    }

    /// A receipt for a message the business sent.
    struct Status: Decodable, Sendable {
        var id: String?
        /// sent | delivered | read | failed
        var status: String?
        var callbackData: String?

        enum CodingKeys: String, CodingKey {
            case id, status
            case callbackData = "biz_opaque_callback_data"
        }
    }

    struct Metadata: Decodable, Sendable {
        var phoneNumberID: String?

        enum CodingKeys: String, CodingKey { case phoneNumberID = "phone_number_id" }
    }

    struct WhatsAppMessage: Decodable, Sendable {
        var from: String?
        var id: String?
        var type: String?
        var text: Body?
        var interactive: Interactive?
        var button: TemplateButton?
    }

    struct Body: Decodable, Sendable {
        var body: String?
    }

    struct Interactive: Decodable, Sendable {
        var type: String?
        var buttonReply: Reply?
        var listReply: Reply?

        enum CodingKeys: String, CodingKey {
            case type
            case buttonReply = "button_reply"
            case listReply = "list_reply"
        }
    }

    struct Reply: Decodable, Sendable {
        var id: String?
        var title: String?
    }

    struct TemplateButton: Decodable, Sendable {
        var payload: String?
        var text: String?
    }
}
