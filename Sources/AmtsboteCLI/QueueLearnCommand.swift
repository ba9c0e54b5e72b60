import AmtsboteCore
import AmtsboteStore
import ArgumentParser
import Foundation

/// `amtsbote queue learn N --topic ID | --new ID`: teach the bot from a case.
struct QueueLearnCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "learn",
        abstract: "Teach the bot from a case: add the citizen's question to a topic, or draft a new topic.",
        discussion: """
            --topic ID adds the citizen's first question of the case (or --question) as a sample question to \
            topics/**/ID.<lang>.md, changing nothing else in the file, and checks the whole base afterwards \
            (the change is undone if it would break `amtsbote kb check`). The server picks it up by itself.

            --new ID writes a draft drafts/ID.<lang>.md in the knowledge folder from the citizen's question and \
            the team's last reply, for an editor to finish and move into topics/<category>/.

            Examples:
              amtsbote queue learn 1042 --topic personalausweis --as anna
              amtsbote queue learn 1042 --topic reisepass --question "Wie lange ist ein Kinderreisepass gültig?" --as anna
              amtsbote queue learn 1042 --new hundesteuer-befreiung --as anna
            """
    )

    @OptionGroup var databaseOptions: StaffDatabaseOptions
    @OptionGroup var knowledgeOptions: KnowledgeOptions
    @OptionGroup var staffOptions: StaffNameOptions
    @Argument(help: "The case number.") var number: Int
    @Option(name: .long, help: "Add the question to this existing topic id.") var topic: String?
    @Option(name: .customLong("new"), help: "Draft a new topic with this id.") var newTopic: String?
    @Option(name: .long, help: "The sample question to use (default: the citizen's first message in the case).") var question: String?
    @Option(name: .customLong("lang"), help: "The language file to edit (default: the case language).") var language: String?

    func validate() throws {
        guard (topic == nil) != (newTopic == nil) else {
            throw ValidationError("Bitte genau eins angeben: --topic ID (bestehendes Thema) oder --new ID (neuer Entwurf).")
        }
    }

    func run() async throws {
        let staff = try staffOptions.name()
        let database = try databaseOptions.open()
        do {
            let detail = try await database.caseDetail(number: number)
            let language = self.language ?? detail.summary.record.language
            let learner = TopicLearner(directory: knowledgeOptions.directory)
            let sample = try question ?? firstQuestion(detail)
            if let topic {
                let (file, valid) = try learner.addQuestion(sample, topic: topic, language: language)
                try await database.recordStaffAction(staff: staff, .learn, caseNumber: number, detail: "question for \(topic).\(language)")
                StandardOutput.print("Beispielfrage „\(sample)“ zu \(file) hinzugefügt; "
                    + (valid ? "die Wissensbasis ist weiter gültig."
                        : "die Wissensbasis hatte schon vorher Fehler, bitte `amtsbote kb check` ausführen."))
            } else if let newTopic {
                guard let answer = detail.conversation.last(where: { MessageRecord.staffName(ofAuthor: $0.author) != nil })?.text else {
                    throw CLIError("Fall \(number) hat noch keine Antwort des Teams; zuerst `amtsbote queue reply \(number)`, dann `learn --new`.")
                }
                let file = try learner.draftTopic(
                    id: newTopic, language: language, question: sample, answer: answer, caseNumber: number)
                try await database.recordStaffAction(staff: staff, .learn, caseNumber: number, detail: "draft \(newTopic).\(language)")
                StandardOutput.print("Entwurf geschrieben: \(file). Bitte Titel, Fragen und Antwort prüfen, die Datei nach topics/<Kategorie>/ "
                    + "verschieben und `amtsbote kb check` ausführen.")
            }
        } catch {
            throw StaffMessages.cliError(error)
        }
    }

    private func firstQuestion(_ detail: CaseDetail) throws -> String {
        guard let text = detail.summary.citizenMessages.lazy.compactMap(\.text).first(where: { !$0.isEmpty }) else {
            throw CLIError("Fall \(number) enthält keine Frage (mehr); bitte mit --question \"…\" angeben.")
        }
        // The question goes into the knowledge base (git, every editor reads it): not with the
        // citizen's phone number or address in it.
        let found = PersonalDataHints.kinds(in: text)
        guard found.isEmpty else {
            let names: [PersonalDataHints.Kind: String] = [.email: "E-Mail-Adresse", .number: "lange Nummer", .address: "Anschrift"]
            throw CLIError(
                "Die erste Nachricht von Fall \(number) enthält vermutlich persönliche Daten (\(found.compactMap { names[$0] }.joined(separator: ", "))) "
                    + "und käme so in die Wissensbasis. Bitte die Frage ohne sie mit --question \"…\" angeben.")
        }
        return text
    }
}

