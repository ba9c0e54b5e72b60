import AmtsboteCore
import AmtsboteStore
import Foundation
import GRDB
import Testing
@testable import AmtsboteCLI

@Suite struct LearnAndPrivacyTests {
    @Test func learnAddsTheQuestionAndTheBaseStaysValid() async throws {
        let workspace = try Workspace(withKnowledge: true)
        defer { workspace.remove() }
        let learner = TopicLearner(directory: workspace.knowledgePath)
        let relative = try #require(learner.topicFiles(id: "personalausweis")["de"])
        let url = URL(fileURLWithPath: workspace.knowledgePath).appendingPathComponent(relative)
        let before = try String(contentsOf: url, encoding: .utf8)
        let number = try await workspace.question("Kann ich meinen Perso: auch am Samstag abholen?")

        try await workspace.run(["queue", "learn", "\(number)", "--topic", "personalausweis", "--knowledge", workspace.knowledgePath, "--as", "anna"])

        let after = try String(contentsOf: url, encoding: .utf8)
        let result = KnowledgeLoader.load(directory: workspace.knowledgePath)
        #expect(result.errors.isEmpty, "\(result.errors)")
        let topic = try #require(result.knowledgeBase?.topic("personalausweis"))
        #expect(topic.translations["de"]?.questions.last == "Kann ich meinen Perso: auch am Samstag abholen?")
        // Exactly one line more, everything else byte for byte.
        var lines = after.components(separatedBy: "\n")
        let added = try #require(lines.firstIndex(of: "  - \"Kann ich meinen Perso: auch am Samstag abholen?\""))
        lines.remove(at: added)
        #expect(lines.joined(separator: "\n") == before)

        do {
            try await workspace.run(["queue", "learn", "\(number)", "--topic", "personalausweis", "--knowledge", workspace.knowledgePath, "--as", "anna"])
            Issue.record("learning the same question twice should be refused")
        } catch {
            #expect("\(error)" == "Diese Frage steht schon in der Themendatei; nichts geändert.")
        }

        // With an error elsewhere in the base, the question is added but the base is not called valid
        // (it said "die Wissensbasis ist weiter gültig").
        let broken = URL(fileURLWithPath: workspace.knowledgePath).appendingPathComponent("topics/kaputt.de.md")
        try Data("---\ntitle: Kaputt\n---\n".utf8).write(to: broken)
        #expect(try learner.addQuestion("Gilt der Perso im Ausland?", topic: "personalausweis", language: "de").baseValid == false)
    }

    @Test func concurrentLearnsKeepEveryQuestionAndTheFilesPermissions() throws {
        let workspace = try Workspace(withKnowledge: true)
        defer { workspace.remove() }
        let learner = TopicLearner(directory: workspace.knowledgePath)
        let relative = try #require(learner.topicFiles(id: "sperrmuell")["de"])
        let path = URL(fileURLWithPath: workspace.knowledgePath).appendingPathComponent(relative).path
        try FileManager.default.setAttributes([.posixPermissions: 0o664], ofItemAtPath: path)
        // Eight staff members at once (it was: half the questions lost, each wrote its own version).
        let questions = (1...8).map { "Kann ich Sperrmüll Nummer \($0) anmelden?" }
        DispatchQueue.concurrentPerform(iterations: questions.count) { index in
            _ = try? learner.addQuestion(questions[index], topic: "sperrmuell", language: "de")
        }
        let topic = try #require(KnowledgeLoader.load(directory: workspace.knowledgePath).knowledgeBase?.topic("sperrmuell"))
        #expect(Set(questions).isSubset(of: Set(topic.translations["de"]?.questions ?? [])))
        // The atomic replace made a group-writable file 0644.
        #expect(try FileManager.default.attributesOfItem(atPath: path)[.posixPermissions] as? Int == 0o664)
    }

