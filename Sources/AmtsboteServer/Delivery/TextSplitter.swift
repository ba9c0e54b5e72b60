import Foundation

/// Splits long text into parts a platform accepts, preferring paragraph breaks, then line breaks,
/// then spaces, and cutting hard only inside a single overlong word.
enum TextSplitter {
    /// How a platform measures its limit.
    enum Measure: Sendable {
        /// UTF-16 code units (what Messenger, WhatsApp and Telegram count as characters).
        case utf16
        /// UTF-8 bytes (Instagram).
        case utf8
    }

    static func split(_ text: String, limit: Int, measure: Measure) -> [String] {
        func size(_ s: Substring) -> Int { measure == .utf16 ? s.utf16.count : s.utf8.count }
        var parts: [String] = []
        var rest = Substring(text.trimmingCharacters(in: .whitespacesAndNewlines))
        while size(rest) > limit {
            // The longest prefix within the limit, on a Character boundary.
            var end = rest.startIndex
            var used = 0
            for index in rest.indices {
                let next = size(rest[index...index])
                if used + next > limit { break }
                used += next
                end = rest.index(after: index)
            }
            let window = rest[rest.startIndex..<end]
            let cut =
                window.range(of: "\n\n", options: .backwards)?.lowerBound
                ?? window.range(of: "\n", options: .backwards)?.lowerBound
                ?? window.range(of: " ", options: .backwards)?.lowerBound
            let splitAt = (cut.map { $0 > window.startIndex } ?? false) ? cut! : end
            let part = rest[rest.startIndex..<splitAt].trimmingCharacters(in: .whitespacesAndNewlines)
            if !part.isEmpty { parts.append(part) }
            rest = rest[splitAt...].drop { $0.isWhitespace || $0.isNewline }
        }
        if !rest.isEmpty { parts.append(String(rest)) }
        return parts.isEmpty ? [""] : parts
    }
}
