import Foundation
import Testing

@testable import AmtsboteServer

/// What the JSON API and the web chat refuse or accept at their edges (found by an adversarial sweep).
@Suite struct DirectInputLimitsTests {
    private struct Output: Decodable {
        var replies: [ReplyPayload]
        var duplicate: Bool
    }

    static let auth = ["Authorization": "Bearer \(TestSecrets.apiToken)"]

    @Test func apiIdsArePerSenderAndAPayloadNeedsNoText() async throws {
        try await withFakePlatform { _, fakePort in
            try await ServerHarness.run(fakePort: fakePort) { (server: ServerHarness) async throws in
                func send(_ json: String) async throws -> (Int, Output?) {
                    let response = try await server.request("POST", "/api/messages", body: Data(json.utf8), headers: Self.auth)
                    return (response.status, try? JSONDecoder().decode(Output.self, from: response.body))
                }
                // The same id from another sender was taken for a redelivery and dropped.
                let first = try await send(#"{"sender":"u2","id":"m1","text":"Was kostet ein Personalausweis?"}"#)
                let other = try await send(#"{"sender":"u3","id":"m1","text":"Was kostet ein Personalausweis?"}"#)
                #expect(first.1?.duplicate == false && other.1?.duplicate == false && other.1?.replies.isEmpty == false)
                #expect(try await send(#"{"sender":"u3","id":"m1","text":"Was kostet ein Personalausweis?"}"#).1?.duplicate == true)
                // "a:b" + "c" is not "a" + "b:c".
                #expect(try await send(#"{"sender":"a:b","id":"c","text":"Hallo"}"#).1?.duplicate == false)
                #expect(try await send(#"{"sender":"a","id":"b:c","text":"Hallo"}"#).1?.duplicate == false)
                // A payload alone picks a topic (it was refused: text was required).
                let picked = try await send(#"{"sender":"u4","id":"p1","payload":"topic:personalausweis"}"#)
                #expect(picked.0 == 200 && picked.1?.replies.first?.text.contains("Personalausweis") == true)
                let longPayload = try await send(#"{"sender":"u4","id":"p2","payload":"\#(String(repeating: "x", count: 300))"}"#)
                #expect(longPayload.0 == 400)
            }
        }
    }

    @Test func apiCitizensFetchStaffRepliesByPolling() async throws {
        try await withFakePlatform { _, fakePort in
            try await ServerHarness.run(fakePort: fakePort) { (server: ServerHarness) async throws in
                let question = Data(#"{"sender":"u9","id":"q1","text":"Wie bekomme ich einen Fischereischein?"}"#.utf8)
                let asked = try JSONDecoder().decode(
                    Output.self, from: try await server.request("POST", "/api/messages", body: question, headers: Self.auth).body)
                let lastSeen = try #require(asked.replies.last?.id)
                let database = try server.database()
                let number = try #require(try await database.listCases().first?.number)
                _ = try await database.reply(number: number, staff: "anna", text: "Den gibt es beim Ordnungsamt.")
                // It was recorded as sent, but no route could fetch it.
                let polled = try await server.request("GET", "/api/messages?sender=u9&after=\(lastSeen)", headers: Self.auth)
                struct Poll: Decodable { var messages: [ReplyPayload] }
                let messages = try JSONDecoder().decode(Poll.self, from: polled.body).messages
                #expect(polled.status == 200 && messages.map(\.author) == ["staff"])
                #expect(messages.first?.text.contains("Den gibt es beim Ordnungsamt.") == true)
                #expect(try await server.request("GET", "/api/messages?sender=u9").status == 401)
                #expect(try await server.request("GET", "/api/messages?sender=u9&after=x", headers: Self.auth).status == 400)
                #expect(try await server.request("GET", "/api/messages", headers: Self.auth).status == 400)
            }
        }
    }

    @Test func webChatLimitsCountScalarsAndBadCursorsAreRefused() async throws {
        try await withFakePlatform { _, fakePort in
            try await ServerHarness.run(fakePort: fakePort) { (server: ServerHarness) async throws in
                let session = "limits-0123456789abcdef"
                func post(_ fields: [String: String]) async throws -> (Int, [String: String]?) {
                    let response = try await server.request("POST", "/chat/api/messages", body: try JSONEncoder().encode(fields))
                    return (response.status, try? JSONDecoder().decode([String: String].self, from: response.body))
                }
                // One character of 10,000 combining marks passed the 4000-character limit.
                let marks = "a" + String(repeating: "\u{301}", count: 10_000)
                let refused = try await post(["session": session, "id": "l1", "text": marks])
                #expect(refused.0 == 400 && refused.1?["message"] == "text is longer than 4000 characters")
                #expect(try await post(["session": session, "id": "l2", "text": "Hallo", "payload": String(repeating: "p", count: 900)]).0 == 400)
                #expect(try await post(["session": session, "id": "l3", "text": "Hallo", "language": String(repeating: "d", count: 900)]).0 == 400)
                #expect(try await post(["session": session, "id": "l4", "text": "Hallo"]).0 == 200)
                // A cursor that is no message id was read as 0 and sent the whole history again.
                for after in ["abc", "1.5", "", "-1", "99999999999999999999"] {
                    let response = try await server.request("GET", "/chat/api/messages?session=\(session)&after=\(after)")
                    #expect(response.status == 400, "after=\(after)")
                }
                #expect(try await server.request("GET", "/chat/api/messages?session=\(session)").status == 200)
                #expect(try await server.request("GET", "/chat/api/messages?session=\(session)&after=0").status == 200)
            }
        }
    }
}
