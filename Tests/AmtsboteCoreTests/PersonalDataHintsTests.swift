import Testing

@testable import AmtsboteCore

@Suite("Personal data hints")
struct PersonalDataHintsTests {
    @Test("e-mail addresses, long numbers and street addresses are found", arguments: [
        ("Schreiben Sie mir an max.muster@example.org", [PersonalDataHints.Kind.email]),
        ("Meine Nummer ist 0151 2345678", [.number]),
        ("Aktenzeichen B-2024-0417, wie ist der Stand?", [.number]),
        ("IBAN DE89 3704 0044 0532 0130 00", [.number]),
        ("geboren am 12.03.1985", [.number]),
        ("Ich wohne in der Lindenstraße 7a, wann kommt der Sperrmüll?", [.address]),
        ("Am Mühlweg 12 liegt Müll", [.address]),
        ("I live at 5 Baker Street", []),  // house number first: not recognised (a hint, not a guarantee)
        ("We live on Station Road 14", [.address]),
    ])
    func found(_ text: String, _ expected: [PersonalDataHints.Kind]) {
        #expect(PersonalDataHints.kinds(in: text) == expected)
    }

    @Test("ordinary questions have none", arguments: [
        "Was kostet ein Personalausweis?",
        "Wann ist der Wertstoffhof im Jahr 2026 geöffnet?",
        "Gilt die Mittagsruhe von 13 bis 15 Uhr?",
        "Wo ist der Marktplatz?",
        "Wie weit ist es vom Bahnhof zum Rathaus, 500 m?",
        "Can I pay the 70 euros by card?",
    ])
    func none(_ text: String) {
        #expect(PersonalDataHints.kinds(in: text).isEmpty, "\(PersonalDataHints.kinds(in: text))")
    }
}
