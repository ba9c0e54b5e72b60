import AmtsboteCore
import AmtsboteStore
import ArgumentParser
import Foundation

/// `amtsbote queue reply N ["text"]`: answer the citizen on the channel they wrote on.
struct QueueReplyCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "reply",
        abstract: "Answer the citizen on the channel they used (through the server's outbox).",
        discussion: """
            Without text, opens $VISUAL or $EDITOR (lines that are # alone or start with "# " are left out; an empty text cancels). \
            The citizen receives the text after the `staff_reply` sentence from city.yaml ("Antwort unseres \
            Teams:"). Messenger and Instagram replies after 24 hours carry the HUMAN_AGENT tag automatically. \
            When the platform no longer allows a reply, nothing is sent and you are told what to do instead. \
            Replying claims an unclaimed case and marks it answered.

            Examples:
              amtsbote queue reply 1042 "Ihr Ausweis liegt ab Montag zur Abholung bereit." --as anna
              amtsbote queue reply 1042 --close
            """
    )

    @OptionGroup var databaseOptions: StaffDatabaseOptions
    @OptionGroup var staffOptions: StaffNameOptions
    @OptionGroup var knowledgeOptions: KnowledgeOptions
    @Argument(help: "The case number.") var number: Int
    @Argument(help: "The reply. Leave out to write it in your editor.") var text: String?
    @Flag(name: .long, help: "Reply even if a colleague has the case.") var force = false
    @Flag(name: .long, help: "Close the case after replying.") var close = false

    func run() async throws {
        let staff = try staffOptions.name()
        let database = try databaseOptions.open()
        do {
            let detail = try await database.caseDetail(number: number)
            let reply: String
            if let text {
                reply = text
            } else {
                reply = try EditorSession.edit(initial: EditorSession.template(for: detail))
            }
            let prefix = staffReplyPrefix()
            let receipt = try await database.reply(number: number, staff: staff, text: reply, force: force) { text, language in
                prefix[language].map { "\($0)\n\n\(text)" } ?? text
            }
            var line = "Antwort auf Fall \(number) liegt im Ausgang (Nr. \(receipt.outboxID)); der Server sendet sie über \(receipt.channel.rawValue)"
            if let tag = receipt.tag { line += " mit dem Tag \(tag)" }
            StandardOutput.print(line + ".")
            if close {
                try await database.close(number: number, staff: staff, force: force)
                StandardOutput.print("Fall \(number) ist geschlossen.")
            } else {
                StandardOutput.print("Fall \(number) ist beantwortet; abschließen mit: amtsbote queue close \(number)")
            }
        } catch {
            throw StaffMessages.cliError(error, action: "antworten")
        }
    }

    /// The `staff_reply` sentence per language, when the knowledge base loads (else the text goes alone).
    private func staffReplyPrefix() -> [String: String] {
        let result = KnowledgeLoader.load(directory: knowledgeOptions.directory)
        guard let base = result.knowledgeBase else {
            StandardError.print(
                "Hinweis: Wissensbasis in \(knowledgeOptions.directory) nicht geladen (--knowledge); die Antwort geht ohne Einleitungssatz hinaus.")
            return [:]
        }
        let composer = ReplyComposer(knowledgeBase: base)
        return Dictionary(uniqueKeysWithValues: base.city.languages.compactMap { language in
            composer.message("staff_reply", language: language).map { (language, $0) }
        })
    }
}

/// Writing a text in the staff member's editor, git-style: `#` lines are instructions, empty cancels.
enum EditorSession {
    /// The editor command: `$VISUAL`, else `$EDITOR`, else `vi`.
    static var editorCommand: String {
        let environment = ProcessInfo.processInfo.environment
        return environment["VISUAL"].flatMap { $0.isEmpty ? nil : $0 } ?? environment["EDITOR"].flatMap { $0.isEmpty ? nil : $0 } ?? "vi"
    }

    /// The instructions and the citizen's messages, as comment lines.
    static func template(for detail: CaseDetail) -> String {
        let r = detail.summary.record
        var lines = [
            "",
            "# Antwort auf Fall \(r.number) (\(r.channel.rawValue), Sprache \(r.language)).",
            "# Zeilen, die mit \"# \" beginnen, werden nicht gesendet. Leer speichern bricht ab.",
            "#",
        ]
        for message in detail.summary.citizenMessages {
            lines += StaffFormat.text(message).split(separator: "\n").map { "# > " + $0 }
        }
        return lines.joined(separator: "\n") + "\n"
    }

    /// Opens `initial` in the editor and returns the text without comment lines.
    /// - Throws: a `CLIError` when the editor fails or the text is empty.
    static func edit(initial: String, editor: String = editorCommand) throws -> String {
        let file = FileManager.default.temporaryDirectory.appendingPathComponent("amtsbote-reply-\(UUID().uuidString).md")
        try initial.write(to: file, atomically: true, encoding: .utf8)
        defer { try? FileManager.default.removeItem(at: file) }
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/bin/sh")
        process.arguments = ["-c", "\(editor) \"$1\"", "sh", file.path]
        try process.run()
        process.waitUntilExit()
        guard process.terminationStatus == 0 else {
            throw CLIError("Der Editor (\(editor)) wurde mit Fehler \(process.terminationStatus) beendet; nichts gesendet.")
        }
        let edited = try String(contentsOf: file, encoding: .utf8)
        let text = stripComments(edited)
        guard !text.isEmpty else { throw CLIError("Leere Antwort; nichts gesendet.") }
        return text
    }

    /// The text without comment lines (`#` alone or followed by a space, as the template writes
    /// them), trimmed. A staff member's "#1 Zuerst: Termin buchen." is text: every `#` line was dropped.
    static func stripComments(_ text: String) -> String {
        text.split(separator: "\n", omittingEmptySubsequences: false)
            .filter { $0 != "#" && !$0.hasPrefix("# ") }
            .joined(separator: "\n")
            .trimmingCharacters(in: .whitespacesAndNewlines)
    }
}
