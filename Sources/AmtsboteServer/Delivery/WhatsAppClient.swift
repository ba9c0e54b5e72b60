import AmtsboteCore
import Foundation

/// Sends on WhatsApp Cloud: `POST {graph}/{phone_number_id}/messages` with `Authorization: Bearer`.
/// Text goes out as `type:text` parts of at most 4096 characters; choices as reply buttons (up to 3)
/// or a list (up to 10 rows) carrying the last part of the text (at most 1024 characters).
struct WhatsAppClient: PlatformClient {
    let transport: any HTTPTransport
    let graphURL: String
    let accessToken: String

    static let maxButtons = 3
    static let maxRows = 10
    static let interactiveBodyLimit = 1024

    func send(_ message: OutboundMessage, from firstPart: Int, progress: PartProgress) async throws {
        guard let phoneNumberID = message.address.phoneNumberID, let url = URL(string: "\(graphURL)/\(phoneNumberID)/messages")
        else { throw DeliveryError.permanent("no WhatsApp phone number id for this conversation") }
        try await sendParts(Self.bodies(for: message), from: firstPart, progress: progress, text: \.shownText) { body in
            let response: InboundResponse
            do {
                response = try await transport.send(try .json(url, body: body, headers: ["Authorization": "Bearer \(accessToken)"]))
            } catch {
                throw PlatformErrorClassifier.transport(error)
            }
            guard (200..<300).contains(response.status) else { throw PlatformErrorClassifier.meta(response) }
        }
    }

    /// The request bodies for one reply, in order.
    static func bodies(for message: OutboundMessage) -> [Body] {
        let text = ReplyText.plain(message.reply)
        let choices = message.reply.choices
        var parts = TextSplitter.split(text, limit: 4096, measure: .utf16)
        var bodies: [Body] = []
        var interactiveText: String?
        if !choices.isEmpty {
            // The last part carries the buttons, so it must fit an interactive body.
            let last = parts.removeLast()
            var tail = TextSplitter.split(last, limit: interactiveBodyLimit, measure: .utf16)
            interactiveText = tail.removeLast()
            parts += tail
        }
        for part in parts {
            bodies.append(Body(to: message.recipientID, type: "text", text: .init(body: part)))
        }
        if let interactiveText {
            let interactive = interactive(interactiveText, choices, label: message.reply.choicesLabel)
            bodies.append(Body(to: message.recipientID, type: "interactive", interactive: interactive))
        }
        if let id = message.outboxID {
            for index in bodies.indices { bodies[index].callbackData = SendReference(entryID: id, part: index).text }
        }
        return bodies
    }

    private static func interactive(_ text: String, _ choices: [BotReply.Choice], label: String?) -> Body.Interactive {
        if choices.count <= maxButtons {
            let buttons = choices.map {
                Body.Button(reply: .init(id: $0.payload, title: MessengerClient.shorten($0.title, to: 20)))
            }
            return Body.Interactive(type: "button", body: .init(text: text), action: .init(buttons: buttons))
        }
        let rows = Array(choices.prefix(maxRows).map(Body.Row.init))
        return Body.Interactive(
            type: "list", body: .init(text: text),
            action: .init(button: listButton(label, rows: rows.count), sections: [.init(rows: rows)]))
    }

    /// The text on the button that opens a list (required, at most 20 characters): the reply's
    /// label from `city.yaml`, else the range of the choices' numbers ("1–5"), which needs no
    /// language (a "Meinten Sie …?" numbers them in its text).
    static func listButton(_ label: String?, rows: Int) -> String {
        let trimmed = label?.trimmingCharacters(in: .whitespacesAndNewlines) ?? ""
        return trimmed.isEmpty ? "1–\(rows)" : MessengerClient.shorten(trimmed, to: 20)
    }

    struct Body: Encodable {
        var messagingProduct = "whatsapp"
        var recipientType = "individual"
        var to: String
        var type: String
        var text: Text?
        var interactive: Interactive?
        /// Repeated in the status webhooks of the message (at most 512 characters).
        var callbackData: String?

        init(to: String, type: String, text: Text? = nil, interactive: Interactive? = nil) {
            self.to = to
            self.type = type
            self.text = text
            self.interactive = interactive
        }

        enum CodingKeys: String, CodingKey {
            case to, type, text, interactive
            case callbackData = "biz_opaque_callback_data"
            case messagingProduct = "messaging_product"
            case recipientType = "recipient_type"
        }

        /// The text the citizen reads in this message.
        var shownText: String { text?.body ?? interactive?.body.text ?? "" }

        struct Text: Encodable {
            var previewURL = false
            var body: String
            init(body: String) { self.body = body }
            enum CodingKeys: String, CodingKey {
                case body
                case previewURL = "preview_url"
            }
        }

        struct Interactive: Encodable {
            var type: String
            var body: InteractiveBody
            var action: Action
        }

        struct InteractiveBody: Encodable { var text: String }

        struct Action: Encodable {
            var buttons: [Button]?
            var button: String?
            var sections: [Section]?
            init(buttons: [Button]) { self.buttons = buttons }
            init(button: String, sections: [Section]) {
                self.button = button
                self.sections = sections
            }
        }

        struct Button: Encodable {
            var type = "reply"
            var reply: Reply
            init(reply: Reply) { self.reply = reply }
        }

        struct Reply: Encodable {
            var id: String
            var title: String
        }

        /// One section, so no title (WhatsApp requires one only when there are several).
        struct Section: Encodable {
            var rows: [Row]
        }

        /// A list row: a title of at most 24 characters; a longer topic title is given in full
        /// (up to 72 characters) as the row's description below the shortened one.
        struct Row: Encodable {
            var id: String
            var title: String
            var description: String?

            init(_ choice: BotReply.Choice) {
                id = choice.payload
                title = MessengerClient.shorten(choice.title, to: 24)
                description = choice.title.count > 24 ? MessengerClient.shorten(choice.title, to: 72) : nil
            }
        }
    }
}
