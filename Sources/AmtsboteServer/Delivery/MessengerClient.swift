import AmtsboteCore
import Foundation

/// Sends on Messenger and Instagram through the Send API:
/// `POST {graph}/me/messages?access_token=<page token>` with
/// `{"recipient":{"id":…},"messaging_type":"RESPONSE","message":{"text":…,"quick_replies":[…]}}`.
/// Text is split below Messenger's 2000 characters or Instagram's 1000 bytes; choices become quick
/// replies on the last part.
struct MessengerClient: PlatformClient {
    let transport: any HTTPTransport
    let graphURL: String
    let pageAccessToken: String

    /// Quick replies allowed per message, and the length of a title.
    static let maxQuickReplies = 13
    static let maxTitleLength = 20

    func send(_ message: OutboundMessage, from firstPart: Int, progress: PartProgress) async throws {
        let parts = Self.parts(of: message.reply, channel: message.channel)
        guard var components = URLComponents(string: graphURL + "/me/messages") else {
            throw DeliveryError.permanent("bad META_GRAPH_URL")
        }
        components.queryItems = [URLQueryItem(name: "access_token", value: pageAccessToken)]
        guard let url = components.url else { throw DeliveryError.permanent("bad META_GRAPH_URL") }
        try await sendParts(Array(parts.enumerated()), from: firstPart, progress: progress, text: \.element) { index, text in
            let isLast = index == parts.count - 1
            let body = SendBody(
                recipient: .init(id: message.recipientID),
                messagingType: Self.messagingType(channel: message.channel, tag: message.tag),
                tag: message.tag,
                message: .init(
                    text: text, quickReplies: isLast ? Self.quickReplies(message.reply.choices) : nil,
                    metadata: Self.metadata(message, part: index)))
            let response: InboundResponse
            do {
                response = try await transport.send(try .json(url, body: body))
            } catch {
                throw PlatformErrorClassifier.transport(error)
            }
            guard (200..<300).contains(response.status) else { throw PlatformErrorClassifier.meta(response) }
        }
    }

    /// The text parts for a channel's limit.
    static func parts(of reply: BotReply, channel: Channel) -> [String] {
        let text = ReplyText.plain(reply)
        return channel == .instagram
            ? TextSplitter.split(text, limit: 1000, measure: .utf8)
            : TextSplitter.split(text, limit: 1999, measure: .utf16)
    }

    /// The reference Messenger repeats in the echo of the part. Not on Instagram: its Send API
    /// does not document `metadata`.
    static func metadata(_ message: OutboundMessage, part: Int) -> String? {
        guard message.channel == .messenger, let id = message.outboxID else { return nil }
        return SendReference(entryID: id, part: part).text
    }

    /// `RESPONSE` on Messenger, nothing on Instagram, `MESSAGE_TAG` with a tag on both.
    static func messagingType(channel: Channel, tag: String?) -> String? {
        if tag != nil { return "MESSAGE_TAG" }
        return channel == .instagram ? nil : "RESPONSE"
    }

    static func quickReplies(_ choices: [BotReply.Choice]) -> [SendBody.QuickReply]? {
        guard !choices.isEmpty else { return nil }
        return choices.prefix(maxQuickReplies).map {
            SendBody.QuickReply(contentType: "text", title: Self.shorten($0.title, to: maxTitleLength), payload: $0.payload)
        }
    }

    /// `text` cut to `length` characters with an ellipsis.
    static func shorten(_ text: String, to length: Int) -> String {
        text.count <= length ? text : String(text.prefix(length - 1)) + "…"
    }

    struct SendBody: Encodable {
        var recipient: Recipient
        var messagingType: String?
        var tag: String?
        var message: Message

        enum CodingKeys: String, CodingKey {
            case recipient, tag, message
            case messagingType = "messaging_type"
        }

        struct Recipient: Encodable { var id: String }

        struct Message: Encodable {
            var text: String
            var quickReplies: [QuickReply]?
            /// Repeated in the echo webhook (under 1000 characters).
            var metadata: String?
            enum CodingKeys: String, CodingKey {
                case text, metadata
                case quickReplies = "quick_replies"
            }
        }

        struct QuickReply: Encodable {
            var contentType: String
            var title: String
            var payload: String
            enum CodingKeys: String, CodingKey {
                case title, payload
                case contentType = "content_type"
            }
        }
    }
}
