import AmtsboteCore
import AmtsboteStore
import ArgumentParser
import Foundation
import GRDB
import Testing
@testable import AmtsboteCLI

@Suite struct QueueCommandTests {
    @Test func secondClaimIsToldWhoHasTheCase() async throws {
        let workspace = try Workspace()
        defer { workspace.remove() }
        let number = try await workspace.question("Wo melde ich meinen Hund an?")
        try await workspace.run(["queue", "claim", "\(number)", "--as", "anna"])
        do {
            try await workspace.run(["queue", "claim", "\(number)", "--as", "ben"])
            Issue.record("the second claim should fail")
        } catch {
            #expect("\(error)" == "Fall \(number) ist von anna übernommen; mit --force übernehmen.")
        }
        try await workspace.run(["queue", "claim", "\(number)", "--as", "ben", "--force"])
        #expect(try await workspace.database().caseDetail(number: number).summary.record.assignee == "ben")
    }

    @Test func replyGoesToTheOutboxWithTheStaffReplySentence() async throws {
        let workspace = try Workspace(withKnowledge: true)
        defer { workspace.remove() }
        let number = try await workspace.question("Wo melde ich meinen Hund an?")
        try await workspace.run([
            "queue", "reply", "\(number)", "Das geht im Bürgerbüro.", "--as", "anna", "--knowledge", workspace.knowledgePath,
        ])
        let entries = try await workspace.database().writer.read { db in try OutboxEntryRecord.fetchAll(db) }
        #expect(entries.count == 1)
        #expect(try entries.first?.botReply().text == "Antwort unseres Teams:\n\nDas geht im Bürgerbüro.")
        #expect(entries.first?.channel == .telegram)
        #expect(entries.first?.tag == nil)
    }

    @Test func replyAfterTheWindowIsRefusedWithAdvice() async throws {
        let workspace = try Workspace()
        defer { workspace.remove() }
        let number = try await workspace.question(
            "Hilfe", channel: .whatsapp, sender: "4915100000001", at: Date().addingTimeInterval(-2 * 86400))
        do {
            try await workspace.run(["queue", "reply", "\(number)", "Spät, aber hier.", "--as", "anna", "--knowledge", "/nonexistent"])
            Issue.record("the reply should be refused")
        } catch {
            #expect("\(error)".hasPrefix("Nicht gesendet: whatsapp erlaubt freie Antworten nur 24 Stunden"))
            #expect("\(error)".contains("amtsbote queue close \(number)"))
        }
        #expect(try workspace.database().count(table: "outboxEntry") == 0)
    }

    @Test func listJSONHasTheAgreedFields() async throws {
        let workspace = try Workspace()
        defer { workspace.remove() }
        let number = try await workspace.question("Wie beantrage ich Wohngeld?", channel: .messenger, sender: "psid-9")
        let cases = try await workspace.database().listCases()
        let json = try QueueJSON.encode(cases.map(QueueJSON.Case.init))
        let array = try #require(try JSONSerialization.jsonObject(with: Data(json.utf8)) as? [[String: Any]])
        let first = try #require(array.first)
        for key in ["number", "status", "channel", "language", "assignee", "created_at", "messages", "reply_window"] {
            #expect(first.keys.contains(key), "missing \(key)")
        }
        #expect(first["number"] as? Int == number)
        #expect(first["channel"] as? String == "messenger")
        #expect(first["assignee"] is NSNull)
        let messages = try #require(first["messages"] as? [[String: Any]])
        #expect(messages.first?["text"] as? String == "Wie beantrage ich Wohngeld?")
        #expect((first["reply_window"] as? [String: Any])?["state"] as? String == "open")
        try await workspace.run(["queue", "list", "--json"])
        try await workspace.run(["queue", "show", "\(number)", "--json"])
        try await workspace.run(["queue", "stats", "--json"])
    }

