/// Symmetric-delete spelling index: the delete-one variants of a set of words, so that words one
/// substitution, insertion, deletion or swap of neighbours away are found in a few lookups.
///
/// Variants are kept as 64-bit hashes in one sorted array (no string per variant); a hit is
/// checked against the word itself, so a hash collision never yields a wrong word.
struct DeletionTable: Sendable {
    private struct Entry: Comparable {
        var hash: UInt64
        var word: Int32
        static func < (a: Entry, b: Entry) -> Bool { (a.hash, a.word) < (b.hash, b.word) }
    }

    private let entries: [Entry]
    /// The words as Unicode scalar values, by word number.
    private let words: [[UInt32]]

    /// Indexes the delete-one variants of `words` whose number `include` accepts (on all cores).
    init(words: [String], include: (Int) -> Bool) {
        let scalars = words.map { $0.unicodeScalars.map(\.value) }
        let chosen = scalars.indices.filter(include)
        let perWord = concurrentMap(chosen) { index -> [Entry] in
            let word = scalars[index]
            return word.indices.map { Entry(hash: Self.hash(word, skipping: $0), word: Int32(index)) }
        }
        self.entries = perWord.flatMap { $0 }.sorted()
        self.words = scalars
    }

    /// Numbers of the indexed words that `variant` is a delete-one variant of (a word with
    /// repeated letters may appear more than once).
    func words(withDeletion variant: [UInt32]) -> [Int32] {
        let hash = Self.hash(variant, skipping: -1)
        var low = 0, high = entries.count
        while low < high {
            let mid = (low + high) / 2
            if entries[mid].hash < hash { low = mid + 1 } else { high = mid }
        }
        var result: [Int32] = []
        while low < entries.count, entries[low].hash == hash {
            let word = entries[low].word
            if Self.isDeletion(variant, of: words[Int(word)]) { result.append(word) }
            low += 1
        }
        return result
    }

    /// The delete-one variants of `word`, one per position.
    static func deletes(of word: [UInt32]) -> [[UInt32]] {
        word.indices.map { i in
            var copy = word
            copy.remove(at: i)
            return copy
        }
    }

    /// Whether removing one scalar from `word` gives `variant`.
    static func isDeletion(_ variant: [UInt32], of word: [UInt32]) -> Bool {
        guard word.count == variant.count + 1 else { return false }
        var i = 0
        while i < variant.count, variant[i] == word[i] { i += 1 }
        // Everything after the first difference must match shifted by one.
        while i < variant.count {
            if variant[i] != word[i + 1] { return false }
            i += 1
        }
        return true
    }

    /// Whether `a` and `b` are one substitution, one swap of neighbours, or equal. A word and a
    /// query that share a delete-one variant are that only when both lost the same position (or
    /// neighbours swapped): "umsagen" and "zusagen" share "usagen" but are two edits apart.
    static func isSubstitutionOrSwap(_ a: [UInt32], _ b: [UInt32]) -> Bool {
        guard a.count == b.count else { return false }
        let differences = a.indices.filter { a[$0] != b[$0] }
        switch differences.count {
        case 0, 1: return true
        case 2:
            let (i, j) = (differences[0], differences[1])
            return j == i + 1 && a[i] == b[j] && a[j] == b[i]
        default: return false
        }
    }

    /// FNV-1a over the scalars, leaving out position `skipping` (-1: none). Stable across runs.
    private static func hash(_ scalars: [UInt32], skipping: Int) -> UInt64 {
        var h: UInt64 = 0xcbf2_9ce4_8422_2325
        for (i, s) in scalars.enumerated() where i != skipping {
            h = (h ^ UInt64(s)) &* 0x0000_0100_0000_01B3
        }
        return h
    }
}
