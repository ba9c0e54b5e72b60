import AmtsboteCore

/// Turns a Telegram update into a citizen message: `message` and `edited_message` (text, a bot
/// command, or an attachment when there is no text) and `callback_query` (a tapped inline button).
/// The `update_id` is the idempotency key. Updates from bots and other kinds yield nothing.
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
            let (kind, text, payload) = command(text) ?? (.text, text, nil)
            return InboundMessage(
                channel: .telegram, senderID: String(userID), externalID: externalID, kind: kind, text: text, payload: payload,
                address: address, languageHint: user.languageCode)
        }
        return InboundMessage(
            channel: .telegram, senderID: String(userID), externalID: externalID, kind: .attachment, text: "",
            address: address, languageHint: user.languageCode)
    }

    /// A bot command (`/start`, `/help@CityBot`, …) as the message it stands for, nil for plain text.
    /// Telegram sends `/start` when someone opens the bot, with the `start` parameter of a deep link
    /// (`t.me/<bot>?start=personalausweis`) after it; every bot is expected to answer `/help`.
    /// `/start` is the greeting (a topic id after it opens that topic), `/help` what the bot can do,
    /// `/privacy` the privacy notice; any other command is read as the words it is made of.
    static func command(_ text: String) -> (kind: InboundMessage.Kind, text: String, payload: String?)? {
        guard text.hasPrefix("/") else { return nil }
        let words = text.dropFirst().split(separator: " ", maxSplits: 1)
        guard let first = words.first else { return nil }
        let name = first.split(separator: "@").first.map { $0.lowercased() } ?? ""
        let argument = words.count > 1 ? words[1].trimmingCharacters(in: .whitespaces) : ""
        switch name {
        case "start" where !argument.isEmpty:
            return (.choice, argument, ReplyComposer.payload(forTopic: argument.lowercased()))
        case "start": return (.choice, "", ReplyComposer.payload(forSmalltalk: .greeting))
        case "help": return (.choice, "", ReplyComposer.payload(forSmalltalk: .capabilities))
        case "privacy": return (.choice, "", ReplyComposer.payload(forSmalltalk: .privacy))
        default:
            let words = ([name.replacingOccurrences(of: "_", with: " ")] + (argument.isEmpty ? [] : [argument]))
            return (.text, words.joined(separator: " "), nil)
        }
    }
}
