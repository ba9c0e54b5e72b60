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
                let stem = self.stem(of: particle + rest.dropFirst(infix.count))
                if knows(stem: stem) { return stem }
            }
        }
        if token.hasPrefix("ge"), token.count >= 7 {
            let stem = self.stem(of: String(token.dropFirst(2)))
            if knows(stem: stem) { return stem }
        }
        return nil
    }

    /// For a verb whose particle stands apart ("Wie melde ich den Wagen ab?"), the known stem of
    /// particle + verb; `particles` are the particles found later in the sentence.
    func separatedVerbStem(of token: String, particles: [String]) -> String? {
        guard language == "de" else { return nil }
        for particle in particles {
            let stem = self.stem(of: particle + token)
            if stem.count > particle.count + 2, knows(stem: stem) { return stem }
        }
        return nil
    }
}
