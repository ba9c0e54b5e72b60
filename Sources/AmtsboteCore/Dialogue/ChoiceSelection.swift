import Foundation

/// Reads a citizen's pick from a numbered `clarify` choice: "2", "Nr. 2", "die zweite",
/// "the first one", "option three". Only short messages count, so a real question that happens
/// to contain a number is not mistaken for a pick.
public enum ChoiceSelection {
    /// The 1-based position picked in `text`, or nil when `text` is not a pick.
    public static func position(in text: String) -> Int? {
        let words = text.lowercased()
            .folding(options: [.diacriticInsensitive], locale: nil)
            .split { !$0.isLetter && !$0.isNumber }
            .map(String.init)
        guard !words.isEmpty, words.count <= 5 else { return nil }
        var found: Int?
        var sawOne = false
        for word in words {
            // "one" is a filler in "the second one" and a pick on its own.
            if word == "one" {
                sawOne = true
            } else if let number = ordinals[word] ?? Int(word) {
                if found != nil && found != number { return nil }  // "1 oder 2" is not a pick
                found = number
            } else if !fillers.contains(word) {
                return nil
            }
        }
        return found ?? (sawOne ? 1 : nil)
    }

    /// Whether `text` turns all offered choices down: "Keins davon", "nichts davon passt", "none of
    /// these", "neither", or a bare "nein" / "no". Only short messages of such words count, so
    /// "Keine Ahnung, wo ich mich ummelde" is still a question.
    public static func isDecline(_ text: String) -> Bool {
        let words = text.lowercased()
            .folding(options: [.diacriticInsensitive], locale: nil)
            .split { !$0.isLetter && !$0.isNumber }
            .map(String.init)
        guard words.count <= 6 else { return false }
        return words.contains(where: declineWords.contains)
            && words.allSatisfy { declineWords.contains($0) || declineFillers.contains($0) }
    }

    /// Words that name a position (cardinals and ordinals, German and English, common inflections).
    private static let ordinals: [String: Int] = {
        var table: [String: Int] = [:]
        let forms: [(Int, [String])] = [
            (1, ["eins", "erste", "ersten", "erster", "erstes", "first", "1st"]),
            (2, ["zwei", "zweite", "zweiten", "zweiter", "zweites", "two", "second", "2nd"]),
            (3, ["drei", "dritte", "dritten", "dritter", "drittes", "three", "third", "3rd"]),
            (4, ["vier", "vierte", "vierten", "vierter", "viertes", "four", "fourth", "4th"]),
            (5, ["funf", "funfte", "funften", "funfter", "funftes", "five", "fifth", "5th"]),
        ]
        for (number, words) in forms { for word in words { table[word] = number } }
        return table
    }()

    /// Words allowed around the position ("die zweite bitte", "the first one", "Nummer 2").
    private static let fillers: Set<String> = [
        "die", "der", "das", "den", "nr", "nummer", "option", "thema", "bitte", "ja", "nehme", "ich", "mochte",
        "the", "number", "no", "please", "i", "take", "option", "yes", "topic",
    ]

    /// Words that turn the choices down.
    private static let declineWords: Set<String> = [
        "keins", "keines", "keine", "keiner", "keinen", "nichts", "nix", "nein",
        "none", "neither", "nothing", "no", "nope",
    ]

    /// Words allowed around them ("nein, leider nichts davon", "none of them fits").
    private static let declineFillers: Set<String> = [
        "davon", "von", "den", "der", "die", "das", "diesen", "dieser", "diese", "themen", "thema", "passt", "passen",
        "dabei", "ist", "war", "leider", "richtig", "richtige", "genau", "davor", "oben",
        "of", "these", "them", "those", "the", "above", "fits", "fit", "is", "right", "sorry", "unfortunately", "topics",
        "options", "really", "quite",
    ]
}
