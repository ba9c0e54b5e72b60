extension Lexicon {
    /// Whether `tokens` contain `phrase` as consecutive tokens (`*` at a phrase token's end matches a prefix).
    static func contains(_ tokens: [String], phrase: [String]) -> Bool {
        guard !phrase.isEmpty, tokens.count >= phrase.count else { return false }
        outer: for start in 0...(tokens.count - phrase.count) {
            for (offset, word) in phrase.enumerated() {
                let token = tokens[start + offset]
                if word.hasSuffix("*") {
                    if !token.hasPrefix(word.dropLast()) { continue outer }
                } else if TextNormalizer.fold(token) != TextNormalizer.fold(word) {
                    continue outer
                }
            }
            return true
        }
        return false
    }

    /// Whether any of `phrases` occurs in `tokens`.
    static func containsAny(_ tokens: [String], _ phrases: [[String]]) -> Bool {
        phrases.contains { contains(tokens, phrase: $0) }
    }

    /// The small-talk kinds found in `tokens`, in the lexicon's priority order, and how many tokens they cover.
    func smalltalkKinds(in tokens: [String]) -> (kinds: [SmalltalkKind], covered: Int) {
        var kinds: [SmalltalkKind] = []
        var covered = Set<Int>()
        for (kind, phrases) in smalltalk {
            for phrase in phrases where tokens.count >= phrase.count {
                for start in 0...(tokens.count - phrase.count)
                where Self.contains(Array(tokens[start..<(start + phrase.count)]), phrase: phrase) {
                    if !kinds.contains(kind) { kinds.append(kind) }
                    covered.formUnion(start..<(start + phrase.count))
                }
            }
        }
        return (kinds, covered.count)
    }
}
