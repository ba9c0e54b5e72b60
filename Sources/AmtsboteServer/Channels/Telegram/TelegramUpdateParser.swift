import AmtsboteCore

/// Turns a Telegram update into a citizen message: `message` and `edited_message` (text, or an
/// attachment when there is none) and `callback_query` (a tapped inline button). The `update_id`
/// is the idempotency key. Updates from bots and other kinds yield nothing.
enum TelegramUpdateParser {
    static func message(in update: TelegramUpdate) -> InboundMessage? {
        guard let updateID = update.updateID else { return nil }
        let externalID = String(updateID)
        if let query = update.callbackQuery {
            guard let user = query.from, let userID = user.id, user.isBot != true else { return nil }
            let chatID = query.message?.chat?.id ?? userID
            return InboundMessage(
                channel: .telegram, senderID: String(userID), externalID: externalID, kind: .choice, text: "",
                payload: query.data, address: ReplyAddress(chatID: String(chatID)), languageHint: user.languageCode,
                callbackID: query.id)
        }
        guard let message = update.message ?? update.editedMessage, let user = message.from, let userID = user.id,
            user.isBot != true
        else { return nil }
        let address = ReplyAddress(chatID: String(message.chat?.id ?? userID))
        if let text = message.text, !text.isEmpty {
            return InboundMessage(
                channel: .telegram, senderID: String(userID), externalID: externalID, text: text, address: address,
                languageHint: user.languageCode)
        }
        return InboundMessage(
            channel: .telegram, senderID: String(userID), externalID: externalID, kind: .attachment, text: "",
            address: address, languageHint: user.languageCode)
    }
}
