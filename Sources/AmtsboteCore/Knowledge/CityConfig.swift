/// The contents of `city.yaml`: the city, its offices, its fixed messages and synonyms.
public struct CityConfig: Sendable {
    public var name: String
    /// Supported languages; the first one is the default.
    public var languages: [String]
    /// IANA time zone name, e.g. `Europe/Berlin`.
    public var timezone: String
    public var offices: [String: Office]
    public var emergency: LocalizedText
    /// Every fixed sentence the bot says, by key (`greeting`, `escalated`, `privacy`, and optional ones).
    public var messages: [String: LocalizedText]
    /// Groups of words that mean the same thing, per language.
    public var synonyms: [String: [[String]]]
    /// Optional `staff_office`: the office whose hours say when staff answer escalated questions.
    public var staffOffice: String?

    public init(
        name: String, languages: [String], timezone: String = "Europe/Berlin", offices: [String: Office] = [:],
        emergency: LocalizedText, messages: [String: LocalizedText], synonyms: [String: [[String]]] = [:], staffOffice: String? = nil
    ) {
        self.name = name
        self.languages = languages
        self.timezone = timezone
        self.offices = offices
        self.emergency = emergency
        self.messages = messages
        self.synonyms = synonyms
        self.staffOffice = staffOffice
    }

    /// The city's default language (the first listed).
    public var defaultLanguage: String { languages.first ?? "de" }

    /// A fixed message in `language`, falling back to the default language; nil when the key is missing.
    public func message(_ key: String, in language: String) -> String? {
        messages[key]?.text(in: language, fallback: defaultLanguage)
    }
}
