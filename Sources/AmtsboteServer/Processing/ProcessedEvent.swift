import AmtsboteCore
import AmtsboteStore

/// The result of processing one stored event.
struct ProcessedEvent: Sendable {
    var conversationID: Int64
    /// The bot's logged reply, if it answered (nil when the message was dropped by the rate limit).
    var reply: MessageRecord?
    /// The reply as sent (Markdown plus choices).
    var botReply: BotReply?
    /// Whether an outbox entry was queued (channels that are sent to, not polled).
    var queued: Bool
    /// Telegram callback query to acknowledge.
    var callbackID: String?
    var channel: Channel
}
