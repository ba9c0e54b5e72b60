import AmtsboteCore
import Foundation
import Testing

@testable import AmtsboteServer

/// The web chat page's own texts: the city's words, in the visitor's language, escaped.
@Suite struct WebChatPageTests {
    private let page = WebChatPage(
        template: #"<html lang="{{lang}}"><h1>{{webchat_title}}</h1><p data-x="{{webchat_send}}">{{languages}}</p>"#,
        defaults: ["de": ["webchat_title": "Fragen", "webchat_send": "Senden", "language_name": "Deutsch"],
                   "en": ["webchat_title": "Questions", "webchat_send": "Send", "language_name": "English"]])

    private func city(messages: [String: LocalizedText] = [:], languages: [String] = ["de", "en"]) -> CityConfig {
        CityConfig(name: "Teststadt", languages: languages, timezone: "Europe/Berlin", offices: [:],
                   emergency: LocalizedText(plain: "112"), messages: messages, synonyms: [:])
    }

    @Test(arguments: [
        (nil, nil, "de"), ("en", nil, "en"), ("fr", nil, "de"), (nil, "en-GB,en;q=0.9,de;q=0.5", "en"),
        (nil, "fr-FR, de;q=0.8", "de"), ("de", "en", "de"),
    ] as [(String?, String?, String)])
    func languageFollowsTheRequestThenTheBrowser(requested: String?, accept: String?, expected: String) {
        #expect(WebChatPage.language(requested: requested, acceptLanguage: accept, offered: ["de", "en"]) == expected)
    }

    @Test func cityTextsWinOverDefaultsAndAreEscaped() {
        let city = city(messages: ["webchat_title": LocalizedText(["de": "Fragen an <Teststadt> & Co", "en": "Ask \"Teststadt\""])])
        let german = page.render(language: "de", city: city)
        #expect(german.contains(#"<html lang="de">"#))
        #expect(german.contains("<h1>Fragen an &lt;Teststadt&gt; &amp; Co</h1>"))
        #expect(german.contains(#"data-x="Senden""#))
        #expect(german.contains(#"<a href="/chat?lang=de" lang="de" hreflang="de" aria-current="page">Deutsch</a>"#))
        let english = page.render(language: "en", city: city)
        #expect(english.contains("<h1>Ask &quot;Teststadt&quot;</h1>"))
        #expect(english.contains(#"data-x="Send""#))
        #expect(english.contains(#"hreflang="en" aria-current="page">English</a>"#))
    }

    @Test func aCityWithOneLanguageHasNoSwitch() {
        let html = page.render(language: "de", city: city(languages: ["de"]))
        #expect(html.contains("<h1>Fragen</h1>"))
        #expect(!html.contains("<a "))
    }

    @Test func theShippedPageHasEveryTextInBothLanguages() throws {
        let assets = WebChatAssets()
        for language in ["de", "en"] {
            let html = assets.page.render(language: language, city: city())
            #expect(!html.contains("{{"))
            #expect(html.contains(#"<html lang="\#(language)">"#))
            let keys = try #require(assets.page.defaults[language]?.keys)
            #expect(keys.count >= 12)
            for key in keys { #expect(!(assets.page.defaults[language]?[key]?.isEmpty ?? true), "\(language).\(key)") }
        }
    }
}
