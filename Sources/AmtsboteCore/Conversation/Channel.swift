/// The channels a citizen can write on. The raw values are the names used everywhere
/// (database, command line, JSON).
public enum Channel: String, Sendable, Hashable, Codable, CaseIterable {
    case messenger, instagram, whatsapp, telegram, webchat, api

    /// How long after the citizen's last message the platform allows a free-form reply, if limited.
    public var replyWindow: Double? {
        switch self {
        case .messenger, .instagram, .whatsapp: return 24 * 3600
        case .telegram, .webchat, .api: return nil
        }
    }

    /// The longer window staff get with the `HUMAN_AGENT` message tag (Messenger and Instagram only).
    public var humanAgentWindow: Double? {
        switch self {
        case .messenger, .instagram: return 7 * 24 * 3600
        default: return nil
        }
    }
}

/// Channel-specific routing data needed to reply (stored per conversation).
public struct ReplyAddress: Sendable, Hashable, Codable {
    /// Telegram chat id (may differ from the sender id in groups).
    public var chatID: String?
    /// WhatsApp business phone number id that received the message (replies go out from it).
    public var phoneNumberID: String?
    /// Messenger/Instagram page or account id that received the message.
    public var pageID: String?

    public init(chatID: String? = nil, phoneNumberID: String? = nil, pageID: String? = nil) {
        self.chatID = chatID
        self.phoneNumberID = phoneNumberID
        self.pageID = pageID
    }
}

/// A citizen's message, normalised from any channel's wire format.
public struct InboundMessage: Sendable, Hashable, Codable {
    public enum Kind: String, Sendable, Hashable, Codable {
        /// Typed text (also an edited message).
        case text
        /// A tapped quick reply / button / callback: `payload` holds our choice payload.
        case choice
        /// Something other than text (image, voice, sticker, …).
        case attachment
    }

    public var channel: Channel
    /// Platform id of the sender (PSID, IGSID, wa_id, Telegram user id, web chat session id, API sender).
    public var senderID: String
    /// The platform's unique id of this event (mid, wamid, update_id, …): the idempotency key.
    public var externalID: String
    public var kind: Kind
    public var text: String
    public var payload: String?
    public var address: ReplyAddress
    /// A language hint from the platform (e.g. Telegram's `language_code`), if any.
    public var languageHint: String?
    /// Platform-specific id needed to acknowledge the event (Telegram callback query id).
    public var callbackID: String?

    public init(
        channel: Channel, senderID: String, externalID: String, kind: Kind = .text, text: String,
        payload: String? = nil, address: ReplyAddress = ReplyAddress(), languageHint: String? = nil,
        callbackID: String? = nil
    ) {
        self.channel = channel
        self.senderID = senderID
        self.externalID = externalID
        self.kind = kind
        self.text = text
        self.payload = payload
        self.address = address
        self.languageHint = languageHint
        self.callbackID = callbackID
    }
}
