import Foundation

/// What the bot remembers about one conversation between messages (stored as JSON).
public struct ConversationState: Sendable, Hashable, Codable {
    /// The citizen's language, once known.
    public var language: String?
    /// Topic ids offered in a pending `clarify` choice, in the order shown.
    public var pendingChoices: [String]
    /// The last topic answered, for follow-ups ("und was kostet das?").
    public var lastTopic: String?
    /// Whether the first-contact notice (bot + privacy) was sent.
    public var introduced: Bool

    public init(language: String? = nil, pendingChoices: [String] = [], lastTopic: String? = nil, introduced: Bool = false) {
        self.language = language
        self.pendingChoices = pendingChoices
        self.lastTopic = lastTopic
        self.introduced = introduced
    }

    /// How long a pending choice and the last topic stay in mind. After a longer pause "1" or
    /// "Öffnungszeiten?" start afresh instead of referring to a question asked hours ago; the
    /// language and the first-contact notice are kept.
    public static let contextLifetime: TimeInterval = 2 * 60 * 60

    /// The state for a message arriving `idle` seconds after the conversation's last message.
    public func resumed(afterIdle idle: TimeInterval) -> ConversationState {
        guard idle > Self.contextLifetime else { return self }
        var state = withoutPendingChoices
        state.lastTopic = nil
        return state
    }

    /// The state with no choice pending any more.
    public var withoutPendingChoices: ConversationState {
        var state = self
        state.pendingChoices = []
        return state
    }
}