/// The file work behind `queue learn`, on a knowledge folder.
struct TopicLearner {
    let directory: String
    private var root: URL { URL(fileURLWithPath: directory) }

    /// Adds `question` to the topic's file in `language`; returns the file's path relative to the
    /// base and whether the whole base is valid now. Undoes the change when the base was valid
    /// before and would not be after.
    func addQuestion(_ question: String, topic: String, language: String) throws -> (file: String, baseValid: Bool) {
        let files = topicFiles(id: topic)
        guard let relative = files[language] else {
            if files.isEmpty {
                throw CLIError("Es gibt kein Thema „\(topic)“ unter \(directory)/topics (Dateien <id>.<sprache>.md); Kennung prüfen.")
            }
            let available = files.keys.sorted().joined(separator: ", ")
            throw CLIError("Thema „\(topic)“ gibt es nicht in der Sprache \(language) (vorhanden: \(available)); "
                + "mit --lang und --question eine Frage in einer dieser Sprachen angeben.")
        }
        let url = root.appendingPathComponent(relative)
        return try KnowledgeFolderLock.withLock(directory: directory) {
            let original = try String(contentsOf: url, encoding: .utf8)
            let edited = try TopicFileEditor.addingQuestion(question, to: original, id: topic, language: language)
            let validBefore = KnowledgeLoader.load(directory: directory).errors.isEmpty
            try edited.writeKeepingAttributes(to: url)
            let after = KnowledgeLoader.load(directory: directory)
            if validBefore && !after.errors.isEmpty {
                try original.writeKeepingAttributes(to: url)
                throw CLIError("Die Änderung hätte die Wissensbasis ungültig gemacht und wurde zurückgenommen:\n"
                    + after.errors.map(\.description).joined(separator: "\n"))
            }
            return (relative, after.errors.isEmpty)
        }
    }

    /// Writes `drafts/<id>.<language>.md`; returns its path relative to the base.
    func draftTopic(id: String, language: String, question: String, answer: String, caseNumber: Int) throws -> String {
        guard !id.isEmpty, id.unicodeScalars.allSatisfy({ ("a"..."z").contains($0) || ("0"..."9").contains($0) || $0 == "-" }) else {
            throw CLIError("Die Kennung „\(id)“ taugt nicht als Dateiname; bitte nur a–z, 0–9 und - verwenden, z. B. hundesteuer-befreiung.")
        }
        if !topicFiles(id: id).isEmpty {
            throw CLIError("Ein Thema „\(id)“ gibt es schon; mit --topic \(id) die Frage dort ergänzen oder eine andere Kennung wählen.")
        }
        let relative = "drafts/\(id).\(language).md"
        let url = root.appendingPathComponent(relative)
        guard !FileManager.default.fileExists(atPath: url.path) else {
            throw CLIError("Es gibt schon einen Entwurf \(relative); bitte zuerst fertigstellen oder eine andere Kennung wählen.")
        }
        let title = StaffFormat.oneLine(question.trimmingCharacters(in: .whitespacesAndNewlines), length: 80)
        let text = TopicFileEditor.draft(
            title: title, questions: [question], answer: answer,
            note: "ENTWURF aus Fall \(caseNumber) (amtsbote queue learn). Titel, Fragen und Antwort prüfen,\n"
                + "dann nach topics/<Kategorie>/ verschieben und `amtsbote kb check` ausführen.")
        let problems = TopicFileEditor.problems(in: text, id: id, language: language, file: relative)
        guard problems.isEmpty else {
            throw CLIError("Der Entwurf wäre ungültig: " + problems.map(\.description).joined(separator: "; "))
        }
        try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
        try text.write(to: url, atomically: true, encoding: .utf8)
        return relative
    }

    /// The topic's files by language, as paths relative to the base.
    func topicFiles(id: String) -> [String: String] {
        var files: [String: String] = [:]
        let topics = root.appendingPathComponent("topics")
        guard let enumerator = FileManager.default.enumerator(atPath: topics.path) else { return [:] }
        while let path = enumerator.nextObject() as? String {
            let parts = (path as NSString).lastPathComponent.split(separator: ".")
            if parts.count == 3, parts[0] == id, parts[2] == "md" { files[String(parts[1])] = "topics/" + path }
        }
        return files
    }
}
