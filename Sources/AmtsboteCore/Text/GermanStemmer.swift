/// The Snowball German stemmer, as in Snowball 3 (whose `german` absorbed the old `german2`
/// variant): `ß` becomes `ss`, `ae`/`oe`/`ue` count as `ä`/`ö`/`ü` (not `ue` after `q`), and the
/// result has umlauts folded, so "Fuehrerschein" and "Führerschein" share the stem "fuhrerschein".
///
/// Matches the reference implementation (Python `snowballstemmer` 3.1.1, `german`) word for word,
/// except that words of at most two letters are returned unchanged.
public enum GermanStemmer {
    /// Stems one lowercase German word.
    ///
    /// - Parameter word: a single lowercase word (NFC, as produced by the normaliser).
    /// - Returns: the stem; words of at most two letters, and words with anything but letters
    ///   and apostrophes (digits, hyphens, punctuation, upper case), are returned unchanged.
    public static func stem(_ word: String) -> String {
        let bytes = word.utf8.count
        if bytes < 3 { return word }
        return withUnsafeTemporaryAllocation(of: UInt32.self, capacity: 2 * bytes) { buffer in
            let base = buffer.baseAddress!
            // The raw word goes to the upper half; the prelude rewrites it into the lower half.
            // `ß` → `ss` can only grow it back to its UTF-8 length, so the halves never overlap.
            guard let n = SnowballWord.load(word, into: base + bytes), n > 2 else { return word }
            var w = SnowballWord(p: base, count: 0)
            prelude(SnowballWord(p: base + bytes, count: n), into: &w)
            let (p1, p2) = regions(w)
            step1(&w, p1: p1)
            step2(&w, p1: p1)
            step3(&w, p1: p1, p2: p2)
            apostrophe(&w)
            postlude(&w)
            return w.makeString()
        }
    }

    // MARK: - Letters

    /// `u` and `y` between vowels, which the algorithm treats as consonants.
    static let markU: UInt32 = 0x11_0055
    static let markY: UInt32 = 0x11_0059

    @inline(__always)
    static func ch(_ s: Unicode.Scalar) -> UInt32 { s.value }

    @inline(__always)
    static func isVowel(_ c: UInt32) -> Bool {
        SnowballWord.isLetter(c, in: 0x110_4111) || c == ch("ä") || c == ch("ö") || c == ch("ü")  // a e i o u y
    }

    /// Letters before which a final `s` is removed.
    @inline(__always)
    static func isSEnding(_ c: UInt32) -> Bool {
        SnowballWord.isLetter(c, in: 0xA_3CEA)  // b d f g h k l m n r t
    }

    /// Letters before which a final `st` is removed (`s`-endings without `r`).
    @inline(__always)
    static func isStEnding(_ c: UInt32) -> Bool { c != ch("r") && isSEnding(c) }

    /// Letters before which a final `et` is removed.
    @inline(__always)
    static func isEtEnding(_ c: UInt32) -> Bool {
        SnowballWord.isLetter(c, in: 0x20E_3C68) || c == markU || c == ch("ä")  // d f g k l m n r s t z
    }

    // MARK: - Prelude, regions, postlude

    /// Marks `u`/`y` between vowels, then copies `raw` into `w` with `ß` → `ss` and
    /// `ae`/`oe`/`ue` → `ä`/`ö`/`ü`, leaving `qu` alone.
    static func prelude(_ raw: SnowballWord, into w: inout SnowballWord) {
        let n = raw.count
        // Left to right on the raw spelling: a marked letter no longer counts as a vowel for
        // the next one ("bauer" → "baUer"), and "ue" with a marked u is not an umlaut.
        for i in 1..<(n - 1) {
            let c = raw[i]
            if c == ch("u") || c == ch("y"), isVowel(raw[i - 1]), isVowel(raw[i + 1]) {
                raw[i] = c == ch("u") ? markU : markY
            }
        }
        var r = 0, o = 0
        while r < n {
            let c = raw[r]
            let next = r + 1 < n ? raw[r + 1] : 0
            if c == ch("ß") {
                w[o] = ch("s"); w[o + 1] = ch("s"); o += 2; r += 1
            } else if next == ch("e"), c == ch("a") || c == ch("o") || c == ch("u") {
                w[o] = c == ch("a") ? ch("ä") : c == ch("o") ? ch("ö") : ch("ü"); o += 1; r += 2
            } else if c == ch("q"), next == ch("u") {
                w[o] = c; w[o + 1] = next; o += 2; r += 2
            } else {
                w[o] = c; o += 1; r += 1
            }
        }
        w.count = o
    }

    /// R1 and R2 start positions; R1 begins at the third letter at the earliest.
    static func regions(_ w: SnowballWord) -> (p1: Int, p2: Int) {
        let n = w.count
        guard n >= 3, let r1 = afterVowelThenConsonant(w, from: 0) else { return (n, n) }
        // R2 is searched from the unadjusted R1 start, as Snowball does.
        return (max(r1, 3), afterVowelThenConsonant(w, from: r1) ?? n)
    }

    /// The position after the first non-vowel that follows a vowel, starting at `start`.
    @inline(__always)
    static func afterVowelThenConsonant(_ w: SnowballWord, from start: Int) -> Int? {
        var c = start
        while c < w.count, !isVowel(w[c]) { c += 1 }
        c += 1
        while c < w.count, isVowel(w[c]) { c += 1 }
        return c < w.count ? c + 1 : nil
    }

    /// Turns markers back into `u`/`y` and folds `ä`/`ö`/`ü` to `a`/`o`/`u`.
    static func postlude(_ w: inout SnowballWord) {
        for i in 0..<w.count {
            switch w[i] {
            case markU, ch("ü"): w[i] = ch("u")
            case markY: w[i] = ch("y")
            case ch("ä"): w[i] = ch("a")
            case ch("ö"): w[i] = ch("o")
            default: break
            }
        }
    }
}
