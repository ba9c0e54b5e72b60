/// A text that exists in one or more languages, as `city.yaml` allows for any text field:
/// either a plain string (valid for every language) or one string per language code.
public struct LocalizedText: Sendable, Hashable {
    /// Text per language code (`de`, `en`, …). A plain string is stored under the key `"*"`.
    public var values: [String: String]

    public init(_ values: [String: String]) { self.values = values }

    /// A text that is the same in every language.
    public init(plain: String) { self.values = ["*": plain] }

    /// The text in `language`, else the plain text, else the text in `fallback`, else any text.
    public func text(in language: String, fallback: String? = nil) -> String? {
        if let value = values[language] { return value }
        if let value = values["*"] { return value }
        if let fallback, let value = values[fallback] { return value }
        return values.keys.sorted().first.flatMap { values[$0] }
    }

    /// Whether any language has a non-empty text.
    public var isEmpty: Bool { values.values.allSatisfy { $0.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty } }
}

import Foundation
