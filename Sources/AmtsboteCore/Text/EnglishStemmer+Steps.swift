// The suffix steps of the Snowball English stemmer. Each step looks for the longest listed
// suffix only; if that one's condition fails, no shorter suffix is tried (Snowball's `among`).
extension EnglishStemmer {
    /// One entry of a suffix table: the suffix, what replaces it, and any extra condition.
    struct Rule: Sendable {
        enum Condition: Sendable { case none, afterL, afterValidLI, inR2, afterSOrT }
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
        switch c {
        case ch("b"), ch("d"), ch("f"), ch("g"), ch("m"), ch("n"), ch("p"), ch("r"), ch("t"): true
        default: false
        }
    }

    /// Step 1c: final y or Y after a consonant (not the first letter) becomes i.
    static func step1c(_ w: inout SnowballWord) {
        let n = w.count
        guard n >= 3, w[n - 1] == ch("y") || w[n - 1] == markY, !isVowel(w[n - 2]) else { return }
        w[n - 1] = ch("i")
    }

    static let step2Rules: [Rule] = [
        Rule("ational", "ate"), Rule("ization", "ize"), Rule("iveness", "ive"), Rule("fulness", "ful"),
        Rule("ousness", "ous"), Rule("tional", "tion"), Rule("biliti", "ble"), Rule("lessli", "less"),
        Rule("entli", "ent"), Rule("ousli", "ous"), Rule("fulli", "ful"), Rule("aliti", "al"),
        Rule("iviti", "ive"), Rule("alism", "al"), Rule("ation", "ate"), Rule("ogist", "og"),
        Rule("anci", "ance"), Rule("enci", "ence"), Rule("abli", "able"), Rule("alli", "al"),
        Rule("izer", "ize"), Rule("ator", "ate"), Rule("bli", "ble"), Rule("ogi", "og", .afterL),
        Rule("li", "", .afterValidLI),
    ]

    /// Step 2: derivational suffixes in R1 mapped to simpler ones.
    static func step2(_ w: inout SnowballWord, p1: Int) {
        guard let rule = longestMatch(step2Rules, w) else { return }
        let start = w.count - rule.suffix.utf8CodeUnitCount
        guard start >= p1 else { return }
        switch rule.condition {
        case .afterL: guard start > 0, w[start - 1] == ch("l") else { return }
        case .afterValidLI: guard start > 0, isValidLI(w[start - 1]) else { return }
        default: break
        }
        w.replaceEnd(from: start, with: rule.replacement)
    }

    static let step3Rules: [Rule] = [
        Rule("ational", "ate"), Rule("tional", "tion"), Rule("icate", "ic"), Rule("ative", "", .inR2),
        Rule("alize", "al"), Rule("iciti", "ic"), Rule("ical", "ic"), Rule("ness", ""), Rule("ful", ""),
    ]

    /// Step 3: more derivational suffixes in R1 ("-ative" only in R2).
    static func step3(_ w: inout SnowballWord, p1: Int, p2: Int) {
        guard let rule = longestMatch(step3Rules, w) else { return }
        let start = w.count - rule.suffix.utf8CodeUnitCount
        guard start >= p1, rule.condition != .inR2 || start >= p2 else { return }
        w.replaceEnd(from: start, with: rule.replacement)
    }

    static let step4Rules: [Rule] = [
        Rule("ement", ""), Rule("ment", ""), Rule("ance", ""), Rule("ence", ""), Rule("able", ""),
        Rule("ible", ""), Rule("ate", ""), Rule("ive", ""), Rule("ize", ""), Rule("iti", ""), Rule("ism", ""),
        Rule("ion", "", .afterSOrT), Rule("ous", ""), Rule("ant", ""), Rule("ent", ""), Rule("ic", ""),
        Rule("al", ""), Rule("er", ""),
    ]

    /// Step 4: suffixes removed in R2 ("-ion" only after s or t).
    static func step4(_ w: inout SnowballWord, p2: Int) {
        guard let rule = longestMatch(step4Rules, w) else { return }
        let start = w.count - rule.suffix.utf8CodeUnitCount
        guard start >= p2 else { return }
        if rule.condition == .afterSOrT {
            guard start > 0, w[start - 1] == ch("s") || w[start - 1] == ch("t") else { return }
        }
        w.count = start
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
