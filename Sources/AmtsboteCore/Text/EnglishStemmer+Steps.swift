// The suffix steps of the Snowball English stemmer. Each step looks for the longest listed
// suffix only; if that one's condition fails, no shorter suffix is tried (Snowball's `among`).
extension EnglishStemmer {
    /// One entry of a suffix table: the suffix, what replaces it, and any extra condition.
    struct Rule: Sendable {
        enum Condition: Sendable { case none, afterL, afterValidLI, inR2 }
        let suffix: StaticString
        let replacement: StaticString
        let condition: Condition

        init(_ suffix: StaticString, _ replacement: StaticString, _ condition: Condition = .none) {
            self.suffix = suffix
            self.replacement = replacement
            self.condition = condition
        }
    }

    /// The first rule whose suffix ends the word; tables are ordered longest suffix first.
    @inline(__always)
    static func longestMatch(_ rules: [Rule], _ w: SnowballWord) -> Rule? {
        for rule in rules where w.ends(rule.suffix) { return rule }
        return nil
    }

    /// Step 1a: possessives and plurals ("'s", "sses", "ies", "s").
    static func step1a(_ w: inout SnowballWord) {
        if w.ends("'s'") { w.count -= 3 } else if w.ends("'s") { w.count -= 2 } else if w.ends("'") { w.count -= 1 }
        if w.ends("sses") {
            w.count -= 2
        } else if w.ends("ied") || w.ends("ies") {
            let start = w.count - 3
            w.replaceEnd(from: start, with: start >= 2 ? "i" : "ie")  // "cries" → "cri", "ties" → "tie"
        } else if w.ends("ss") || w.ends("us") {
            return
        } else if w.ends("s") {
            // Only if a vowel comes before the letter preceding the s: "gaps" → "gap", "gas" stays.
            let start = w.count - 1
            if start >= 1, hasVowel(w, before: start - 1) { w.count = start }
        }
    }

    /// Step 1b: "-eed(ly)", "-ed(ly)", "-ing(ly)", then tidying the end of the remaining stem.
    static func step1b(_ w: inout SnowballWord, p1: Int) {
        let length: Int
        if w.ends("eedly") || w.ends("eed") {
            let start = w.count - (w.ends("eedly") ? 5 : 3)
            guard start >= p1 else { return }
            // "proceed", "exceed", "succeed" (and their -ly forms) keep their "eed".
            if start == 4, w.ends("succ", at: 4) || w.ends("proc", at: 4) { return }
            if start == 3, w.ends("exc", at: 3) { return }
            w.count = start + 2
            return
        } else if w.ends("ingly") {
            length = 5
        } else if w.ends("edly") {
            length = 4
        } else if w.ends("ing") {
            length = 3
            let start = w.count - 3
            if w.ends("y", at: start) {
                // "dying" → "die", "lying" → "lie".
                if start == 2, !isVowel(w[0]) {
                    w.replaceEnd(from: 1, with: "ie")
                    return
                }
            } else if start == 4, w.ends("even", at: 4) || w.ends("cann", at: 4) || w.ends("earr", at: 4)
                || w.ends("herr", at: 4)
            {
                return
            } else if start == 3, w.ends("inn", at: 3) || w.ends("out", at: 3) {
                return
            }
        } else if w.ends("ed") {
            length = 2
        } else {
            return
        }
        let start = w.count - length
        guard hasVowel(w, before: start) else { return }
        w.count = start
        if w.ends("at") || w.ends("bl") || w.ends("iz") {
            w.replaceEnd(from: start, with: "e")
        } else if start >= 2, w[start - 1] == w[start - 2], isDoubleable(w[start - 1]) {
            // "hopp" → "hop", but "add", "err", "off" keep their double letter.
            if !(start == 3 && (w[0] == ch("a") || w[0] == ch("e") || w[0] == ch("o"))) { w.count -= 1 }
        } else if start == p1, endsInShortSyllable(w, end: start) {
            w.replaceEnd(from: start, with: "e")  // a short word: "hop" → "hope"
        }
    }

    @inline(__always)
    static func isDoubleable(_ c: UInt32) -> Bool {
        SnowballWord.isLetter(c, in: 0xA_B06A)  // b d f g m n p r t
    }

    /// Step 1c: final y or Y after a consonant (not the first letter) becomes i.
    static func step1c(_ w: inout SnowballWord) {
        let n = w.count
        guard n >= 3, w[n - 1] == ch("y") || w[n - 1] == markY, !isVowel(w[n - 2]) else { return }
        w[n - 1] = ch("i")
    }

