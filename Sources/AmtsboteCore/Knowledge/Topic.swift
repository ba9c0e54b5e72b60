import Foundation

/// One service or question area of the knowledge base, with its translations.
public struct Topic: Sendable, Identifiable {
    public var id: String
    /// The folder below `topics/` (free-form category), empty at the top level.
    public var category: String
    public var office: String?
    public var audiences: [String]
    public var related: [String]
    /// Inclusive calendar days (`yyyy-MM-dd`) between which the topic exists.
    public var validFrom: String?
    public var validUntil: String?
    /// Answer and also put the case into the staff queue.
    public var escalate: Bool
    /// Translations keyed by language code.
    public var translations: [String: TopicTranslation]

    public init(
        id: String, category: String = "", office: String? = nil, audiences: [String] = [], related: [String] = [],
        validFrom: String? = nil, validUntil: String? = nil, escalate: Bool = false,
        translations: [String: TopicTranslation]
    ) {
        self.id = id
        self.category = category
        self.office = office
        self.audiences = audiences
        self.related = related
        self.validFrom = validFrom
        self.validUntil = validUntil
        self.escalate = escalate
        self.translations = translations
    }

    /// The translation in `language`, else in `fallback`, else any.
    public func translation(_ language: String, fallback: String) -> TopicTranslation {
        translations[language] ?? translations[fallback] ?? translations.values.sorted { $0.language < $1.language }[0]
    }

    /// Whether the topic is valid on the given calendar day (`yyyy-MM-dd`, compared as text).
    public func isValid(onDay day: String) -> Bool {
        if let validFrom, day < validFrom { return false }
        if let validUntil, day > validUntil { return false }
        return true
    }
}

/// A topic in one language: one `<id>.<lang>.md` file.
public struct TopicTranslation: Sendable {
    public var language: String
    public var title: String
    public var questions: [String]
    public var keywords: [String]
    /// The answer in Markdown.
    public var body: String
    public var links: [Link]
    /// Path of the file relative to the knowledge base folder, for messages.
    public var file: String
    /// 1-based line of each sample question in `file`, for messages (nil where unknown).
    public var questionLines: [Int?]
    /// 1-based line of the title in `file`, for messages.
    public var titleLine: Int?

    public init(
        language: String, title: String, questions: [String], keywords: [String] = [], body: String,
        links: [Link] = [], file: String = "", questionLines: [Int?] = [], titleLine: Int? = nil
    ) {
        self.language = language
        self.title = title
        self.questions = questions
        self.keywords = keywords
        self.body = body
        self.links = links
        self.file = file
        self.questionLines = questionLines
        self.titleLine = titleLine
    }

    /// The line of the sample question at `position`, when known.
    public func line(ofQuestion position: Int) -> Int? {
        position < questionLines.count ? questionLines[position] : nil
    }

    public struct Link: Sendable, Hashable {
        public var title: String
        public var url: String
        public init(title: String, url: String) {
            self.title = title
            self.url = url
        }
    }
}
