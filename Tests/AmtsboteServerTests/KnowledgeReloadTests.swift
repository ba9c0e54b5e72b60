import AmtsboteCore
import Foundation
import Synchronization
import Testing

@testable import AmtsboteServer

/// An editor changes the knowledge base while citizens keep asking: the running server answers
/// from the new files within a poll interval, refuses a broken edit while keeping the base it
/// has, and answers every request meanwhile.
@Suite struct KnowledgeReloadTests {
    private struct Output: Decodable {
        var replies: [ReplyPayload]
    }

    /// Shared by the test and the citizens asking meanwhile.
    private final class Load: Sendable {
        let asked = Atomic<Int>(0)
        let stop = Atomic<Bool>(false)
        var next: Int { asked.add(1, ordering: .relaxed).newValue }
    }

    /// Posts a tap on `topic` from a new sender (no rate limit, no dialogue state); returns the
    /// status and the text of the first reply.
    private static func ask(_ server: ServerHarness, topic: String, number: Int) async throws -> (status: Int, text: String) {
        let body = #"{"sender":"reload-\#(number)","id":"r\#(number)","text":"x","payload":"topic:\#(topic)"}"#
        let response = try await server.request(
            "POST", "/api/messages", body: Data(body.utf8), headers: ["Authorization": "Bearer \(TestSecrets.apiToken)"])
        let text = (try? JSONDecoder().decode(Output.self, from: response.body))?.replies.first?.text ?? ""
        return (response.status, text)
    }

    @Test func editsAreServedBrokenEditsKeepTheBaseAndNoRequestIsDropped() async throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("kb-reload-\(UUID().uuidString)")
        try FileManager.default.copyItem(at: URL(fileURLWithPath: ServerHarness.fixtureKnowledge), to: folder)
        let topic = folder.appendingPathComponent("topics/amt/anmeldung.de.md")
        let original = try String(contentsOf: topic, encoding: .utf8)

        try await withFakePlatform { _, fakePort in
            try await ServerHarness.run(fakePort: fakePort, adjust: { $0.knowledgeDirectory = folder.path }) {
                (server: ServerHarness) async throws in
                let load = Load()
                @Sendable func ask() async throws -> (status: Int, text: String) {
                    try await Self.ask(server, topic: "anmeldung", number: load.next)
                }
                #expect(try await ask().text.contains("innerhalb von zwei Wochen"))

                // Citizens keep asking while the files change (and at least 20 times).
                let asking = Task {
                    var answers: [(status: Int, text: String)] = []
                    while !load.stop.load(ordering: .relaxed) || answers.count < 20 { answers.append(try await ask()) }
                    return answers
                }

                // An edit is picked up.
                let edited = original.replacingOccurrences(of: "innerhalb von zwei Wochen", with: "innerhalb von zwei Wochen, jetzt auch online")
                try edited.write(to: topic, atomically: true, encoding: .utf8)
                #expect(try await waitUntil(timeout: .seconds(5)) { try await ask().text.contains("jetzt auch online") })

                // A broken topic (no questions) is refused; the edited base stays in use.
                let broken = folder.appendingPathComponent("topics/amt/kaputt.de.md")
                try "---\ntitle: Kaputt\n---\nOhne Fragen.\n".write(to: broken, atomically: true, encoding: .utf8)
                try await Task.sleep(for: .milliseconds(800))  // four poll intervals
                #expect(try await ask().text.contains("jetzt auch online"))
                #expect(try await server.request("GET", "/readyz").status == 200)

                // Mended, it is loaded with the rest.
                try "---\ntitle: Kaputt\nquestions:\n  - Was ist kaputt?\n---\nNichts mehr.\n".write(to: broken, atomically: true, encoding: .utf8)
                #expect(try await waitUntil(timeout: .seconds(5)) {
                    try await Self.ask(server, topic: "kaputt", number: load.next).text.contains("Nichts mehr.")
                })

                load.stop.store(true, ordering: .relaxed)
                let answers = try await asking.value
                #expect(answers.allSatisfy { $0.status == 200 })
                // Each answered from the old or the new file, never without an answer.
                #expect(answers.allSatisfy { $0.text.contains("innerhalb von zwei Wochen") })
            }
        }
    }
}
