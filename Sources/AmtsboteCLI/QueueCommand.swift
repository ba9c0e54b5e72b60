import AmtsboteCore
import AmtsboteStore
import ArgumentParser
import Foundation

/// `amtsbote queue …`: the staff's work on escalated questions, on the server's database.
struct QueueCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "queue",
        abstract: "Work the staff queue: questions the bot passed on to a person.",
        discussion: """
            All commands work on the same database as the running server (--database, AMTSBOTE_DATABASE, \
            default ./data/amtsbote.sqlite). Name yourself once with `export AMTSBOTE_STAFF=anna` or pass --as.

            Example:
              amtsbote queue list
              amtsbote queue claim 1042 --as anna
              amtsbote queue reply 1042 "Ihr Ausweis liegt zur Abholung bereit."
            """,
        subcommands: [
            QueueListCommand.self, QueueShowCommand.self, QueueClaimCommand.self, QueueUnclaimCommand.self,
            QueueNoteCommand.self, QueueReplyCommand.self, QueueCloseCommand.self, QueueReopenCommand.self,
            QueueLearnCommand.self, QueueStatsCommand.self, QueueLogCommand.self,
        ]
    )
}

/// `amtsbote queue list`: the open cases, oldest first.
struct QueueListCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "list",
        abstract: "List cases, oldest first, with how long the platform still allows a reply.",
        discussion: """
            Without --status, shows every case that is not closed. The column "Antwortfrist" is how long the \
            channel still allows a reply: Messenger and Instagram 24 h after the citizen's last message \
            (7 days with the HUMAN_AGENT tag, used automatically), WhatsApp 24 h; Telegram, web chat and API \
            have no limit. "*" marks cases where the citizen wrote last.

            Examples:
              amtsbote queue list
              amtsbote queue list --mine --as anna
              amtsbote queue list --status closed --channel whatsapp --older-than 2d
              amtsbote queue list --json
            """
    )

    @OptionGroup var databaseOptions: StaffDatabaseOptions
    @OptionGroup var staffOptions: StaffNameOptions

    @Option(name: .long, parsing: .upToNextOption, help: "Only these statuses: open, claimed, answered, closed.")
    var status: [String] = []
    @Option(name: .long, help: "Only this channel: messenger, instagram, whatsapp, telegram, webchat, api.")
    var channel: String?
    @Option(name: .long, help: "Only this language, e.g. de or en.")
    var language: String?
    @Option(name: .customLong("older-than"), help: "Only cases opened at least this long ago, e.g. 30m, 4h, 2d, 1w.")
    var olderThan: String?
    @Flag(name: .long, help: "Only cases claimed by you (--as or AMTSBOTE_STAFF).")
    var mine = false
    @Option(name: .long, help: "At most this many cases.")
    var limit: Int?
    @Flag(name: .long, help: "Print a JSON array of cases.")
    var json = false

    func filter() throws -> CaseFilter {
        let statuses = try status.map { text -> EscalationCaseRecord.Status in
            guard let value = EscalationCaseRecord.Status(rawValue: text.lowercased()) else {
                throw ValidationError("Unbekannter Status „\(text)“. Möglich sind: open, claimed, answered, closed.")
            }
            return value
        }
        return CaseFilter(
            statuses: Set(statuses), channel: try channel.map(StaffArguments.channel), language: language,
            olderThan: try olderThan.map(StaffArguments.duration), assignee: mine ? try staffOptions.name() : nil, limit: limit)
    }

    func validate() throws { _ = try filter() }

    func run() async throws {
        let database = try databaseOptions.open()
        let now = Date()
        let cases = try await database.listCases(try filter(), now: now)
        if json {
            StandardOutput.print(try QueueJSON.encode(cases.map(QueueJSON.Case.init)))
        } else {
            StandardOutput.print(QueueText.list(cases, now: now))
        }
    }
}

/// `amtsbote queue show N`: one case with the whole conversation.
struct QueueShowCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "show",
        abstract: "Show one case: the whole conversation, internal notes, the bot's guesses and delivery state.",
        discussion: """
            Examples:
              amtsbote queue show 1042
              amtsbote queue show 1042 --json
            """
    )

    @OptionGroup var databaseOptions: StaffDatabaseOptions
    @Argument(help: "The case number, e.g. 1042.") var number: Int
    @Flag(name: .long, help: "Print JSON.") var json = false

    func run() async throws {
        let database = try databaseOptions.open()
        let now = Date()
        do {
            let detail = try await database.caseDetail(number: number, now: now)
            let history = Array(try await database.staffActions(caseNumber: number).reversed())
            StandardOutput.print(json
                ? try QueueJSON.encode(QueueJSON.Detail(detail, history: history))
                : QueueText.detail(detail, history: history, now: now))
        } catch {
            throw StaffMessages.cliError(error)
        }
    }
}
