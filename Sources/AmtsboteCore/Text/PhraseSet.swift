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
        for phrase in phrases where !phrase.isEmpty {
            let words = phrase.map { word in
                word.hasSuffix("*")
                    ? Word(text: TextNormalizer.fold(String(word.dropLast())), isPrefix: true)
                    : Word(text: TextNormalizer.fold(word), isPrefix: false)
            }
            if words[0].isPrefix { prefixFirst.append(words) } else { byFirstWord[words[0].text, default: []].append(words) }
        }
    }

    /// Ranges of `folded` tokens covered by any phrase.
    func matches(in folded: [String]) -> [Range<Int>] {
        var found: [Range<Int>] = []
        for start in folded.indices {
            let candidates = (byFirstWord[folded[start]] ?? []) + prefixFirst
            for words in candidates where start + words.count <= folded.count {
                if zip(words, folded[start...]).allSatisfy({ $0.matches($1) }) { found.append(start..<(start + words.count)) }
            }
        }
        return found
    }

    func containsAny(in folded: [String]) -> Bool { !matches(in: folded).isEmpty }
}

/// A lexicon's phrase lists compiled for matching.
struct CompiledLexicon: Sendable {
    let lexicon: Lexicon
    let emergency: PhraseSet
    let humanRequest: PhraseSet
    let smalltalk: [(SmalltalkKind, PhraseSet)]

    init(_ lexicon: Lexicon) {
        self.lexicon = lexicon
        emergency = PhraseSet(lexicon.emergency)
        humanRequest = PhraseSet(lexicon.humanRequest)
        smalltalk = lexicon.smalltalk.map { ($0.0, PhraseSet($0.1)) }
    }

    /// The small-talk kinds found, in priority order, and how many tokens they cover.
    func smalltalkKinds(in folded: [String]) -> (kinds: [SmalltalkKind], covered: Int) {
        var kinds: [SmalltalkKind] = []
        var covered = Set<Int>()
        for (kind, phrases) in smalltalk {
            let ranges = phrases.matches(in: folded)
            if !ranges.isEmpty { kinds.append(kind) }
            for range in ranges { covered.formUnion(range) }
        }
        return (kinds, covered.count)
    }
}
