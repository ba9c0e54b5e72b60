import AmtsboteCore
import Foundation

/// The web chat page in the visitor's language: `index.html` with its `{{key}}` placeholders filled
/// from the city's messages in `city.yaml` (`webchat_title`, `webchat_notice`, …, `language_name`),
/// or, for keys a base does not set, from the defaults in `texts.json`.
struct WebChatPage: Sendable {
    let template: String
    /// Default texts per language, then per key.
    let defaults: [String: [String: String]]

    /// Picks the page language among the city's: `?lang=`, else the first match in the
    /// browser's `Accept-Language`, else the city's default language.
    static func language(requested: String?, acceptLanguage: String?, offered: [String]) -> String {
        if let requested, offered.contains(requested) { return requested }
        let preferred = (acceptLanguage ?? "").split(separator: ",").compactMap { part -> String? in
            let tag = part.split(separator: ";").first?.trimmingCharacters(in: .whitespaces).lowercased() ?? ""
            return tag.split(separator: "-").first.map(String.init)
        }
        return preferred.first(where: offered.contains) ?? offered.first ?? "de"
    }

    /// The page for `language`, every text HTML-escaped.
    func render(language: String, city: CityConfig) -> String {
        var output = ""
        var rest = template[...]
        while let open = rest.range(of: "{{"), let close = rest[open.upperBound...].range(of: "}}") {
            output += rest[..<open.lowerBound]
            let key = String(rest[open.upperBound..<close.lowerBound])
            switch key {
            case "lang": output += Self.escape(language)
            case "languages": output += languageLinks(current: language, city: city)
            default: output += Self.escape(text(key, language: language, city: city))
            }
            rest = rest[close.upperBound...]
        }
        return output + rest
    }

    /// A text from the city's messages in `language`, else the default in `language`, else the
    /// city's text in its default language, else the default text in the default language.
    func text(_ key: String, language: String, city: CityConfig) -> String {
        let own = city.messages[key]
        if let value = own?.values[language] ?? own?.values["*"] { return value }
        if let value = defaults[language]?[key] { return value }
        return own?.text(in: city.defaultLanguage) ?? defaults[city.defaultLanguage]?[key] ?? defaults["de"]?[key] ?? ""
    }

    /// Links to the page in each of the city's languages (none when it has only one).
    private func languageLinks(current: String, city: CityConfig) -> String {
        guard city.languages.count > 1 else { return "" }
        return city.languages.map { code in
            let name = Self.escape(text("language_name", language: code, city: city))
            let here = code == current ? #" aria-current="page""# : ""
            return #"<a href="/chat?lang=\#(Self.escape(code))" lang="\#(Self.escape(code))" hreflang="\#(Self.escape(code))"\#(here)>\#(name)</a>"#
        }.joined(separator: " ")
    }

    static func escape(_ text: String) -> String {
        var escaped = ""
        escaped.reserveCapacity(text.utf8.count)
        for character in text {
            switch character {
            case "&": escaped += "&amp;"
            case "<": escaped += "&lt;"
            case ">": escaped += "&gt;"
            case "\"": escaped += "&quot;"
            case "'": escaped += "&#39;"
            default: escaped.append(character)
            }
        }
        return escaped
    }
}
