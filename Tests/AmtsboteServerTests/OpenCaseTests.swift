import AmtsboteCore
import AmtsboteStore
import Foundation
import Testing

@testable import AmtsboteServer

/// Where a citizen's message goes when a case is or is not open. Messages without a question
/// ("ok", "?", a thumbs-up) do not fill the staff queue: without an open case the citizen is asked
/// for the question; with one, the message joins it (it may be the answer to staff's question).
/// After asking for a person, what the citizen writes goes to staff until they reply.
@Suite struct OpenCaseTests {
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

    @Test func aRequestToEraseOnesDataOpensACaseOfItsOwnKind() async throws {
        try await withFakePlatform { fake, fakePort in
            try await ServerHarness.run(fakePort: fakePort) { (server: ServerHarness) async throws in
                let database = try server.database()
                let body = try MessengerWebhook.text(psid: "PSID_DATA", mid: "m_data_1", text: "Bitte löscht meine Daten")
                #expect(try await server.postMeta(body) == 200)
                let reply = try #require(await fake.waitForRequests(1).first?.text)
                let cases = try await database.listCases()
                #expect(cases.count == 1 && cases.first?.record.reason == .dataRequest)
                let number = try #require(cases.first?.number)
                // The first reply also carries the bot and privacy notice; the case sentence is the data request's own.
                #expect(reply.hasPrefix("Hallo, ich bin ein Bot.") && reply.contains("Datenanfrage Nr. \(number), ab "), "\(reply)")
            }
        }
    }

    @Test func aDataRequestIntoAnOpenCaseMakesItADataRequest() async throws {
        try await withFakePlatform { fake, fakePort in
            try await ServerHarness.run(fakePort: fakePort) { (server: ServerHarness) async throws in
                let database = try server.database()
                let texts = ["Wie bekomme ich einen Fischereischein?", "Bitte löscht meine Daten", "ok"]
                for (number, text) in texts.enumerated() {
                    let body = try MessengerWebhook.text(psid: "PSID_JOIN", mid: "m_join_\(number)", text: text)
                    #expect(try await server.postMeta(body) == 200)
                    #expect(await fake.waitForRequests(number + 1).count == number + 1)
                }
                let replies = await fake.requests.map(\.text)
                let cases = try await database.listCases()
                // One case, now a data request (it was "Zu Nr. … hinzugefügt" and stayed noMatch,
                // so staff could miss the legal deadline); announced as one.
                #expect(cases.count == 1 && cases.first?.record.reason == .dataRequest)
                let number = try #require(cases.first?.number)
                #expect(replies[1].contains("Datenanfrage Nr. \(number), ab "), "\(replies[1])")
                #expect(replies[2] == "Zu Nr. \(number) hinzugefügt.")
            }
        }
    }

    @Test func afterAskingForAPersonMessagesGoToStaffUntilTheyReply() async throws {
        try await withFakePlatform { fake, fakePort in
            try await ServerHarness.run(fakePort: fakePort) { (server: ServerHarness) async throws in
                let database = try server.database()
                var sent = 0
                func say(_ text: String) async throws -> String {
                    sent += 1
                    let body = try MessengerWebhook.text(psid: "PSID_HUMAN", mid: "m_human_\(sent)", text: text)
                    #expect(try await server.postMeta(body) == 200)
                    return await fake.waitForRequests(sent).last?.text ?? ""
                }
                _ = try await say("Hallo")
                let asked = try await say("Ich möchte mit einem Mitarbeiter sprechen")
                let number = try #require(try await database.listCases().first?.number)
                #expect(asked.hasPrefix("Gern, Nr. \(number)"))
                // Describing the request while waiting: to staff, not answered from the knowledge base.
                #expect(try await say("Es geht um meinen Reisepass") == "Zu Nr. \(number) hinzugefügt.")
                // Staff reply; after that the bot answers again, and files the exchange with the open case.
                _ = try await database.reply(number: number, staff: "anna", text: "Was genau möchten Sie wissen?")
                #expect(await fake.waitForRequests(sent + 1).count == sent + 1)
                sent += 1
                #expect(try await say("Wie beantrage ich einen Reisepass?").hasPrefix("Reisepass beantragen"))
                let cases = try await database.listCases()
                #expect(cases.count == 1)
                #expect(cases.first?.citizenMessages.compactMap(\.text) == [
                    "Ich möchte mit einem Mitarbeiter sprechen", "Es geht um meinen Reisepass", "Wie beantrage ich einen Reisepass?",
                ])
                #expect(cases.first?.awaitingStaff == true)
            }
        }
    }
}
