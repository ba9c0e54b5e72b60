/// A loaded, validated knowledge base: the city and its topics.
public struct KnowledgeBase: Sendable {
    public var city: CityConfig
    /// Topics in a stable order (sorted by id).
    public var topics: [Topic]
    private var indexByID: [String: Int]

    public init(city: CityConfig, topics: [Topic]) {
        self.city = city
        self.topics = topics.sorted { $0.id < $1.id }
        self.indexByID = Dictionary(uniqueKeysWithValues: self.topics.enumerated().map { ($1.id, $0) })
    }

    public func topic(_ id: String) -> Topic? { indexByID[id].map { topics[$0] } }

    /// The position of a topic in `topics`.
    public func position(of id: String) -> Int? { indexByID[id] }

    /// The title of a topic in `language` (falling back to the city's default language).
    public func title(of id: String, in language: String) -> String {
        topic(id)?.translation(language, fallback: city.defaultLanguage).title ?? id
    }
}