    // Suffix tables by last letter, longest first, so a word is only tested against a few.
    static let step2I: [Rule] = [
        Rule("biliti", "ble"), Rule("lessli", "less"), Rule("entli", "ent"), Rule("ousli", "ous"),
        Rule("fulli", "ful"), Rule("aliti", "al"), Rule("iviti", "ive"), Rule("anci", "ance"),
        Rule("enci", "ence"), Rule("abli", "able"), Rule("alli", "al"), Rule("bli", "ble"),
        Rule("ogi", "og", .afterL), Rule("li", "", .afterValidLI),
    ]
    static let step2L: [Rule] = [Rule("ational", "ate"), Rule("tional", "tion")]
    static let step2M: [Rule] = [Rule("alism", "al")]
    static let step2N: [Rule] = [Rule("ization", "ize"), Rule("ation", "ate")]
    static let step2R: [Rule] = [Rule("izer", "ize"), Rule("ator", "ate")]
    static let step2S: [Rule] = [Rule("iveness", "ive"), Rule("fulness", "ful"), Rule("ousness", "ous")]
    static let step2T: [Rule] = [Rule("ogist", "og")]

    /// Step 2: derivational suffixes in R1 mapped to simpler ones.
    static func step2(_ w: inout SnowballWord, p1: Int) {
        let rules: [Rule]
        switch w.last {
        case ch("i"): rules = step2I
        case ch("l"): rules = step2L
        case ch("m"): rules = step2M
        case ch("n"): rules = step2N
        case ch("r"): rules = step2R
        case ch("s"): rules = step2S
        case ch("t"): rules = step2T
        default: return
        }
        guard let rule = longestMatch(rules, w) else { return }
        let start = w.count - rule.suffix.utf8CodeUnitCount
        guard start >= p1 else { return }
        switch rule.condition {
        case .afterL: guard start > 0, w[start - 1] == ch("l") else { return }
        case .afterValidLI: guard start > 0, isValidLI(w[start - 1]) else { return }
        default: break
        }
        w.replaceEnd(from: start, with: rule.replacement)
    }

    static let step3E: [Rule] = [Rule("icate", "ic"), Rule("ative", "", .inR2), Rule("alize", "al")]
    static let step3L: [Rule] = [Rule("ational", "ate"), Rule("tional", "tion"), Rule("ical", "ic"), Rule("ful", "")]
    static let step3I: [Rule] = [Rule("iciti", "ic")]
    static let step3S: [Rule] = [Rule("ness", "")]

    /// Step 3: more derivational suffixes in R1 ("-ative" only in R2).
    static func step3(_ w: inout SnowballWord, p1: Int, p2: Int) {
        let rules: [Rule]
        switch w.last {
        case ch("e"): rules = step3E
        case ch("l"): rules = step3L
        case ch("i"): rules = step3I
        case ch("s"): rules = step3S
        default: return
        }
        guard let rule = longestMatch(rules, w) else { return }
        let start = w.count - rule.suffix.utf8CodeUnitCount
        guard start >= p1, rule.condition != .inR2 || start >= p2 else { return }
        w.replaceEnd(from: start, with: rule.replacement)
    }

    static let step4E: [Rule] = [
        Rule("ance", ""), Rule("ence", ""), Rule("able", ""), Rule("ible", ""), Rule("ate", ""),
        Rule("ive", ""), Rule("ize", ""),
    ]
    static let step4T: [Rule] = [Rule("ement", ""), Rule("ment", ""), Rule("ant", ""), Rule("ent", "")]

    /// Step 4: suffixes removed in R2 ("-ion" only after s or t).
    static func step4(_ w: inout SnowballWord, p2: Int) {
        let length: Int
        switch w.last {
        case ch("e"), ch("t"):
            guard let rule = longestMatch(w.last == ch("e") ? step4E : step4T, w) else { return }
            length = rule.suffix.utf8CodeUnitCount
        case ch("i"): guard w.ends("iti") else { return }; length = 3
        case ch("m"): guard w.ends("ism") else { return }; length = 3
        case ch("s"): guard w.ends("ous") else { return }; length = 3
        case ch("c"): guard w.ends("ic") else { return }; length = 2
        case ch("l"): guard w.ends("al") else { return }; length = 2
        case ch("r"): guard w.ends("er") else { return }; length = 2
        case ch("n"):
            guard w.ends("ion") else { return }
            let start = w.count - 3
            if start >= p2, start > 0, w[start - 1] == ch("s") || w[start - 1] == ch("t") { w.count = start }
            return
        default: return
        }
        let start = w.count - length
        if start >= p2 { w.count = start }
    }

    /// Step 5: final e in R2 (or in R1 unless after a short syllable), and ll → l in R2.
    static func step5(_ w: inout SnowballWord, p1: Int, p2: Int) {
        let start = w.count - 1
        guard start >= 0 else { return }
        if w[start] == ch("e") {
            if start >= p2 || (start >= p1 && !endsInShortSyllable(w, end: start)) { w.count = start }
        } else if w[start] == ch("l") {
            if start >= p2, start > 0, w[start - 1] == ch("l") { w.count = start }
        }
    }
}
