/// Lists of values per term (topics with a weight, sample questions), all in one array:
/// list `i` is `elements[offsets[i]..<offsets[i + 1]]`. Built in two passes (count, then
/// fill), so a large base needs no array per term.
struct PostingLists<Element: Sendable>: Sendable {
    private let offsets: [Int]
    private let elements: [Element]

    /// Lists for `termCount` terms from `(term, value)` pairs; each list keeps the order in
    /// which `forEachPair` yields its values.
    init(termCount: Int, filler: Element, forEachPair: ((_ term: Int, _ value: Element) -> Void) -> Void) {
        var offsets = [Int](repeating: 0, count: termCount + 1)
        forEachPair { term, _ in offsets[term + 1] += 1 }
        for i in 0..<termCount { offsets[i + 1] += offsets[i] }
        var elements = [Element](repeating: filler, count: offsets[termCount])
        var next = Array(offsets.dropLast())
        forEachPair { term, value in
            elements[next[term]] = value
            next[term] += 1
        }
        self.offsets = offsets
        self.elements = elements
    }

    /// How many lists there are (one per term).
    var count: Int { offsets.count - 1 }

    subscript(term: Int) -> ArraySlice<Element> {
        elements[offsets[term]..<offsets[term + 1]]
    }

    /// How many values the list of `term` holds.
    func listCount(_ term: Int) -> Int { offsets[term + 1] - offsets[term] }
}
