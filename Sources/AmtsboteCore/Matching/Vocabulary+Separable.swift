/// German separable verbs: "melde … ab" means abmelden, "abgemeldet" and "abzumelden" are forms
/// of it. The stemmer cannot see that; these helpers find the verb the base knows.
extension Vocabulary {
    static let separableParticles: Set<String> = [
        "ab", "an", "auf", "aus", "ein", "mit", "nach", "um", "vor", "weg", "zu", "zurück", "her", "hin", "fest",
        "frei", "los", "dazu", "heim", "zusammen",
    ]

    /// The known stem of a participle or zu-infinitive of a separable verb ("abgemeldet" → abmeld,
    /// "zuzulassen" → zulass, "gemeldet" → meld), if the base knows it and not the word itself.
    func separableStem(of token: String) -> String? {
        guard language == "de", token.count >= 7 else { return nil }
        for particle in Self.separableParticles where token.hasPrefix(particle) {
            let rest = token.dropFirst(particle.count)
            for infix in ["ge", "zu"] where rest.hasPrefix(infix) && rest.count >= infix.count + 4 {
                if let stem = knownVerbStem(of: particle + rest.dropFirst(infix.count)) { return stem }
            }
        }
        if token.hasPrefix("ge"), token.count >= 7, let stem = knownVerbStem(of: String(token.dropFirst(2))) { return stem }
        return nil
    }

    /// Endings of weak verb forms ("genehmigt", "meldete", "beantragten"), longest first.
    static let weakVerbEndings = ["test", "tet", "ten", "te", "et", "t"]

    /// The known stem of a verb form, directly or through its infinitive: the stemmer keeps the
    /// -t of weak verb forms, so "genehmigt" and "abholt" would miss genehmigen and abholen.
    func knownVerbStem(of word: String) -> String? {
        let stem = self.stem(of: word)
        if knows(stem: stem) { return stem }
        return infinitiveStem(of: word)
    }

    /// The known stem of a weak verb form's infinitive ("beantragt" → beantragen → beantrag).
    func infinitiveStem(of word: String) -> String? {
        guard language == "de", word.count >= 5 else { return nil }
        for ending in Self.weakVerbEndings where word.hasSuffix(ending) && word.count - ending.count >= 3 {
            let stem = self.stem(of: word.dropLast(ending.count) + "en")
            if knows(stem: stem) { return stem }
        }
        return nil
    }

    /// The known stem of a German noun's "-s" plural after a vowel ("Kitas" → Kita, "Autos" →
    /// Auto, "Handys" → Handy): the stemmer removes a final "s" only after a consonant. Not after
    /// "e" or "u", where "s" is rarely a plural ("Haus", "Bus").
    func sPluralStem(of token: String) -> String? {
        guard language == "de", token.count >= 4, token.hasSuffix("s") else { return nil }
        let singular = token.dropLast()
        guard let last = singular.last, "aioy".contains(last) else { return nil }
        let stem = self.stem(of: String(singular))
        return knows(stem: stem) ? stem : nil
    }

    /// For a separable verb's participle the base does not know, the known participle without its
    /// particle ("hergezogen" → gezogen): the same action, though the particle's nuance is lost.
    func participleWithoutParticle(of token: String) -> String? {
        guard language == "de", token.count >= 8 else { return nil }
        for particle in Self.separableParticles where token.hasPrefix(particle) {
            let rest = String(token.dropFirst(particle.count))
            guard rest.hasPrefix("ge"), rest.count >= 6 else { continue }
            if let stem = knownVerbStem(of: rest) { return stem }
        }
        return nil
    }

    /// For the verbs whose particle stands apart ("Wie melde ich den Wagen ab?"), the known stems
    /// of particle + verb, by verb token: the joined word's stem, then its infinitive's when that
    /// differs ("holt … ab" is "abholt", a form the base has, and abholen). A
    /// particle closes its clause, so it belongs to the nearest verb before it that forms a known
    /// verb with it: in "Wo gebe ich das ab, wenn sich niemand meldet?" "ab" is abgeben's, not
    /// abmelden's, and "auf dem Spielplatz" no verb's.
    func separatedVerbStems(_ particles: [StrandedParticle]) -> [String: [String]] {
        guard language == "de" else { return [:] }
        var result: [String: [String]] = [:]
        for stranded in particles {
            for token in stranded.before where result[token] == nil && !Self.isNounByEnding(token) {
                let joined = stranded.particle + token
                let stem = self.stem(of: joined)
                guard stem.count > stranded.particle.count + 2, knows(stem: stem) else { continue }
                // Only beside a known form: alone, "läuft … ab" would become "Ablauf" (a strong
                // verb read as a weak one).
                let infinitive = infinitiveStem(of: joined).flatMap { $0 == stem ? nil : $0 }
                result[token] = [stem] + (infinitive.map { [$0] } ?? [])
                break
            }
        }
        return result
    }
}

extension Vocabulary {
    /// Endings no German verb form has: "meine Wohnung an" is anmelden's particle, not
    /// "anwohnen" (whose stem is that of "Anwohner"). Lower-case messages hide the capital letter.
    static let nounEndings = ["ung", "ungen", "heit", "keit", "schaft", "tion", "tät", "nis"]

    static func isNounByEnding(_ token: String) -> Bool {
        nounEndings.contains { token.hasSuffix($0) && token.count > $0.count + 2 }
            && !(token.hasPrefix("ge") && token.hasSuffix("ungen"))  // "gesprungen"
    }
}

/// A separable-verb particle standing alone in a message ("ab" in "Wie melde ich das ab?"), with
/// the words before it, nearest first (its verb is one of them).
struct StrandedParticle: Sendable, Equatable {
    var particle: String
    var before: [String]
}