    @Test func missingDatabaseAndUnknownCaseSayWhatToDo() async throws {
        let workspace = try Workspace()
        defer { workspace.remove() }
        await #expect(throws: (any Error).self) { try await workspace.run(["queue", "list"]) }
        do {
            try await workspace.run(["queue", "list"])
        } catch {
            #expect("\(error)".contains("Keine Datenbank unter"))
        }
        _ = try await workspace.question("x")
        do {
            try await workspace.run(["queue", "show", "999"])
        } catch {
            #expect("\(error)" == "Fall 999 gibt es nicht. Die offenen Fälle zeigt `amtsbote queue list`.")
        }
    }

    @Test func fullCaseLifecycleThroughTheCommands() async throws {
        let workspace = try Workspace()
        defer { workspace.remove() }
        let number = try await workspace.question("Brauche ich eine Genehmigung für ein Straßenfest?")
        for arguments in [
            ["queue", "list"], ["queue", "claim", "\(number)", "--as", "anna"], ["queue", "note", "\(number)", "Ordnungsamt fragen", "--as", "anna"],
            ["queue", "unclaim", "\(number)", "--as", "anna"], ["queue", "reply", "\(number)", "Ja, beim Ordnungsamt.", "--as", "ben", "--close"],
            ["queue", "reopen", "\(number)", "--as", "ben"], ["queue", "close", "\(number)", "--as", "ben"], ["queue", "stats"],
            ["queue", "show", "\(number)"], ["queue", "log"], ["queue", "log", "--case", "\(number)", "--json"],
        ] {
            try await workspace.run(arguments)
        }
        let detail = try await workspace.database().caseDetail(number: number)
        #expect(detail.summary.record.status == .closed)
        #expect(detail.notes.map(\.author) == ["anna"])
        #expect(detail.conversation.map(\.author) == ["citizen", "staff:ben"])
        // Every step is in the audit log, oldest last, with who did it.
        let log = try await workspace.database().staffActions(caseNumber: number)
        #expect(log.reversed().map { "\($0.staff) \($0.action.rawValue)" } == [
            "anna claim", "anna note", "anna unclaim", "ben reply", "ben close", "ben reopen", "ben close",
        ])
        // `queue show` ends with that history, in words staff read.
        let shown = QueueText.detail(try await workspace.database().caseDetail(number: number), history: log.reversed(), now: Date())
        #expect(shown.contains("Verlauf:\n- ") && shown.contains("anna: übernommen") && shown.contains("ben: wieder geöffnet"), "\(shown)")
        let json = try QueueJSON.encode(QueueJSON.Detail(try await workspace.database().caseDetail(number: number), history: log.reversed()))
        #expect(json.contains("\"action\" : \"reopen\""), "\(json)")
    }

    @Test func everyCommandHasHelpWithAnExample() throws {
        let commands: [any ParsableCommand.Type] = QueueCommand.configuration.subcommands + PrivacyCommand.configuration.subcommands
            + [QueueCommand.self, PrivacyCommand.self]
        for command in commands {
            #expect(command.helpMessage().contains("Example"), "\(command) --help has no example")
        }
    }

    @Test func editorTextWithoutCommentLines() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("amtsbote-editor-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let script = folder.appendingPathComponent("fake-editor.sh")
        try "#!/bin/sh\nprintf 'Guten Tag,\\nes geht.\\n' >> \"$1\"\n".write(to: script, atomically: true, encoding: .utf8)
        try FileManager.default.setAttributes([.posixPermissions: 0o755], ofItemAtPath: script.path)
        let text = try EditorSession.edit(initial: "\n# Antwort auf Fall 1001\n# > Frage\n", editor: script.path)
        #expect(text == "Guten Tag,\nes geht.")
        #expect(throws: CLIError.self) { try EditorSession.edit(initial: "# nur Kommentar\n", editor: "true") }
        // Only the template's comment form is a comment; "#1 …" is the staff member's text.
        #expect(EditorSession.stripComments("#\n# > Frage\n#1 Zuerst: Termin buchen.\n#2 Dann kommen.") == "#1 Zuerst: Termin buchen.\n#2 Dann kommen.")
    }
}

extension AmtsboteDatabase {
    func count(table: String) throws -> Int {
        try writer.read { db in try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM \(table)") ?? 0 }
    }
}
