/// A word being stemmed: Unicode scalar values in caller-owned scratch memory.
///
/// The Snowball algorithms only ever edit the end of a word, so a start pointer plus a count is
/// enough; positions such as R1 and R2 stay valid while the end moves. Values above
/// `0x10FFFF` are free for markers (German `U`/`Y`, English `Y`), so they never clash with input.
struct SnowballWord {
    var p: UnsafeMutablePointer<UInt32>
    var count: Int

    @inline(__always)
    subscript(i: Int) -> UInt32 {
        get { p[i] }
        nonmutating set { p[i] = newValue }
    }

    /// Whether `c` is one of the ASCII letters in `mask`, where bit 0 stands for `a`, bit 25 for `z`.
    @inline(__always)
    static func isLetter(_ c: UInt32, in mask: UInt32) -> Bool {
        let i = c &- 0x61
        return i < 26 && (mask >> i) & 1 != 0
    }

    /// The last scalar, or 0 for an empty word.
    @inline(__always)
    var last: UInt32 { count > 0 ? p[count - 1] : 0 }

    /// Whether the scalars just before `end` spell the ASCII literal `lit`.
    @inline(__always)
    func ends(_ lit: StaticString, at end: Int) -> Bool {
        let n = lit.utf8CodeUnitCount
        guard end >= n else { return false }
        let q = lit.utf8Start
        var i = n - 1
        while i >= 0 {  // last scalar first: most candidates fail there
            if p[end - n + i] != UInt32(q[i]) { return false }
            i -= 1
        }
        return true
    }

    @inline(__always)
    func ends(_ lit: StaticString) -> Bool { ends(lit, at: count) }

    /// Whether the word begins with the ASCII literal `lit`.
    @inline(__always)
    func starts(with lit: StaticString) -> Bool { count >= lit.utf8CodeUnitCount && ends(lit, at: lit.utf8CodeUnitCount) }

    /// Whether the whole word is the ASCII literal `lit`.
    @inline(__always)
    func equals(_ lit: StaticString) -> Bool { count == lit.utf8CodeUnitCount && ends(lit) }

    /// Replaces everything from `start` to the end by `lit` (which must fit the scratch space).
    @inline(__always)
    mutating func replaceEnd(from start: Int, with lit: StaticString) {
        let q = lit.utf8Start
        for i in 0..<lit.utf8CodeUnitCount { p[start + i] = UInt32(q[i]) }
        count = start + lit.utf8CodeUnitCount
    }

    /// Copies the scalars of `word` to `dest` (room for `word.utf8.count` values).
    /// Returns nil if the word holds anything but lowercase ASCII letters, apostrophes and
    /// non-ASCII letters: digits, punctuation and the like are left to the caller unchanged.
    @inline(__always)
    static func load(_ word: String, into dest: UnsafeMutablePointer<UInt32>) -> Int? {
        // Native strings: decode the UTF-8 directly, much faster than the scalar view.
        let n = word.utf8.withContiguousStorageIfAvailable { decode($0, into: dest) } ?? loadScalars(word, into: dest)
        return n < 0 ? nil : n
    }

    @inline(never)
    private static func loadScalars(_ word: String, into dest: UnsafeMutablePointer<UInt32>) -> Int {
        var n = 0
        for scalar in word.unicodeScalars {
            guard isWordScalar(scalar.value) else { return -1 }
            dest[n] = scalar.value
            n += 1
        }
        return n
    }

    /// Decodes valid UTF-8 (as String guarantees) into scalar values; -1 on a non-letter.
    @inline(__always)
    private static func decode(_ bytes: UnsafeBufferPointer<UInt8>, into dest: UnsafeMutablePointer<UInt32>) -> Int {
        var i = 0, n = 0
        let end = bytes.count
        while i < end {
            var c = UInt32(bytes[i])
            if c < 0x80 {
                guard (c >= 0x61 && c <= 0x7A) || c == 0x27 else { return -1 }
                i += 1
            } else {
                if c < 0xE0 {
                    c = (c & 0x1F) << 6 | UInt32(bytes[i + 1] & 0x3F)
                    i += 2
                } else if c < 0xF0 {
                    c = (c & 0x0F) << 12 | UInt32(bytes[i + 1] & 0x3F) << 6 | UInt32(bytes[i + 2] & 0x3F)
                    i += 3
                } else {
                    c = (c & 0x07) << 18 | UInt32(bytes[i + 1] & 0x3F) << 12 | UInt32(bytes[i + 2] & 0x3F) << 6
                    c |= UInt32(bytes[i + 3] & 0x3F)
                    i += 4
                }
                guard isWordScalar(c) else { return -1 }
            }
            dest[n] = c
            n += 1
        }
        return n
    }

    /// Lowercase ASCII letters, the apostrophe, and any non-ASCII letter.
    @inline(__always)
    private static func isWordScalar(_ c: UInt32) -> Bool {
        if c < 0x80 { return (c >= 0x61 && c <= 0x7A) || c == 0x27 }
        if c == 0xE4 || c == 0xF6 || c == 0xFC || c == 0xDF { return true }  // ä ö ü ß
        return isOtherLetter(c)
    }

    /// Kept out of line: inlined, its property lookup costs every call a few nanoseconds.
    @inline(never)
    private static func isOtherLetter(_ c: UInt32) -> Bool {
        Unicode.Scalar(c)?.properties.isAlphabetic ?? false
    }

    /// The word as a String. All markers must have been mapped back to letters.
    func makeString() -> String {
        var bytes = 0
        for i in 0..<count {
            let c = p[i]
            bytes += c < 0x80 ? 1 : c < 0x800 ? 2 : c < 0x10000 ? 3 : 4
        }
        let src = p, n = count
        return String(unsafeUninitializedCapacity: bytes) { out in
            var j = 0
            for i in 0..<n {
                let c = src[i]
                if c < 0x80 {
                    out[j] = UInt8(c); j += 1
                } else if c < 0x800 {
                    out[j] = UInt8(0xC0 | (c >> 6)); out[j + 1] = UInt8(0x80 | (c & 0x3F)); j += 2
                } else if c < 0x10000 {
                    out[j] = UInt8(0xE0 | (c >> 12)); out[j + 1] = UInt8(0x80 | ((c >> 6) & 0x3F))
                    out[j + 2] = UInt8(0x80 | (c & 0x3F)); j += 3
                } else {
                    out[j] = UInt8(0xF0 | (c >> 18)); out[j + 1] = UInt8(0x80 | ((c >> 12) & 0x3F))
                    out[j + 2] = UInt8(0x80 | ((c >> 6) & 0x3F)); out[j + 3] = UInt8(0x80 | (c & 0x3F)); j += 4
                }
            }
            return j
        }
    }
}
