/// The parts of Meta's webhook envelope we read (Messenger, Instagram, WhatsApp Cloud).
/// Every field is optional: unknown or partial events are ignored rather than refused, and an
/// entry, event, change, message or status that cannot be read is skipped, not the whole body.
struct MetaWebhookPayload: Decodable, Sendable {
    var object: String?
    var entry: [Entry]?

    enum CodingKeys: String, CodingKey { case object, entry }

    init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        object = container.decodeLeniently(String.self, forKey: .object)
        entry = container.decodeEach(Entry.self, forKey: .entry)
    }

    struct Entry: Decodable, Sendable {
        var id: String?
        var messaging: [MessagingEvent]?
        var changes: [Change]?

        enum CodingKeys: String, CodingKey { case id, messaging, changes }

        init(from decoder: any Decoder) throws {
            let container = try decoder.container(keyedBy: CodingKeys.self)
            id = container.decodeLeniently(String.self, forKey: .id)
            messaging = container.decodeEach(MessagingEvent.self, forKey: .messaging)
            changes = container.decodeEach(Change.self, forKey: .changes)
        }
    }

    // MARK: - Messenger and Instagram

    struct MessagingEvent: Decodable, Sendable {
        var sender: Party?
        var recipient: Party?
        var timestamp: Int64?
        var message: Message?
        var postback: Postback?

        enum CodingKeys: String, CodingKey { case sender, recipient, timestamp, message, postback }

        init(from decoder: any Decoder) throws {
            let container = try decoder.container(keyedBy: CodingKeys.self)
            sender = try container.decodeIfPresent(Party.self, forKey: .sender)
            recipient = try container.decodeIfPresent(Party.self, forKey: .recipient)
            timestamp = container.decodeInt64Leniently(forKey: .timestamp)
            message = try container.decodeIfPresent(Message.self, forKey: .message)
            postback = try container.decodeIfPresent(Postback.self, forKey: .postback)
        }
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

        enum CodingKeys: String, CodingKey { case metadata, messages, statuses }

        init(from decoder: any Decoder) throws {
            let container = try decoder.container(keyedBy: CodingKeys.self)
            metadata = try container.decodeIfPresent(Metadata.self, forKey: .metadata)
            messages = container.decodeEach(WhatsAppMessage.self, forKey: .messages)
            statuses = container.decodeEach(Status.self, forKey: .statuses)
        }
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
