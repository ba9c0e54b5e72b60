// The suffix steps of the Snowball German stemmer. Each step looks for the longest listed
// suffix only; if that one's condition fails, no shorter suffix is tried (Snowball's `among`).
extension GermanStemmer {
    /// Step 1: inflectional endings in R1.
    static func step1(_ w: inout SnowballWord, p1: Int) {
        let length: Int, rule: Int
        if w.ends("erinnen") { (length, rule) = (7, 2) }
        else if w.ends("erin") { (length, rule) = (4, 2) }
        else if w.ends("lns") { (length, rule) = (3, 5) }
        else if w.ends("ern") { (length, rule) = (3, 2) }
        else if w.ends("em") { (length, rule) = (2, 1) }
        else if w.ends("en") || w.ends("es") { (length, rule) = (2, 3) }
        else if w.ends("er") { (length, rule) = (2, 2) }
        else if w.ends("ln") { (length, rule) = (2, 5) }
        else if w.ends("e") { (length, rule) = (1, 3) }
        else if w.ends("s") { (length, rule) = (1, 4) }
        else { return }
        let start = w.count - length
        guard start >= p1 else { return }
        switch rule {
        case 1:  // -em, but not in "system"
            if !w.ends("syst", at: start) { w.count = start }
        case 2:  // -er, -ern, -erin, -erinnen
            w.count = start
        case 3:  // -e, -en, -es; then "-niss" loses its doubled s
            w.count = start
            if w.ends("niss") { w.count -= 1 }
        case 4:  // -s after a valid s-ending
            if start > 0, isSEnding(w[start - 1]) { w.count = start }
        default:  // -ln, -lns → -l
            w.replaceEnd(from: start, with: "l")
        }
    }

    /// Step 2: -en, -er, -est, and -st/-et after particular letters, in R1.
    static func step2(_ w: inout SnowballWord, p1: Int) {
        let length: Int, rule: Int
        if w.ends("est") { (length, rule) = (3, 1) }
        else if w.ends("en") || w.ends("er") { (length, rule) = (2, 1) }
        else if w.ends("st") { (length, rule) = (2, 2) }
        else if w.ends("et") { (length, rule) = (2, 3) }
        else { return }
        let start = w.count - length
        guard start >= p1 else { return }
        switch rule {
        case 1:
            w.count = start
        case 2:  // -st after a valid st-ending that itself has at least 3 letters before it
            if start >= 4, isStEnding(w[start - 1]) { w.count = start }
        default:  // -et after a valid et-ending, except in words like "geplanet", "intern"+"et"
            guard start >= 1, isEtEnding(w[start - 1]) else { return }
            if w.ends("tick", at: start) || w.ends("plan", at: start) || w.ends("geordn", at: start)
                || w.ends("intern", at: start) || w.ends("tr", at: start)
            {
                return
            }
            w.count = start
        }
    }

    /// Step 3: derivational suffixes in R2.
    static func step3(_ w: inout SnowballWord, p1: Int, p2: Int) {
        let length: Int, rule: Int
        if w.ends("lich") || w.ends("heit") { (length, rule) = (4, 3) }
        else if w.ends("isch") { (length, rule) = (4, 2) }
        else if w.ends("keit") { (length, rule) = (4, 4) }
        else if w.ends("end") || w.ends("ung") { (length, rule) = (3, 1) }
        else if w.ends("ig") || w.ends("ik") { (length, rule) = (2, 2) }
        else { return }
        let start = w.count - length
        guard start >= p2 else { return }
        switch rule {
        case 1:  // -end, -ung; then -ig in R2 unless preceded by e
            w.count = start
            let ig = start - 2
            if w.ends("ig"), ig >= p2, !(ig > 0 && w[ig - 1] == ch("e")) { w.count = ig }
        case 2:  // -ig, -ik, -isch unless preceded by e
            if !(start > 0 && w[start - 1] == ch("e")) { w.count = start }
        case 3:  // -lich, -heit; then -er or -en in R1
            w.count = start
            if w.ends("er") || w.ends("en"), start - 2 >= p1 { w.count = start - 2 }
        default:  // -keit; then -lich or -ig in R2
            w.count = start
            if w.ends("lich") {
                if start - 4 >= p2 { w.count = start - 4 }
            } else if w.ends("ig") {
                if start - 2 >= p2 { w.count = start - 2 }
            }
        }
    }

    /// Snowball 3 also drops a trailing `'`, `'s` or `'sch` ("Andrea's") after two letters.
    static func apostrophe(_ w: inout SnowballWord) {
        let length = w.ends("'sch") ? 4 : w.ends("'s") ? 2 : w.ends("'") ? 1 : 0
        if length > 0, w.count - length >= 2 { w.count -= length }
    }
}
