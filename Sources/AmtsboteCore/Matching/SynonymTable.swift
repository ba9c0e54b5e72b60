/// Synonym groups from `city.yaml`, as stems: any member stands for every other member.
struct SynonymTable: Sendable {
    /// Single-word stem → the stems of the other single-word members of its groups.
    private var bySingleStem: [String: [String]] = [:]
    /// Multi-word members (as stem sequences) with the single-word stems of their group.
    private var phrasesByFirstStem: [String: [(stems: [String], group: [String])]] = [:]
    /// Single-word stem → the multi-word members of its groups ("personalauswei" → [id, card]).
    private var phrasesBySingleStem: [String: [[String]]] = [:]

    init(groups: [[String]], language: String) {
        for group in groups {
            let members = group.map { TextNormalizer.tokens($0).map { Stemmer.stem($0, language: language) } }.filter { !$0.isEmpty }
            let singles = members.filter { $0.count == 1 }.map { $0[0] }
            let phrases = members.filter { $0.count > 1 }
            for stem in singles {
                bySingleStem[stem, default: []].append(contentsOf: singles.filter { $0 != stem })
                phrasesBySingleStem[stem, default: []].append(contentsOf: phrases)
            }
            // A phrase found in the message stands for every word of every member ("id card" →
            // ident, card, id), so a group of only multi-word members still connects them.
            var allStems: [String] = []
            for stem in members.joined() where !allStems.contains(stem) { allStems.append(stem) }
            for member in members where member.count > 1 {
                phrasesByFirstStem[member[0], default: []].append((member, allStems))
            }
        }
    }

    func alternatives(for stem: String) -> [String] { bySingleStem[stem] ?? [] }

    /// The multi-word members a single word stands for, as stem sequences: "Personalausweis"
    /// means "id card", which a topic has when it has both words.
    func phrases(for stem: String) -> [[String]] { phrasesBySingleStem[stem] ?? [] }

    /// Multi-word members found in the stemmed message: for each position inside a match, the
    /// stems of the group's other members ("identity card" → id), to use as alternatives.
    func phraseAlternatives(in stems: [String]) -> [Int: [String]] {
        guard !phrasesByFirstStem.isEmpty else { return [:] }
        var result: [Int: [String]] = [:]
        for (start, stem) in stems.enumerated() {
            for phrase in phrasesByFirstStem[stem] ?? [] where start + phrase.stems.count <= stems.count {
                guard stems[start..<(start + phrase.stems.count)].elementsEqual(phrase.stems) else { continue }
                let others = phrase.group.filter { !phrase.stems.contains($0) }
                for position in start..<(start + phrase.stems.count) { result[position, default: []] += others }
            }
        }
        return result
    }
}
