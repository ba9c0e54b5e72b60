/// A set of phrases (token sequences, `*` at a word's end for a prefix) compiled for fast
/// matching against a message's folded tokens: phrases are looked up by their first word.
struct PhraseSet: Sendable {
    private struct Word: Sendable {
        var text: String
        var isPrefix: Bool
        func matches(_ token: String) -> Bool { isPrefix ? token.hasPrefix(text) : token == text }
    }

    private var byFirstWord: [String: [[Word]]] = [:]
    private var prefixFirst: [[Word]] = []

    init(_ phrases: [[String]]) {
        for phrase in phrases {
            // Words are tokenised like messages: "grüße" is "grüsse", "can't" is "can" "t".
            let words = phrase.flatMap { word -> [Word] in
                let isPrefix = word.hasSuffix("*")
                let parts = TextNormalizer.tokens(isPrefix ? String(word.dropLast()) : word).map(TextNormalizer.fold)
                return parts.enumerated().map { Word(text: $1, isPrefix: isPrefix && $0 == parts.count - 1) }
            }
            guard !words.isEmpty else { continue }
            if words[0].isPrefix { prefixFirst.append(words) } else { byFirstWord[words[0].text, default: []].append(words) }
        }
    }

    /// Ranges of `folded` tokens covered by any phrase.
    func matches(in folded: [String]) -> [Range<Int>] {
        var found: [Range<Int>] = []
        // Two loops, not one over the two lists joined: joining allocated an array per word.
        for start in folded.indices {
            for words in byFirstWord[folded[start]] ?? [] where Self.phrase(words, matchesAt: start, in: folded) {
                found.append(start..<(start + words.count))
            }
            for words in prefixFirst where Self.phrase(words, matchesAt: start, in: folded) {
                found.append(start..<(start + words.count))
            }
        }
        return found
    }

    private static func phrase(_ words: [Word], matchesAt start: Int, in folded: [String]) -> Bool {
        start + words.count <= folded.count && zip(words, folded[start...]).allSatisfy { $0.matches($1) }
    }

    func containsAny(in folded: [String]) -> Bool { !matches(in: folded).isEmpty }

    /// The positions of `folded` tokens the phrases cover; nil when none occurs.
    func covered(in folded: [String]) -> Set<Int>? {
        let ranges = matches(in: folded)
        return ranges.isEmpty ? nil : Set(ranges.flatMap { $0 })
    }
}

/// A lexicon's phrase lists compiled for matching. A class: the matcher hands it around several
/// times per message, and copying a struct of this many lists retained each of them (7 % of the
/// matcher's time in a profile).
final class CompiledLexicon: Sendable {
    let lexicon: Lexicon
    let emergency: PhraseSet
    let humanRequest: PhraseSet
    let dataRequest: PhraseSet
    let languageRequest: PhraseSet
    let frustration: PhraseSet
    let smalltalk: [(SmalltalkKind, PhraseSet)]
    let probes: PhraseSet
    /// `Lexicon.people` tokenised like messages ("großmutter" → "grossmutter").
    let people: Set<String>
    /// `Lexicon.places` tokenised the same way ("österreich", "grossbritannien").
    let places: Set<String>
    let gratitudeLinks: Set<String>
    let questionWords: Set<String>

    init(_ lexicon: Lexicon) {
        self.lexicon = lexicon
        emergency = PhraseSet(lexicon.emergency)
        humanRequest = PhraseSet(lexicon.humanRequest)
        dataRequest = PhraseSet(lexicon.dataRequest)
        languageRequest = PhraseSet(lexicon.languageRequest)
        frustration = PhraseSet(lexicon.frustration)
        smalltalk = lexicon.smalltalk.map { ($0.0, PhraseSet($0.1)) }
        probes = PhraseSet(lexicon.probes)
        people = Set(lexicon.people.flatMap(TextNormalizer.tokens))
        places = Set(lexicon.places.flatMap(TextNormalizer.tokens))
        gratitudeLinks = Set(lexicon.gratitudeLinks.flatMap(TextNormalizer.tokens).map(TextNormalizer.fold))
        questionWords = Set(lexicon.questionWords.flatMap(TextNormalizer.tokens).map(TextNormalizer.fold))
    }

    /// The small-talk kinds found, in priority order, and the positions of the tokens they cover.
    func smalltalkKinds(in folded: [String]) -> (kinds: [SmalltalkKind], covered: Set<Int>) {
        var kinds: [SmalltalkKind] = []
        var covered = Set<Int>()
        for (kind, phrases) in smalltalk {
            let ranges = phrases.matches(in: folded)
            if !ranges.isEmpty { kinds.append(kind) }
            for range in ranges {
                covered.formUnion(range)
                if kind == .thanks { covered.formUnion(thanked(after: range.upperBound, in: folded)) }
            }
            // "Spreche ich mit einem Menschen?": the person asked about is part of the question.
            if kind == .identity, !ranges.isEmpty {
                for range in personPhrases(in: folded).inIdentityQuestion { covered.formUnion(range) }
            }
        }
        return (kinds, covered)
    }

    /// Whether the token names a person or a place (`people`, `places`): it says for whom or
    /// where, rarely what about.
    func namesPersonOrPlace(_ token: String) -> Bool { people.contains(token) || places.contains(token) }

    /// Positions of greetings and farewells ("Guten Morgen", "Viele Grüße", "good morning"):
    /// around a question they say nothing about its topic.
    func courtesyPositions(in folded: [String]) -> Set<Int> {
        Set(smalltalk.filter { $0.0 == .greeting || $0.0 == .goodbye }.flatMap { $0.1.matches(in: folded).flatMap { $0 } })
    }

    /// What thanks are for ("Danke für die Info zum Personalausweis", "thanks for your help"): up
    /// to five words after "für"/"for", ending before a question word ("…, wie beantrage ich …").
    private func thanked(after end: Int, in folded: [String]) -> Range<Int> {
        guard end < folded.count, gratitudeLinks.contains(folded[end]) else { return end..<end }
        var last = end + 1
        while last < min(folded.count, end + 6), !questionWords.contains(folded[last]) { last += 1 }
        return end..<last
    }
}
