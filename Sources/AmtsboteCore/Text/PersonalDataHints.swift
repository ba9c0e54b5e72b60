import Foundation

/// Signs that a citizen's text holds personal data: an e-mail address, a phone number or other
/// long number (file numbers, IBANs, dates of birth), a street address with its house number.
/// Used before a citizen's words are copied into the knowledge base, which is kept in git and read
/// by everyone who edits it. A hint, not a guarantee: names cannot be recognised this way.
public enum PersonalDataHints {
    /// What was found, as kinds, in a stable order; empty when nothing was.
    public static func kinds(in text: String) -> [Kind] {
        let range = NSRange(text.startIndex..., in: text)
        return Kind.allCases.filter { $0.expression.firstMatch(in: text, range: range) != nil }
    }

    public enum Kind: String, CaseIterable, Sendable {
        case email, number, address

        fileprivate var expression: NSRegularExpression {
            switch self {
            case .email: Self.emailExpression
            case .number: Self.numberExpression
            case .address: Self.addressExpression
            }
        }

        private static let emailExpression = try! NSRegularExpression(pattern: #"[^\s@]+@[^\s@]+\.[A-Za-z]{2,}"#)
        /// Five or more digits, also with spaces, dots, slashes or dashes between them
        /// ("0151 2345678", "DE89 3704 …", "B-2024-0417", "12.03.1985"); a year alone is not.
        private static let numberExpression = try! NSRegularExpression(pattern: #"\d(?:[\s./-]?\d){4,}"#)
        /// A street name ending (Straße, Weg, Gasse, Platz, Allee, Ring, street, road …) and a house number.
        private static let addressExpression = try! NSRegularExpression(
            pattern: #"(?i)\b\w*(straße|strasse|str\.|weg|gasse|platz|allee|ring|damm|ufer|street|road|avenue|lane)\s+\d{1,4}\s?[a-z]?\b"#)
    }
}
