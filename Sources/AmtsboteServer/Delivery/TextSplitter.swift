import AmtsboteCore

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
        func size(_ character: Character) -> Int { measure == .utf16 ? character.utf16.count : character.utf8.count }
        func size(_ text: Substring) -> Int { measure == .utf16 ? text.utf16.count : text.utf8.count }
        var parts: [String] = []
        var rest = Substring(text.trimmedWhitespace)
        while size(rest) > limit {
            // One pass over the longest prefix within the limit (on Character boundaries), noting the
            // last paragraph break, line break and space in it.
            var used = 0
            var end = rest.startIndex
            var paragraph: String.Index?, line: String.Index?, space: String.Index?
            var previous: (index: String.Index, isNewline: Bool)?
            var index = rest.startIndex
            while index < rest.endIndex {
                let character = rest[index]
                let next = size(character)
                if used + next > limit { break }
                if character == "\n" {
                    if let previous, previous.isNewline { paragraph = previous.index }
                    line = index
                } else if character == " " {
                    space = index
                }
                previous = (index, character == "\n")
                used += next
                index = rest.index(after: index)
                end = index
            }
            let cut = [paragraph, line, space].lazy.compactMap { $0 }.first { $0 > rest.startIndex }
            let splitAt = cut ?? end
            let part = rest[rest.startIndex..<splitAt].trimmedWhitespace
            if !part.isEmpty { parts.append(part) }
            rest = rest[splitAt...].drop { $0.isWhitespace || $0.isNewline }
        }
        if !rest.isEmpty { parts.append(String(rest)) }
        return parts.isEmpty ? [""] : parts
    }
}
