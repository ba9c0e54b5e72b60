/// The Snowball English ("Porter2") stemmer, as in Snowball 3.
///
/// Includes the exceptional forms ("skies" → "sky", "news" stays), the special R1 prefixes
/// ("gener", "commun", "arsen", …) and the invariant "-ing" forms ("herring", "outing").
/// Matches the reference implementation (Python `snowballstemmer` 3.1.1, `english`) word for word.
public enum EnglishStemmer {
    /// Stems one lowercase English word.
    ///
    /// - Parameter word: a single lowercase word; a leading apostrophe and a trailing `'s` are handled.
    /// - Returns: the stem; words of at most two letters, and words with anything but letters
    ///   and apostrophes (digits, hyphens, punctuation, upper case), are returned unchanged.
    public static func stem(_ word: String) -> String {
        let bytes = word.utf8.count
        if bytes < 3 { return word }
        // No step makes the word longer than it came in, so its UTF-8 length is room enough.
        return withUnsafeTemporaryAllocation(of: UInt32.self, capacity: bytes) { buffer in
            let base = buffer.baseAddress!
            guard let n = SnowballWord.load(word, into: base), n > 2 else { return word }
            var w = SnowballWord(p: base, count: n)
            if let special = exception(w, word: word) { return special }
            prelude(&w)
            let (p1, p2) = regions(w)
            step1a(&w)
            step1b(&w, p1: p1)
            step1c(&w)
            step2(&w, p1: p1)
            step3(&w, p1: p1, p2: p2)
            step4(&w, p2: p2)
            step5(&w, p1: p1, p2: p2)
            for i in 0..<w.count where w[i] == markY { w[i] = ch("y") }
            return w.makeString()
        }
    }

    // MARK: - Letters

    /// A `y` that acts as a consonant (word-initial or after a vowel).
    static let markY: UInt32 = 0x11_0059

    @inline(__always)
    static func ch(_ s: Unicode.Scalar) -> UInt32 { s.value }

    @inline(__always)
    static func isVowel(_ c: UInt32) -> Bool {
        SnowballWord.isLetter(c, in: 0x110_4111)  // a e i o u y
    }

    /// Vowels plus `w`, `x` and consonant `Y`: letters that cannot end a short syllable.
    @inline(__always)
    static func isVowelWXY(_ c: UInt32) -> Bool {
        SnowballWord.isLetter(c, in: 0x1D0_4111) || c == markY  // a e i o u y w x
    }

    /// Letters before which "-li" is removed.
    @inline(__always)
    static func isValidLI(_ c: UInt32) -> Bool {
        SnowballWord.isLetter(c, in: 0xA_34DC)  // c d e g h k m n r t
    }

    /// Whether a vowel occurs before position `end`.
    @inline(__always)
    static func hasVowel(_ w: SnowballWord, before end: Int) -> Bool {
        var i = 0
        while i < end {
            if isVowel(w[i]) { return true }
            i += 1
        }
        return false
    }

    /// Whether the word up to `end` ends in a short syllable: consonant–vowel–consonant (the last
    /// not w, x or Y), a two-letter vowel–consonant word, or "past".
    static func endsInShortSyllable(_ w: SnowballWord, end e: Int) -> Bool {
        if e >= 3, !isVowelWXY(w[e - 1]), isVowel(w[e - 2]), !isVowel(w[e - 3]) { return true }
        if e == 2, !isVowel(w[1]), isVowel(w[0]) { return true }
        return w.ends("past", at: e)
    }

    // MARK: - Exceptions, prelude, regions

    /// Whole words the algorithm must not touch or maps to fixed stems.
    static func exception(_ w: SnowballWord, word: String) -> String? {
        guard w.count <= 6 else { return nil }
        if w.equals("skis") { return "ski" }
        if w.equals("skies") { return "sky" }
        if w.equals("idly") { return "idl" }
        if w.equals("gently") { return "gentl" }
        if w.equals("ugly") { return "ugli" }
        if w.equals("early") { return "earli" }
        if w.equals("only") { return "onli" }
        if w.equals("singly") { return "singl" }
        if w.equals("sky") || w.equals("news") || w.equals("howe") || w.equals("atlas") || w.equals("cosmos")
            || w.equals("bias") || w.equals("andes")
        {
            return word
        }
        return nil
    }

    /// Drops a leading apostrophe and marks consonant `y`s (initial, or after a vowel) as `Y`.
    static func prelude(_ w: inout SnowballWord) {
        if w[0] == ch("'") {
            w.p += 1
            w.count -= 1
        }
        guard w.count > 0 else { return }
        if w[0] == ch("y") { w[0] = markY }
        for i in 1..<w.count where w[i] == ch("y") && isVowel(w[i - 1]) {
            w[i] = markY
        }
    }

    /// R1 and R2 start positions. For words beginning with one of a few prefixes, R1 starts right
    /// after it, so that "generous" and "general" keep apart.
    static func regions(_ w: SnowballWord) -> (p1: Int, p2: Int) {
        let n = w.count
        let prefix: Int
        switch w[0] {
        case ch("a"): prefix = w.starts(with: "arsen") ? 5 : 0
        case ch("c"): prefix = w.starts(with: "commun") ? 6 : 0
        case ch("e"): prefix = w.starts(with: "emerg") ? 5 : 0
        case ch("g"): prefix = w.starts(with: "gener") ? 5 : 0
        case ch("i"): prefix = w.starts(with: "inter") ? 5 : 0
        case ch("l"): prefix = w.starts(with: "later") ? 5 : 0
        case ch("o"): prefix = w.starts(with: "organ") ? 5 : 0
        case ch("p"): prefix = w.starts(with: "past") ? 4 : 0
        case ch("u"): prefix = w.starts(with: "univers") ? 7 : 0
        default: prefix = 0
        }
        let r1: Int
        if prefix > 0 {
            r1 = prefix
        } else if let r = afterVowelThenConsonant(w, from: 0) {
            r1 = r
        } else {
            return (n, n)
        }
        return (r1, afterVowelThenConsonant(w, from: r1) ?? n)
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
}
