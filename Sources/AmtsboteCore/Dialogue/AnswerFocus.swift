import Foundation

/// The parts of a topic's answer that a message asks about ("und was kostet das?" → the fees), for
/// a citizen who has just been sent the whole answer: they get what they asked for, not the same
/// long text again. Pure: text in, a selection out.
struct AnswerFocus: Sendable {
    /// A selection of more than this share of the answer is no focus: the whole answer is sent.
    static let maximumShare = 0.7
    /// A longer message is a question of its own, not a follow-up about a part of the answer (and
    /// its words are not matched against every block: hostile input stays cheap).
    static let maximumWords = 30

    /// The answer's blocks the message asks about, and whether the office's contact block
    /// (address, phone, opening hours) answers it.
    struct Selection: Equatable, Sendable {
        var blocks: [String]
        var office: Bool
    }

    /// What a message asks about in an answer, or nil when it asks about nothing in particular
    /// or about most of the answer.
    /// - Parameters:
    ///   - message: the citizen's message, in `messageLanguage`.
    ///   - title: the topic's title; its words name the topic, not a part of the answer.
    ///   - body: the answer text (Markdown), in `bodyLanguage`.
    ///   - hasOffice: whether the topic has an office whose contact block can be sent.
    static func select(
        message: String, messageLanguage: String, title: String, body: String, bodyLanguage: String, hasOffice: Bool
    ) -> Selection? {
        let raw = TextNormalizer.tokens(message)
        guard raw.count <= maximumWords else { return nil }
        let tokens = raw.map(TextNormalizer.fold)
        func asked(_ asks: (ConceptWords) -> [String]) -> [Concept] {
            Concept.allCases.filter { concept in
                guard let words = words(concept, language: messageLanguage) else { return false }
                return tokens.contains { token in asks(words).contains { matches(token, $0) } }
            }
        }
        var concepts = asked(\.asks)
        if concepts.isEmpty { concepts = asked(\.asksAlone) }
        let patterns = concepts.flatMap { words($0, language: bodyLanguage)?.answers ?? [] }
        // Without an aspect asked about, the message's own words say what it is about ("und mit dem Bus?").
        let subject = concepts.isEmpty && messageLanguage == bodyLanguage ? subjectWords(raw, language: messageLanguage, title: title) : []
        let office = hasOffice && concepts.contains(where: \.asksForOffice)
        guard !patterns.isEmpty || !subject.isEmpty || office else { return nil }
        // A subject word does not pick a block by the title's words ("tour" is not asked about
        // where a block says "Tourist Information"); link targets ("…/tourismus") pick none.
        let titleStems = subject.isEmpty ? [] : stems(of: title, language: bodyLanguage)
        let selected = blocks(of: body).filter { block in
            TextNormalizer.tokens(withoutLinkTargets(block)).map(TextNormalizer.fold).contains { token in
                patterns.contains { matches(token, $0) }
                    || (subject.contains { matches(token, $0) }
                        && !titleStems.contains(TextNormalizer.fold(Stemmer.stem(token, language: bodyLanguage))))
            }
        }
        guard !selected.isEmpty || office else { return nil }
        let share = Double(selected.reduce(0) { $0 + $1.count }) / Double(max(1, body.count))
        return share > maximumShare ? nil : Selection(blocks: selected, office: office)
    }

    /// The message's content words the title does not say ("Parkplätze", "Bus"), as stem patterns
    /// that German compounds in the answer contain too ("Behindertenparkplätze", "Bushaltestelle").
    /// `tokens` are as in the message, not folded, like the stop words they are checked against.
    private static func subjectWords(_ tokens: [String], language: String, title: String) -> [String] {
        let lexicon = Lexicon.builtIn(language)
        let titleStems = stems(of: title, language: language)
        return tokens.compactMap { token -> String? in
            guard token.count >= 3, !TextNormalizer.isNumber(token), !lexicon.stopwords.contains(token),
                !lexicon.followUp.contains(token)
            else { return nil }
            let stem = TextNormalizer.fold(Stemmer.stem(token, language: language))
            return stem.count >= 3 && !titleStems.contains(stem) ? "~" + stem : nil
        }
    }

    private static func stems(of title: String, language: String) -> Set<String> {
        Set(TextNormalizer.tokens(title).map { TextNormalizer.fold(Stemmer.stem($0, language: language)) })
    }

    /// The text without web addresses: Markdown link targets and bare `http…`/`www.…` words.
    static func withoutLinkTargets(_ text: String) -> String {
        text.replacing(/\]\([^)]*\)/, with: "]").replacing(/(https?:\/\/|www\.)\S+/, with: "")
    }

    /// Whether an answer token matches a pattern: `word` exactly, `prefix*`, or `~stem` as a
    /// prefix or, for stems of five letters or more, anywhere inside a compound.
    static func matches(_ token: String, _ pattern: String) -> Bool {
        if pattern.hasPrefix("~") {
            let stem = pattern.dropFirst()
            return token.hasPrefix(stem) || (stem.count >= 5 && token.contains(stem))
        }
        if pattern.hasSuffix("*") { return token.hasPrefix(pattern.dropLast()) }
        return token == pattern
    }

    /// The answer's blocks: paragraphs, each with the list that follows it, and a lead-in ending
    /// in a colon or a heading together with what it introduces.
    static func blocks(of body: String) -> [String] {
        var paragraphs: [String] = []
        var current: [Substring] = []
        for line in body.split(omittingEmptySubsequences: false, whereSeparator: \.isNewline) {
            if line.allSatisfy(\.isWhitespace) {
                if !current.isEmpty { paragraphs.append(current.joined(separator: "\n")) }
                current = []
            } else {
                current.append(line)
            }
        }
        if !current.isEmpty { paragraphs.append(current.joined(separator: "\n")) }
        var blocks: [String] = []
        var joinNext = false
        for paragraph in paragraphs {
            if !blocks.isEmpty, joinNext || isList(paragraph) {
                blocks[blocks.count - 1] += "\n\n" + paragraph
            } else {
                blocks.append(paragraph)
            }
            let bare = paragraph.trimmingCharacters(in: .whitespaces).trimmingCharacters(in: CharacterSet(charactersIn: "*_ "))
            joinNext = bare.hasSuffix(":") || paragraph.hasPrefix("#")
        }
        return blocks
    }

    private static func isList(_ paragraph: String) -> Bool {
        let first = paragraph.drop { $0 == " " }
        if first.hasPrefix("- ") || first.hasPrefix("* ") || first.hasPrefix("+ ") { return true }
        let digits = first.prefix { $0.isNumber }
        return !digits.isEmpty && first.dropFirst(digits.count).hasPrefix(". ")
    }
}
