import AmtsboteCore
import AmtsboteStore

/// A bot or staff message as the web chat and the JSON API return it.
struct ReplyPayload: Codable, Sendable, Equatable {
    /// Message log id (the web chat polls for messages after the last id it saw).
    var id: Int64?
    /// Markdown text.
    var text: String
    var choices: [Choice]
    /// `bot` or `staff`.
    var author: String

    struct Choice: Codable, Sendable, Equatable {
        var title: String
        var payload: String
    }

    init(record: MessageRecord, reply: BotReply?) {
        id = record.id
        text = record.text ?? ""
        choices = (reply?.choices ?? []).map { Choice(title: $0.title, payload: $0.payload) }
        author = MessageRecord.staffName(ofAuthor: record.author) != nil ? "staff" : "bot"
    }
}

/// The response of the web chat and the JSON API to a citizen message.
struct DirectReplyOutput: Encodable, Sendable {
    var replies: [ReplyPayload]
    /// True when this id was received before (nothing was done again).
    var duplicate: Bool
    /// True when the message was stored but will be answered later.
    var queued: Bool

    init(_ outcome: DirectConversation.Outcome) {
        switch outcome {
        case .replied(let record, let reply):
            replies = record.map { [ReplyPayload(record: $0, reply: reply)] } ?? []
            duplicate = false
            queued = false
        case .duplicate:
            (replies, duplicate, queued) = ([], true, false)
        case .queued:
            (replies, duplicate, queued) = ([], false, true)
        }
    }
}
