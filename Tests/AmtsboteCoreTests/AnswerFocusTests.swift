import Testing

@testable import AmtsboteCore

/// Cutting an answer to what a follow-up asks about: blocks, concepts, subject words, limits.
@Suite struct AnswerFocusTests {
    static let body = """
        Den Ausweis beantragen Sie persönlich im Bürgerbüro.

        **Bitte mitbringen:**

        - Ihren alten Ausweis
        - ein biometrisches Passfoto

        **Gebühren:**

        - ab 24 Jahren: 46 Euro
        - unter 24 Jahren: 27,60 Euro

        **Dauer:** In der Regel nach 3 bis 4 Wochen abholbereit.

        **Anfahrt:** Bushaltestelle „Marktplatz“, Behindertenparkplätze direkt vor dem Haus.
        """

    @Test func blocksKeepLeadInsWithTheirListsAndHeadingsWithTheirText() {
        let blocks = AnswerFocus.blocks(of: Self.body)
        #expect(blocks.count == 5)
        #expect(blocks[1] == "**Bitte mitbringen:**\n\n- Ihren alten Ausweis\n- ein biometrisches Passfoto")
        #expect(AnswerFocus.blocks(of: "## Kosten\n\n10 Euro.\n\nSonst nichts.") == ["## Kosten\n\n10 Euro.", "Sonst nichts."])
        #expect(AnswerFocus.blocks(of: "Erstens.\r\n\r\nZweitens:\r\n- a") == ["Erstens.", "Zweitens:\n- a"])
        #expect(AnswerFocus.blocks(of: "So geht's\n\n1. Antrag\n2. Termin\n\nFertig.") == ["So geht's\n\n1. Antrag\n2. Termin", "Fertig."])
    }

    @Test("a follow-up gets the blocks it asks about", arguments: [
        ("und was kostet das?", "de", ["**Gebühren:**"], false),
        ("Wie teuer ist der?", "de", ["**Gebühren:**"], false),
        ("und wie lange dauert das?", "de", ["**Dauer:**"], false),
        ("Welche Unterlagen muss ich mitbringen?", "de", ["**Bitte mitbringen:**"], false),
        // An everyday "brauchen" asks for documents only when nothing else is asked.
        ("Was brauche ich dafür?", "de", ["**Bitte mitbringen:**"], false),
        ("Brauche ich dafür einen Termin?", "de", [], false),
        ("What do I need?", "en", ["**Bitte mitbringen:**"], false),
        // Words of its own, also inside the answer's compounds.
        ("Und gibt es Parkplätze?", "de", ["**Anfahrt:**"], false),
        ("und mit dem Bus?", "de", ["**Anfahrt:**"], false),
        // Where and when: the office's contact block answers, with any block that says so.
        ("Wo ist das?", "de", ["**Anfahrt:**"], true),
        ("Und wie komme ich da hin?", "de", ["**Anfahrt:**"], true),
        ("Öffnungszeiten?", "de", [], true),
        // A question in English about a German text: concepts cross languages, own words do not.
        ("how much is it?", "en", ["**Gebühren:**"], false),
        ("and is there parking?", "en", [], false),
        ("and what does it cost?", "en", ["**Gebühren:**"], false),
    ])
    func selection(_ message: String, _ language: String, _ leads: [String], _ office: Bool) throws {
        let selection = AnswerFocus.select(
            message: message, messageLanguage: language, title: "Personalausweis beantragen", body: Self.body,
            bodyLanguage: "de", hasOffice: true)
        if leads.isEmpty && !office {
            #expect(selection == nil, "\(message) → \(String(describing: selection))")
            return
        }
        let s = try #require(selection, "\(message)")
        #expect(s.blocks.count == leads.count, "\(message) → \(s.blocks)")
        for (block, lead) in zip(s.blocks, leads) { #expect(block.hasPrefix(lead), "\(message) → \(block)") }
        #expect(s.office == office, "\(message)")
    }

    @Test("nothing in particular, the topic's own name, most of the answer, a long message or no office: the whole answer", arguments: [
        "und sonst?", "Personalausweis?", "Was kostet es, wie lange dauert es, was muss ich mitbringen und wie komme ich hin?",
    ])
    func noFocus(_ message: String) {
        let selection = AnswerFocus.select(
            message: message, messageLanguage: "de", title: "Ausweis beantragen", body: Self.body, bodyLanguage: "de", hasOffice: true)
        #expect(selection == nil, "\(message) → \(String(describing: selection))")
        let long = "Was kostet das? " + String(repeating: "Ich frage nur noch einmal nach. ", count: 6)
        #expect(AnswerFocus.select(
            message: long, messageLanguage: "de", title: "Ausweis", body: Self.body, bodyLanguage: "de", hasOffice: true) == nil)
        let noOffice = AnswerFocus.select(
            message: "Öffnungszeiten?", messageLanguage: "de", title: "Ausweis", body: Self.body, bodyLanguage: "de", hasOffice: false)
        #expect(noOffice == nil)
    }

    @Test("a subject word picks no block by the title's words or a link target")
    func titleWordsAndLinksPickNothing() throws {
        let body = """
            The Tourist Information advises you on sights and guided tours.

            **Worth seeing:** the old town, meeting point Tourist Information.

            **Guided tours:** Saturdays 11 am, 8 euros.

            **Where to stay:** hotels at [our site](https://www.example-city.de/tourismus) or www.example-city.de/tours.
            """
        let s = try #require(AnswerFocus.select(
            message: "Is there a guided tour in English?", messageLanguage: "en", title: "Tourist information", body: body,
            bodyLanguage: "en", hasOffice: true))
        #expect(s.blocks == ["The Tourist Information advises you on sights and guided tours.", "**Guided tours:** Saturdays 11 am, 8 euros."])
        #expect(AnswerFocus.withoutLinkTargets("see [the map](https://x.de/tour) or http://x.de/tour now") == "see [the map] or  now")
    }

    @Test("a word that only begins like an aspect word does not answer it", arguments: [
        // "dauerhaft" (permanently), "Wochenende": no duration; a "paper" bin: no documents.
        ("Und wie lange dauert es?", "de",
         "**Dauer:** in der Regel 3 Wochen.\n\n**Hausbesuch:** Wer dauerhaft krank ist, bekommt am Wochenende Besuch.\n\nDen Antrag stellen Sie persönlich im Bürgerbüro, bitte mit Ihrem alten Ausweis und einem Foto.",
         ["**Dauer:** in der Regel 3 Wochen."]),
        ("What documents do I need?", "en",
         "Please bring your papers.\n\n**Bins:** paper (blue bin) every 4 weeks, residual waste every 2 weeks, organic waste weekly in summer.",
         ["Please bring your papers."]),
    ])
    func prefixesStayInTheirMeaning(_ message: String, _ language: String, _ body: String, _ blocks: [String]) throws {
        let s = try #require(AnswerFocus.select(
            message: message, messageLanguage: language, title: "Service", body: body, bodyLanguage: language, hasOffice: true))
        #expect(s.blocks == blocks)
    }
}
