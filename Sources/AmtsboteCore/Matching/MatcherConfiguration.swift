/// Thresholds and weights of the matcher.
public struct MatcherConfiguration: Sendable, Hashable {
    /// Confidence at which the best topic answers (unless another is as close as `clarifyRatio`).
    public var answerThreshold: Double = 0.4
    /// Lower confidence that still answers when the runner-up is below `marginRatio` of the best.
    public var marginThreshold: Double = 0.4
    public var marginRatio: Double = 0.8
    /// A message with at least this many content words tells a story around its question, which
    /// dilutes the confidence: it is answered from `longMessageThreshold` when the runner-up is
    /// below `marginRatio` of the best.
    public var longMessageWords: Int = 10
    public var longMessageThreshold: Double = 0.33
    /// Topics within this ratio of the best are offered as a `clarify` choice.
    public var clarifyRatio: Double = 0.95
    /// A topic found only through the other language's index counts this much.
    public var crossLanguageFactor: Double = 0.85
    /// A spelling correction counts this much of an exact hit.
    public var typoFactor: Double = 0.85
    /// A synonym counts this much of the word itself.
    public var synonymFactor: Double = 0.9
    /// Similarity to a sample question at which the message counts as asking that (when clearly
    /// nearer to it than to the other close topics' questions).
    public var sampleQuestionSimilarity: Double = 0.8
    /// Share of the topic-wide coverage in a language's score; the rest is the nearest sample question.
    public var topicWeight: Double = 0.8
    /// Share of the coverage in the final confidence; the rest is the strongest single word's evidence.
    public var coverageWeight: Double = 0.6
    /// How much an unknown word counts, by its everyday frequency: full weight at Zipf
    /// `rareZipf` and below, falling linearly to `minimumUnknownWeight` at Zipf `commonZipf`.
    public var rareZipf: Double = 3.0
    public var commonZipf: Double = 5.5
    public var minimumUnknownWeight: Double = 0.15
    /// The same for known words (a milder curve): everyday words say less about the topic.
    public var knownCommonZipf: Double = 7.0
    public var minimumKnownWeight: Double = 0.4
    /// Most a word asking about an aspect every service has (cost, duration, documents: the
    /// lexicon's `aspects`) weighs: "teuer" is rare in the texts, so without a cap it decided
    /// "Express-Reisepass wie teuer?" for the one topic whose sample question says "teuer".
    public var aspectWeightCap: Double = 1.5
    /// Most a word naming a relative or close person weighs (the lexicon's `people`): "wife" in
    /// "Can my wife pick up my passport for me?" decided for the topic whose sample question has it.
    public var peopleWeightCap: Double = 1.0
    /// Most a country or nationality weighs (the lexicon's `places`): "Brazil" in "I am coming
    /// from Brazil … how do I register my address?" is rare, unknown to the base, and weighed
    /// more than "register" and "address" together.
    public var placeWeightCap: Double = 1.0
    /// How many candidates to report.
    public var maxCandidates: Int = 5
    /// Only this many Unicode scalars of a message are read (Telegram's and WhatsApp's longest
    /// message): the work grows with the length, and a 1 MB text through the JSON API held up
    /// every other citizen's reply for seconds.
    public var longestMessage: Int = 4096
    /// Confidence a part of a message with several questions needs for its topic to be offered
    /// as also asked (higher than `answerThreshold`: a wrong offer distracts).
    public var alsoAskedThreshold: Double = 0.6
    /// Similarity to one of the topic's sample questions such a part needs as well: a part of a
    /// few words fits any topic that mentions one of them ("bin jetzt fertig" fitted collecting
    /// the ID card); one near none of the topic's sample questions rarely asks about it (of 107
    /// offers in the evaluation sets, 22 were sensible, by a blind reader).
    public var alsoAskedSimilarity: Double = 0.7

    public init() {}
}
