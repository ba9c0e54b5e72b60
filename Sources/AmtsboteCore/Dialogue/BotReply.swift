/// One message the bot sends to a citizen: Markdown text plus optional choices
/// (rendered as quick replies, buttons or an inline keyboard by each channel).
public struct BotReply: Sendable, Hashable, Codable {
    public var text: String
    public var choices: [Choice]

    public init(text: String, choices: [Choice] = []) {
        self.text = text
        self.choices = choices
    }

    /// A tappable option. `payload` comes back when the citizen taps it.
    public struct Choice: Sendable, Hashable, Codable {
        public var title: String
        public var payload: String
        public init(title: String, payload: String) {
            self.title = title
            self.payload = payload
        }
    }
}
