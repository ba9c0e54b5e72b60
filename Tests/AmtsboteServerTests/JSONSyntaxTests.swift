import Foundation
import Testing

@testable import AmtsboteServer

/// The intake's syntax check: what it passes must be readable by a real JSON parser (it is decoded
/// later), what it refuses gets 400.
@Suite struct JSONSyntaxTests {
    @Test(arguments: [
        #"{}"#, #"[]"#, #" {"a": [1, -2.5e3, 0, 0.25E-1, true, false, null]} "#, #""text""#, "0", "-0", "12",
        #"{"s":"a\"b\\c\/d\b\f\n\r\t\u00e4\uD83D\uDE00"}"#, "{\"umlaut\":\"Führerschein ß 😀\"}", "\n[\t{ }\r]\n",
        #"{"object":"page","entry":[{"id":"1","time":1,"messaging":[{"sender":{"id":"P"},"message":{"mid":"m","text":"Hallo"}}]}]}"#,
    ])
    func acceptsValidJSON(_ text: String) throws {
        #expect(JSONSyntax.isValid(Array(text.utf8)))
        _ = try JSONSerialization.jsonObject(with: Data(text.utf8), options: [.fragmentsAllowed])
    }

    @Test(arguments: [
        "", " ", "{", "}", "[1,]", "[,1]", #"{"a":1,}"#, #"{"a" 1}"#, #"{a:1}"#, #"{"a":1"#, #"{"a":1}}"#, "{} {}",
        "01", "-", "1.", ".5", "1e", "+1", "tru", "nul", "True", #""open"#, #""bad \x escape""#, #""\u12G4""#,
        "\"tab\tinside\"", "[1 2]", "'single'", "not json", "{\"a\":[1,2]]", "NaN",
    ])
    func refusesMalformedJSON(_ text: String) {
        // Strict RFC 8259: Foundation's parser, more lenient, would take trailing commas.
        #expect(!JSONSyntax.isValid(Array(text.utf8)))
    }

    @Test("invalid UTF-8 and lone surrogate escapes are refused (they were stored, answered 200, then dropped)", arguments: [
        [0x22, 0xFF, 0x22], [0x22, 0xC3, 0x22], [0x22, 0xC0, 0xAF, 0x22], [0x22, 0xED, 0xA0, 0x80, 0x22],
        [0x22, 0xF4, 0x90, 0x80, 0x80, 0x22], [0x22, 0xE2, 0x82, 0x22],
        Array(#""\ud800""#.utf8), Array(#""\udc00x""#.utf8), Array(#""\ud800\u0041""#.utf8),
    ] as [[UInt8]])
    func refusesWhatTheDecoderRefuses(_ bytes: [UInt8]) {
        #expect(!JSONSyntax.isValid(bytes))
        #expect((try? JSONDecoder().decode(String.self, from: Data(bytes))) == nil)
    }

    @Test func refusesNestingBeyondTheLimit() {
        let deep = String(repeating: "[", count: JSONSyntax.maxDepth + 1) + String(repeating: "]", count: JSONSyntax.maxDepth + 1)
        let fine = String(repeating: "[", count: JSONSyntax.maxDepth) + String(repeating: "]", count: JSONSyntax.maxDepth)
        #expect(!JSONSyntax.isValid(Array(deep.utf8)))
        #expect(JSONSyntax.isValid(Array(fine.utf8)))
    }
}
