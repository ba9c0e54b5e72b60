/// A strict RFC 8259 syntax check that allocates nothing, including valid UTF-8 and paired
/// surrogate escapes (what the decoder later refuses). Webhook handlers use it to answer a
/// malformed body with 400 without paying for a full decode on the request path; the body is
/// decoded later, by the background processor, from storage.
enum JSONSyntax {
    /// Deeper nesting is refused (no platform sends it; it would only cost stack).
    static let maxDepth = 128

    /// Whether `bytes` hold exactly one JSON value, optionally surrounded by whitespace.
    static func isValid(_ bytes: [UInt8]) -> Bool {
        bytes.withUnsafeBufferPointer { buffer in
            var scanner = Scanner(bytes: buffer)
            scanner.skipWhitespace()
            guard scanner.value(depth: 0) else { return false }
            scanner.skipWhitespace()
            return scanner.index == buffer.count
        }
    }

    private struct Scanner {
        let bytes: UnsafeBufferPointer<UInt8>
        var index = 0

        init(bytes: UnsafeBufferPointer<UInt8>) { self.bytes = bytes }

        private var current: UInt8? { index < bytes.count ? bytes[index] : nil }

        mutating func skipWhitespace() {
            while let byte = current, byte == 0x20 || byte == 0x0A || byte == 0x0D || byte == 0x09 { index += 1 }
        }

        mutating func value(depth: Int) -> Bool {
            guard depth < JSONSyntax.maxDepth, let byte = current else { return false }
            switch byte {
            case UInt8(ascii: "{"): return object(depth: depth)
            case UInt8(ascii: "["): return array(depth: depth)
            case UInt8(ascii: "\""): return string()
            case UInt8(ascii: "t"): return literal("true")
            case UInt8(ascii: "f"): return literal("false")
            case UInt8(ascii: "n"): return literal("null")
            default: return number()
            }
        }

        private mutating func object(depth: Int) -> Bool {
            index += 1
            skipWhitespace()
            if consume(UInt8(ascii: "}")) { return true }
            while true {
                guard current == UInt8(ascii: "\""), string() else { return false }
                skipWhitespace()
                guard consume(UInt8(ascii: ":")) else { return false }
                skipWhitespace()
                guard value(depth: depth + 1) else { return false }
                skipWhitespace()
                if consume(UInt8(ascii: "}")) { return true }
                guard consume(UInt8(ascii: ",")) else { return false }
                skipWhitespace()
            }
        }

        private mutating func array(depth: Int) -> Bool {
            index += 1
            skipWhitespace()
            if consume(UInt8(ascii: "]")) { return true }
            while true {
                guard value(depth: depth + 1) else { return false }
                skipWhitespace()
                if consume(UInt8(ascii: "]")) { return true }
                guard consume(UInt8(ascii: ",")) else { return false }
                skipWhitespace()
            }
        }

        private mutating func string() -> Bool {
            index += 1
            while let byte = current {
                index += 1
                switch byte {
                case UInt8(ascii: "\""): return true
                case UInt8(ascii: "\\"):
                    guard let escaped = current else { return false }
                    index += 1
                    switch escaped {
                    case UInt8(ascii: "\""), UInt8(ascii: "\\"), UInt8(ascii: "/"), UInt8(ascii: "b"), UInt8(ascii: "f"),
                        UInt8(ascii: "n"), UInt8(ascii: "r"), UInt8(ascii: "t"):
                        continue
                    case UInt8(ascii: "u"):
                        guard let unit = hexUnit() else { return false }
                        // Surrogates only as a high-low pair: a lone one decodes to no character,
                        // and the stored body would be dropped after its 200.
                        if (0xDC00...0xDFFF).contains(unit) { return false }
                        if (0xD800...0xDBFF).contains(unit) {
                            guard consume(UInt8(ascii: "\\")), consume(UInt8(ascii: "u")), let low = hexUnit(),
                                (0xDC00...0xDFFF).contains(low)
                            else { return false }
                        }
                    default: return false
                    }
                case 0..<0x20: return false  // control characters must be escaped
                case 0x80...: guard utf8Sequence(lead: byte) else { return false }
                default: continue
                }
            }
            return false
        }

        /// Four hex digits after `\u`, as a UTF-16 code unit.
        private mutating func hexUnit() -> UInt16? {
            var unit: UInt16 = 0
            for _ in 0..<4 {
                guard let hex = current, let digit = hex.hexValue else { return nil }
                unit = unit << 4 | UInt16(digit)
                index += 1
            }
            return unit
        }

        /// The continuation bytes of a multi-byte UTF-8 character whose lead byte was just read
        /// (RFC 3629: no overlong forms, no surrogates, nothing above U+10FFFF).
        private mutating func utf8Sequence(lead: UInt8) -> Bool {
            let (count, second): (Int, ClosedRange<UInt8>) = switch lead {
            case 0xC2...0xDF: (1, 0x80...0xBF)
            case 0xE0: (2, 0xA0...0xBF)
            case 0xED: (2, 0x80...0x9F)
            case 0xE1...0xEF: (2, 0x80...0xBF)
            case 0xF0: (3, 0x90...0xBF)
            case 0xF1...0xF3: (3, 0x80...0xBF)
            case 0xF4: (3, 0x80...0x8F)
            default: (0, 0...0)
            }
            guard count > 0, let first = current, second.contains(first) else { return false }
            index += 1
            for _ in 1..<count {
                guard let next = current, (0x80...0xBF).contains(next) else { return false }
                index += 1
            }
            return true
        }

        private mutating func number() -> Bool {
            _ = consume(UInt8(ascii: "-"))
            if !consume(UInt8(ascii: "0")) {
                guard let first = current, (UInt8(ascii: "1")...UInt8(ascii: "9")).contains(first) else { return false }
                skipDigits()
            }
            if consume(UInt8(ascii: ".")) {
                guard current?.isDigit == true else { return false }
                skipDigits()
            }
            if consume(UInt8(ascii: "e")) || consume(UInt8(ascii: "E")) {
                if !consume(UInt8(ascii: "+")) { _ = consume(UInt8(ascii: "-")) }
                guard current?.isDigit == true else { return false }
                skipDigits()
            }
            return true
        }

        private mutating func skipDigits() {
            while current?.isDigit == true { index += 1 }
        }

        private mutating func literal(_ word: StaticString) -> Bool {
            let count = word.utf8CodeUnitCount
            guard bytes.count - index >= count else { return false }
            for offset in 0..<count where bytes[index + offset] != word.utf8Start[offset] { return false }
            index += count
            return true
        }

        private mutating func consume(_ byte: UInt8) -> Bool {
            guard current == byte else { return false }
            index += 1
            return true
        }
    }
}

extension UInt8 {
    fileprivate var isDigit: Bool { (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(self) }
    fileprivate var hexValue: UInt8? {
        switch self {
        case UInt8(ascii: "0")...UInt8(ascii: "9"): self - UInt8(ascii: "0")
        case UInt8(ascii: "a")...UInt8(ascii: "f"): self - UInt8(ascii: "a") + 10
        case UInt8(ascii: "A")...UInt8(ascii: "F"): self - UInt8(ascii: "A") + 10
        default: nil
        }
    }
}
