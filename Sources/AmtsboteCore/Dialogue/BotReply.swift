/// One message the bot sends to a citizen: Markdown text plus optional choices
/// (rendered as quick replies, buttons or an inline keyboard by each channel).
public struct BotReply: Sendable, Hashable, Codable {
    public var text: String
    public var choices: [Choice]
    /// A short name for the choices, for platforms that show them behind a button (a WhatsApp
    /// list); from `city.yaml` (`label_choices`, `label_related`), nil when the city sets none.
    public var choicesLabel: String?

    public init(text: String, choices: [Choice] = [], choicesLabel: String? = nil) {
        self.text = text
        self.choices = choices
        self.choicesLabel = choicesLabel
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
