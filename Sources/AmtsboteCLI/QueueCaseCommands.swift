import AmtsboteCore
import AmtsboteStore
import ArgumentParser
import Foundation

/// `amtsbote queue claim N`: take a case.
struct QueueClaimCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "claim",
        abstract: "Take a case, so colleagues see that you are working on it.",
        discussion: """
            When two people claim at the same moment, exactly one gets the case; the other is told who has it.

            Examples:
              amtsbote queue claim 1042 --as anna
              amtsbote queue claim 1042 --force      # take it over from a colleague
            """
    )

    @OptionGroup var databaseOptions: StaffDatabaseOptions
    @OptionGroup var staffOptions: StaffNameOptions
    @Argument(help: "The case number.") var number: Int
    @Flag(name: .long, help: "Take the case even if a colleague has it.") var force = false

    func run() async throws {
        let staff = try staffOptions.name()
        let database = try databaseOptions.open()
        do {
            let record = try await database.claim(number: number, staff: staff, force: force)
            StandardOutput.print("Fall \(record.number) ist jetzt von \(staff) übernommen. Ansehen: amtsbote queue show \(record.number)")
        } catch {
            throw StaffMessages.cliError(error, action: "übernehmen")
        }
    }
}

/// `amtsbote queue unclaim N`: give a case back.
struct QueueUnclaimCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "unclaim",
        abstract: "Give a case back to the queue.",
        discussion: """
            Example:
              amtsbote queue unclaim 1042 --as anna
            """
    )

    @OptionGroup var databaseOptions: StaffDatabaseOptions
    @OptionGroup var staffOptions: StaffNameOptions
    @Argument(help: "The case number.") var number: Int
    @Flag(name: .long, help: "Give it back even if a colleague has it.") var force = false

    func run() async throws {
        let staff = try staffOptions.name()
        let database = try databaseOptions.open()
        do {
            let record = try await database.unclaim(number: number, staff: staff, force: force)
            StandardOutput.print("Fall \(record.number) ist wieder frei (\(StaffFormat.status(record.status))).")
        } catch {
            throw StaffMessages.cliError(error, action: "freigeben")
        }
    }
}

/// `amtsbote queue note N "…"`: an internal note.
struct QueueNoteCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "note",
        abstract: "Add an internal note to a case (never sent to the citizen).",
        discussion: """
            Example:
              amtsbote queue note 1042 "Rückruf beim Standesamt angefragt" --as anna
            """
    )

    @OptionGroup var databaseOptions: StaffDatabaseOptions
    @OptionGroup var staffOptions: StaffNameOptions
    @Argument(help: "The case number.") var number: Int
    @Argument(help: "The note.") var text: String

    func run() async throws {
        let staff = try staffOptions.name()
        let database = try databaseOptions.open()
        do {
            try await database.addNote(number: number, staff: staff, text: text)
            StandardOutput.print("Notiz zu Fall \(number) gespeichert.")
        } catch {
            throw StaffMessages.cliError(error)
        }
    }
}

/// `amtsbote queue close N`.
struct QueueCloseCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "close",
        abstract: "Close a case: nothing more to do.",
        discussion: """
            Closed cases are deleted after the retention period (see `amtsbote privacy purge`). If the citizen \
            writes again, the bot opens a new case.

            Example:
              amtsbote queue close 1042 --as anna
            """
    )

    @OptionGroup var databaseOptions: StaffDatabaseOptions
    @OptionGroup var staffOptions: StaffNameOptions
    @Argument(help: "The case number.") var number: Int
    @Flag(name: .long, help: "Close it even if a colleague has it.") var force = false

    func run() async throws {
        let staff = try staffOptions.name()
        let database = try databaseOptions.open()
        do {
            try await database.close(number: number, staff: staff, force: force)
            StandardOutput.print("Fall \(number) ist geschlossen. Wieder öffnen: amtsbote queue reopen \(number)")
        } catch {
            throw StaffMessages.cliError(error, action: "schließen")
        }
    }
}

/// `amtsbote queue reopen N`.
struct QueueReopenCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "reopen",
        abstract: "Reopen a closed case.",
        discussion: """
            Example:
              amtsbote queue reopen 1042 --as anna
            """
    )

    @OptionGroup var databaseOptions: StaffDatabaseOptions
    @OptionGroup var staffOptions: StaffNameOptions
    @Argument(help: "The case number.") var number: Int

    func run() async throws {
        let staff = try staffOptions.name()
        let database = try databaseOptions.open()
        do {
            let record = try await database.reopen(number: number, staff: staff)
            StandardOutput.print("Fall \(number) ist wieder \(StaffFormat.status(record.status)).")
        } catch {
            throw StaffMessages.cliError(error)
        }
    }
}

/// `amtsbote queue stats`.
struct QueueStatsCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "stats",
        abstract: "Queue figures: open cases, median time to the first staff reply, cases per channel and language.",
        discussion: """
            Examples:
              amtsbote queue stats
              amtsbote queue stats --days 30 --json
            """
    )

    @OptionGroup var databaseOptions: StaffDatabaseOptions
    @Option(name: .long, help: "Only cases opened in the last N days (the open count always covers all).") var days: Int?
    @Flag(name: .long, help: "Print JSON.") var json = false

    func run() async throws {
        let database = try databaseOptions.open()
        let since = days.map { Date().addingTimeInterval(-Double($0) * 86400) }
        let stats = try await database.caseStatistics(since: since)
        StandardOutput.print(json ? try QueueJSON.encode(QueueJSON.Stats(stats)) : QueueText.stats(stats))
    }
}