    @Test func learnRefusesACitizensFirstMessageWithAPhoneNumberOrAddressUnlessTheQuestionIsGiven() async throws {
        let workspace = try Workspace(withKnowledge: true)
        defer { workspace.remove() }
        let learner = TopicLearner(directory: workspace.knowledgePath)
        let url = URL(fileURLWithPath: workspace.knowledgePath).appendingPathComponent(try #require(learner.topicFiles(id: "sperrmuell")["de"]))
        let before = try String(contentsOf: url, encoding: .utf8)
        let number = try await workspace.question("Ich wohne Lindenstraße 7, bitte rufen Sie 0151 2345678 an: wann kommt der Sperrmüll?")
        let learn = ["queue", "learn", "\(number)", "--topic", "sperrmuell", "--knowledge", workspace.knowledgePath, "--as", "anna"]
        await #expect(throws: (any Error).self) { try await workspace.run(learn) }
        #expect(try String(contentsOf: url, encoding: .utf8) == before)
        #expect(try await workspace.database().staffActions().isEmpty)
        try await workspace.run(learn + ["--question", "Wann kommt der Sperrmüll in meine Straße?"])
        #expect(try String(contentsOf: url, encoding: .utf8).contains("Wann kommt der Sperrmüll in meine Straße?"))
    }

    @Test func learnNewDraftsATopicFromTheStaffReply() async throws {
        let workspace = try Workspace(withKnowledge: true)
        defer { workspace.remove() }
        let number = try await workspace.question("Darf ich im Stadtpark grillen?")
        try await workspace.run(["queue", "reply", "\(number)", "Grillen ist nur auf der Wiese am Teich erlaubt.", "--as", "anna",
                                 "--knowledge", workspace.knowledgePath])
        try await workspace.run(["queue", "learn", "\(number)", "--new", "grillen-stadtpark", "--knowledge", workspace.knowledgePath, "--as", "anna"])
        let url = URL(fileURLWithPath: workspace.knowledgePath).appendingPathComponent("drafts/grillen-stadtpark.de.md")
        let draft = try String(contentsOf: url, encoding: .utf8)
        #expect(TopicFileEditor.problems(in: draft, id: "grillen-stadtpark", language: "de").isEmpty)
        #expect(draft.contains("Grillen ist nur auf der Wiese am Teich erlaubt."))
        #expect(draft.contains("  - Darf ich im Stadtpark grillen?"))
        // The draft is not live until an editor moves it into topics/.
        #expect(KnowledgeLoader.load(directory: workspace.knowledgePath).knowledgeBase?.topic("grillen-stadtpark") == nil)
    }

    @Test func privacyForgetAlsoReachesWebhookBodiesTheServerHasNotReadYet() async throws {
        let workspace = try Workspace()
        defer { workspace.remove() }
        let database = try workspace.database()
        func update(_ id: Int, chat: Int) -> Data {
            Data(#"{"update_id":\#(id),"message":{"message_id":\#(id),"from":{"id":\#(chat),"is_bot":false,"first_name":"E"},"chat":{"id":\#(chat),"type":"private"},"date":1713456789,"text":"Meine Adresse ist Lindenweg 7"}}"#.utf8)
        }
        try await database.storeWebhookDelivery(.telegram, body: update(1, chat: 4242))
        try await database.storeWebhookDelivery(.telegram, body: update(2, chat: 5151))
        try await workspace.run(["privacy", "forget", "--channel", "telegram", "--user", "4242", "--as", "anna"])
        #expect(try await database.pendingWebhookDeliveries().isEmpty)
        #expect(try await database.pendingInboundEvents().map(\.senderID) == ["5151"])

        // The other citizen's export has the message as received, as JSON (not a string of escaped quotes).
        let exportPath = workspace.folder.appendingPathComponent("auskunft.json").path
        try await workspace.run(["privacy", "export", "--channel", "telegram", "--user", "5151", "--output", exportPath, "--as", "anna"])
        let exported = try Data(contentsOf: URL(fileURLWithPath: exportPath))
        let object = try #require(try JSONSerialization.jsonObject(with: exported) as? [String: Any])
        let event = try #require((object["inboundEvents"] as? [[String: Any]])?.first)
        let payload = try #require(event["payload"] as? [String: Any], "\(event)")
        #expect((payload["text"] as? String) == "Meine Adresse ist Lindenweg 7", "\(payload)")
        #expect(!String(decoding: exported, as: UTF8.self).contains(#"\""#))
    }

    @Test func privacyForgetExportAndPurgeThroughTheCommands() async throws {
        let workspace = try Workspace()
        defer { workspace.remove() }
        let number = try await workspace.question("Meine Adresse ist Lindenweg 7", channel: .webchat, sender: "visitor-1")
        _ = try await workspace.question("Andere Person", channel: .webchat, sender: "visitor-2")
        let exportPath = workspace.folder.appendingPathComponent("auskunft.json").path
        try await workspace.run(["privacy", "export", "--channel", "webchat", "--user", "visitor-1", "--output", exportPath, "--as", "dsb"])
        let exported = try String(contentsOf: URL(fileURLWithPath: exportPath), encoding: .utf8)
        // Owner only (it was 0644, readable by every user of the machine).
        let permissions = try FileManager.default.attributesOfItem(atPath: exportPath)[.posixPermissions] as? Int
        #expect(permissions == 0o600)
        #expect(exported.contains("Lindenweg 7") && !exported.contains("Andere Person"))

        try await workspace.run(["privacy", "forget", "--channel", "webchat", "--user", "visitor-1", "--as", "dsb"])
        let database = try workspace.database()
        await #expect(throws: CaseError.notFound(number: number)) { try await database.caseDetail(number: number) }
        let texts = try await database.writer.read { db in try String.fetchAll(db, sql: "SELECT text FROM message") }
        #expect(texts == ["Andere Person"])

        try await workspace.run(["privacy", "purge", "--retention-days", "90", "--as", "dsb"])
        #expect(try database.count(table: "escalationCase") == 1)
        // The audit log names who exported and erased, the channel and counts, never the citizen or the text.
        let log = try await database.staffActions()
        #expect(log.map(\.action) == [.erase, .export])
        #expect(log.allSatisfy { $0.staff == "dsb" })
        #expect(log[0].detail?.contains("#\(number)") == true)
        let logged = log.map { [$0.staff, $0.detail ?? ""].joined(separator: " ") }.joined(separator: "\n")
        #expect(!logged.contains("visitor-1") && !logged.contains("Lindenweg"))
        // Without a name nothing is done.
        await #expect(throws: (any Error).self) {
            try await workspace.run(["privacy", "forget", "--channel", "webchat", "--user", "visitor-2"])
        }
        #expect(try database.count(table: "conversation") == 1)
        #expect(throws: (any Error).self) { try AmtsboteCommand.parseAsRoot(["privacy", "forget", "--channel", "fax", "--user", "1"]) }
    }
}

@Suite struct TopicFileEditorTests {
    static let file = """
        ---
        # Redaktion: Frau Weber
        title: Hundesteuer
        questions:   # wie Bürger fragen
          - Was kostet die Hundesteuer?

          - "Muss ich meinen Hund anmelden?"
        keywords: [hund, hundesteuer]
        ---
        Die Hundesteuer beträgt 96 Euro im Jahr.

        """

