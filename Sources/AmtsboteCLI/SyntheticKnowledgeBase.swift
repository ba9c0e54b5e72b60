import Foundation

/// A generated knowledge base of any size, for benchmarks: pseudo-German words from syllables,
/// with a shared everyday vocabulary and words specific to each topic, written as real files.
struct SyntheticKnowledgeBase {
    var topics: Int

    private static let syllables = ["ber", "ge", "an", "mel", "dung", "aus", "weis", "stadt", "amt", "frei", "bad",
        "kar", "te", "park", "zug", "haus", "müll", "kin", "der", "geld", "bau", "platz", "schein", "wahl", "hund",
        "steu", "er", "feu", "wehr", "schul", "buch", "tag", "nacht", "feld", "wald", "berg", "see", "land", "markt"]
    private static let common = ["beantragen", "kosten", "dauert", "termin", "online", "formular", "unterlagen",
        "gebühr", "wochen", "bürger", "antrag", "stadt", "frist", "nachweis", "adresse", "zuständig"]

    func write(to folder: URL) throws {
        let fm = FileManager.default
        try fm.createDirectory(at: folder.appendingPathComponent("topics/gen"), withIntermediateDirectories: true)
        try """
            name: Benchstadt
            languages: [de]
            timezone: Europe/Berlin
            offices:
              amt:
                name: Amt
                hours: {mon: "08:00-12:00"}
            emergency: {de: "Notruf 112", en: "Call 112"}
            messages:
              greeting: {de: "Hallo", en: "Hello"}
              escalated: {de: "Weitergegeben {case}", en: "Passed on {case}"}
              privacy: {de: "Datenschutz", en: "Privacy"}
            """.write(to: folder.appendingPathComponent("city.yaml"), atomically: true, encoding: .utf8)
        var generator = SplitMix64(seed: 42)
        for index in 0..<topics {
            let words = (0..<6).map { _ in word(&generator) }
            func sentence(_ n: Int) -> String {
                (0..<n).map { _ in generator.next() % 3 == 0 ? words.randomElement(using: &generator)! : Self.common.randomElement(using: &generator)! }
                    .joined(separator: " ")
            }
            let questions = (0..<8).map { _ in "  - \"Wie \(sentence(6))?\"" }.joined(separator: "\n")
            let body = (0..<8).map { _ in sentence(12).capitalized + "." }.joined(separator: " ")
            let text = """
                ---
                title: \(words[0].capitalized) \(words[1])
                questions:
                \(questions)
                keywords: [\(words[0]), \(words[2])]
                office: amt
                ---
                \(body)
                """
            try text.write(to: folder.appendingPathComponent("topics/gen/t\(index).de.md"), atomically: false, encoding: .utf8)
        }
    }

    private func word(_ generator: inout SplitMix64) -> String {
        (0..<(2 + Int(generator.next() % 3))).map { _ in Self.syllables.randomElement(using: &generator)! }.joined()
    }
}

/// A small deterministic random number generator, so every run generates the same base.
struct SplitMix64: RandomNumberGenerator {
    var state: UInt64
    init(seed: UInt64) { state = seed }
    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}
