extension Sequence where Element: Hashable {
    /// The elements without repeats, in the order of their first occurrence (unlike a `Set`,
    /// whose order changes from run to run).
    func orderedUnique() -> [Element] {
        var seen = Set<Element>()
        return filter { seen.insert($0).inserted }
    }
}
