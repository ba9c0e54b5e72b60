import Dispatch

/// `items.map(transform)` spread over all cores (loading thousands of topic files, building one
/// index per language). The order of the results is the order of `items`.
func concurrentMap<Element: Sendable, Result>(_ items: [Element], _ transform: (Element) -> Result) -> [Result] {
    guard items.count > 1 else { return items.map(transform) }
    return [Result](unsafeUninitializedCapacity: items.count) { buffer, initialized in
        let base = buffer.baseAddress!
        // Each iteration writes only its own slot, so the writes never overlap.
        nonisolated(unsafe) let slots = base
        withoutActuallyEscaping(transform) { transform in
            nonisolated(unsafe) let transform = transform
            DispatchQueue.concurrentPerform(iterations: items.count) { index in
                (slots + index).initialize(to: transform(items[index]))
            }
        }
        initialized = items.count
    }
}
