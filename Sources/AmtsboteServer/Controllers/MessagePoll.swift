import AmtsboteCore
import AmtsboteStore
import Hummingbird

/// Polling for later messages of a conversation (staff replies), shared by the web chat and the
/// JSON API: `?after=<message id>` → `{"messages":[…]}`, the bot's and staff's messages after it.
struct MessagePoll: Encodable {
    var messages: [ReplyPayload]

    /// The `after` cursor: missing means from the start; one that is no message id is refused
    /// (read as 0, it sent the whole history again).
    static func cursor(in query: Parameters) throws -> Int64 {
        guard let text = query["after"] else { return 0 }
        guard let value = Int64(String(text)), value >= 0 else {
            throw APIError.malformed("after must be the id of a message (a whole number, 0 or more)")
        }
        return value
    }

    /// The response for one sender's conversation on `channel`; no messages when there is none yet.
    static func response(database: AmtsboteDatabase, channel: Channel, senderID: String, after: Int64) async throws -> Response {
        guard let conversation = try await database.conversation(channel: channel, senderID: senderID),
            let conversationID = conversation.id
        else { return try JSONResponse.make(MessagePoll(messages: [])) }
        let records = try await database.outgoingMessages(conversationID: conversationID, after: after)
        return try JSONResponse.make(MessagePoll(messages: records.map { ReplyPayload(record: $0, reply: nil) }))
    }
}
