extension StringProtocol {
    /// The text without leading and trailing spaces, tabs and line breaks. Faster than
    /// Foundation's `trimmingCharacters(in:)` on Linux, which bridges through NSString.
    public var trimmedWhitespace: String {
        let bytes = Array(self.utf8)
        func isSpace(_ b: UInt8) -> Bool { b == 0x20 || b == 0x09 || b == 0x0A || b == 0x0D }
        guard let first = bytes.firstIndex(where: { !isSpace($0) }), let last = bytes.lastIndex(where: { !isSpace($0) })
        else { return "" }
        return String(decoding: bytes[first...last], as: UTF8.self)
    }
}

extension String {
    /// The first `limit` Unicode scalars (a limit in characters would let one character of
    /// thousands of combining marks through).
    public func prefix(scalars limit: Int) -> String {
        unicodeScalars.count > limit ? String(String.UnicodeScalarView(unicodeScalars.prefix(limit))) : self
    }
}
