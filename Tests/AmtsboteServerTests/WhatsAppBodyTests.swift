import AmtsboteCore
import Foundation
import Testing

@testable import AmtsboteServer

/// The request bodies WhatsApp Cloud gets for replies with choices: reply buttons up to three,
/// a list beyond, whose button text comes from the knowledge base, never from the code.
@Suite struct WhatsAppBodyTests {
    static func choices(_ count: Int) -> [BotReply.Choice] {
        (1...count).map { BotReply.Choice(title: "Thema \($0)", payload: "topic:t\($0)") }
    }

    /// The last body (the one with the choices) as the JSON the platform receives.
    static func interactive(_ reply: BotReply) throws -> [String: Any] {
        let message = OutboundMessage(
            channel: .whatsapp, recipientID: "4917612345678", address: ReplyAddress(phoneNumberID: "PN_1"), reply: reply)
        let body = try #require(WhatsAppClient.bodies(for: message).last)
        let json = try #require(try JSONSerialization.jsonObject(with: JSONEncoder().encode(body)) as? [String: Any])
        #expect(json["type"] as? String == "interactive")
        return try #require(json["interactive"] as? [String: Any])
    }

    @Test("a list's button shows the reply's label (cut to 20 characters), else the choices' numbers", arguments: [
        ("Thema auswählen", 5, "Thema auswählen"),
        ("Choose a topic", 10, "Choose a topic"),
        ("Eines der folgenden Themen wählen", 4, "Eines der folgenden…"),
        (nil, 5, "1–5"),
        ("  ", 4, "1–4"),
    ] as [(String?, Int, String)])
    func listButton(_ label: String?, _ count: Int, _ expected: String) throws {
        let interactive = try Self.interactive(BotReply(text: "Meinten Sie …", choices: Self.choices(count), choicesLabel: label))
        #expect(interactive["type"] as? String == "list")
        let action = try #require(interactive["action"] as? [String: Any])
        #expect(action["button"] as? String == expected)
        let sections = try #require(action["sections"] as? [[String: Any]])
        #expect(sections.count == 1)
        // One section needs no title; the rows are the choices in order.
        #expect(sections[0]["title"] == nil)
        let rows = try #require(sections[0]["rows"] as? [[String: Any]])
        #expect(rows.compactMap { $0["id"] as? String } == (1...count).map { "topic:t\($0)" })
    }

    @Test func longTopicTitlesAreShortenedInTheRowAndGivenInFullBelow() throws {
        let titles = [
            "Sperrmüll anmelden",  // fits
            "Personalausweis beantragen",  // 26 characters
            String(repeating: "Wohnsitz ", count: 9),  // over 72
            "Kita", "Reisepass",
        ]
        let choices = titles.enumerated().map { BotReply.Choice(title: $1, payload: "topic:t\($0)") }
        let interactive = try Self.interactive(BotReply(text: "Meinten Sie …", choices: choices, choicesLabel: "Thema auswählen"))
        let action = try #require(interactive["action"] as? [String: Any])
        let rows = try #require((action["sections"] as? [[String: Any]])?.first?["rows"] as? [[String: Any]])
        #expect(rows.map { $0["title"] as? String } == [
            "Sperrmüll anmelden", "Personalausweis beantra…", "Wohnsitz Wohnsitz Wohns…", "Kita", "Reisepass",
        ])
        #expect(rows.map { $0["description"] as? String } == [
            nil, "Personalausweis beantragen", String(titles[2].prefix(71)) + "…", nil, nil,
        ])
        #expect(rows.allSatisfy { ($0["title"] as? String ?? "").count <= 24 && ($0["description"] as? String ?? "").count <= 72 })
    }

    @Test func upToThreeChoicesAreButtonsWithoutAListLabel() throws {
        let interactive = try Self.interactive(BotReply(text: "Meinten Sie …", choices: Self.choices(3), choicesLabel: "Thema auswählen"))
        #expect(interactive["type"] as? String == "button")
        let action = try #require(interactive["action"] as? [String: Any])
        #expect(action["button"] == nil)
        #expect((action["buttons"] as? [[String: Any]])?.count == 3)
    }
}