    @Test func appendsAfterTheLastItemAndKeepsTheRest() throws {
        let edited = try TopicFileEditor.addingQuestion("Wo melde ich den Hund an?", to: Self.file, id: "hundesteuer", language: "de")
        #expect(edited == Self.file.replacingOccurrences(
            of: "  - \"Muss ich meinen Hund anmelden?\"\n", with: "  - \"Muss ich meinen Hund anmelden?\"\n  - Wo melde ich den Hund an?\n"))
    }

    @Test func quotesWhatYAMLWouldMisread() throws {
        for question in ["Kosten: wie viel?", "yes", "#hund", "Er sagte \"nein\"", "- Liste?", "123"] {
            let edited = try TopicFileEditor.addingQuestion(question, to: Self.file, id: "hundesteuer", language: "de")
            #expect(TopicFileEditor.problems(in: edited, id: "hundesteuer", language: "de").isEmpty)
        }
    }

    @Test func flowListsCRLFAndUnindentedItems() throws {
        let flow = "---\ntitle: T\nquestions: [Eins?, Zwei?]\n---\nText\n"
        #expect(try TopicFileEditor.addingQuestion("Drei, vier?", to: flow, id: "t", language: "de")
            == "---\ntitle: T\nquestions: [Eins?, Zwei?, \"Drei, vier?\"]\n---\nText\n")
        let crlf = "---\r\ntitle: T\r\nquestions:\r\n- Eins?\r\n---\r\nText\r\n"
        #expect(try TopicFileEditor.addingQuestion("Zwei?", to: crlf, id: "t", language: "de")
            == "---\r\ntitle: T\r\nquestions:\r\n- Eins?\r\n- Zwei?\r\n---\r\nText\r\n")
    }

    @Test func refusesDuplicatesAndFilesItCannotEditSafely() {
        #expect(throws: TopicFileEditor.EditError.alreadyPresent) {
            try TopicFileEditor.addingQuestion("  was kostet die  HUNDESTEUER? ", to: Self.file, id: "hundesteuer", language: "de")
        }
        #expect(throws: TopicFileEditor.EditError.emptyQuestion) {
            try TopicFileEditor.addingQuestion(" ", to: Self.file, id: "hundesteuer", language: "de")
        }
        #expect(throws: (any Error).self) {
            try TopicFileEditor.addingQuestion("Neu?", to: "no front matter", id: "x", language: "de")
        }
    }
}
