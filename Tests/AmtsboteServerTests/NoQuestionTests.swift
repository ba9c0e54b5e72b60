import AmtsboteCore
import AmtsboteStore
import Foundation
import Testing

@testable import AmtsboteServer

/// Messages without a question ("ok", "?", a thumbs-up) do not fill the staff queue: without an
/// open case the citizen is asked for the question; with one, the message joins it (it may be the
/// answer to staff's question).
@Suite struct NoQuestionTests {
    @Test func okOpensNoCaseButJoinsAnOpenOne() async throws {
        try await withFakePlatform { fake, fakePort in
            try await ServerHarness.run(fakePort: fakePort) { (server: ServerHarness) async throws in
                let database = try server.database()
                let texts = ["ok", "?", "👍", "Wie bekomme ich einen Fischereischein?", "ja"]
                for (number, text) in texts.enumerated() {
                    let body = try MessengerWebhook.text(psid: "PSID_OK", mid: "m_ok_\(number)", text: text)
                    #expect(try await server.postMeta(body) == 200)
                    // One at a time, so each is decided with the cases of the ones before.
                    #expect(await fake.waitForRequests(number + 1).count == number + 1)
                }
                let replies = await fake.requests.map(\.text)
                // The first reply carries the bot and privacy notice; each of the three asks for the question.
                #expect(replies[0] == "Hallo, ich bin ein Bot.\n\nDatenschutz: 90 Tage.\n\nIch kann Fragen beantworten.")
                #expect(replies[1] == "Ich kann Fragen beantworten.")
                #expect(replies[2] == "Ich kann Fragen beantworten.")
                // The real question opens a case; the "ja" after it joins that case.
                let cases = try await database.listCases()
                #expect(cases.count == 1)
                let number = try #require(cases.first?.number)
                #expect(replies[3].contains("Weitergegeben (Nr. \(number))"))
                #expect(replies[4] == "Zu Nr. \(number) hinzugefügt.")
                #expect(cases.first?.citizenMessages.compactMap(\.text) == ["Wie bekomme ich einen Fischereischein?", "ja"])
            }
        }
    }
}
