/// Synonym groups from `city.yaml`, as stems: any member stands for every other member.
struct SynonymTable: Sendable {
    /// Single-word stem → the stems of the other single-word members of its groups.
    private var bySingleStem: [String: [String]] = [:]
    /// Multi-word members (as stem sequences) with the single-word stems of their group.
    private var phrases: [(stems: [String], group: [String])] = []

    init(groups: [[String]], language: String) {
        for group in groups {
            let members = group.map { TextNormalizer.tokens($0).map { Stemmer.stem($0, language: language) } }.filter { !$0.isEmpty }
            let singles = members.filter { $0.count == 1 }.map { $0[0] }
            for stem in singles {
                bySingleStem[stem, default: []].append(contentsOf: singles.filter { $0 != stem })
            }
            for member in members where member.count > 1 {
                phrases.append((member, singles))
            }
        }
    }

    func alternatives(for stem: String) -> [String] { bySingleStem[stem] ?? [] }

    /// Groups whose multi-word member occurs in the stemmed message.
    func phraseMatches(in stems: [String]) -> [[String]] {
        phrases.filter { phrase in
            guard stems.count >= phrase.stems.count else { return false }
            return (0...(stems.count - phrase.stems.count)).contains { Array(stems[$0..<($0 + phrase.stems.count)]) == phrase.stems }
        }.map(\.group)
    }
}
