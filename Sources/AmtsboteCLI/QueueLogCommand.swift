import AmtsboteStore
import ArgumentParser
import Foundation

/// `amtsbote queue log`: the staff audit log.
struct QueueLogCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "log",
        abstract: "Who did what, when: claims, replies, notes, closing, learning, data exports and erasures.",
        discussion: """
            Every staff action is recorded with the name given by --as, in the same transaction as the \
            action itself; erasures and exports name the channel and counts, never the citizen or message \
            text. Entries are kept for two years (`privacy purge` and the server remove older ones).

            Examples:
              amtsbote queue log
              amtsbote queue log --case 1042
              amtsbote queue log --days 365 --json
            """
    )

    @OptionGroup var databaseOptions: StaffDatabaseOptions
    @Option(name: .long, help: "Only the last N days (default 30; all for a case).") var days: Int?
    @Option(name: .customLong("case"), help: "Only entries for this case number.") var caseNumber: Int?
    @Flag(name: .long, help: "Print JSON.") var json = false

    func validate() throws {
        if let days, days < 1 { throw ValidationError("--days muss mindestens 1 sein.") }
    }

    func run() async throws {
        let database = try databaseOptions.open()
        let window = days ?? (caseNumber == nil ? 30 : nil)
        let since = window.map { Date().addingTimeInterval(-Double($0) * 86400) }
        let entries = try await database.staffActions(since: since, caseNumber: caseNumber)
        if json {
            StandardOutput.print(try QueueJSON.encode(entries.map(QueueJSON.LogEntry.init)))
        } else if entries.isEmpty {
            StandardOutput.print(caseNumber.map { "Keine Einträge zu Fall \($0)." } ?? "Keine Einträge in den letzten \(window ?? 30) Tagen.")
        } else {
            for entry in entries { StandardOutput.print(Self.line(entry)) }
        }
    }

    /// "07.12.2026 15:30  anna        Antwort             Fall 1042  telegram"
    static func line(_ entry: StaffActionRecord) -> String {
        [
            StaffFormat.dateTime(entry.createdAt), StaffFormat.pad(entry.staff, 12), StaffFormat.pad(name(entry.action), 18),
            StaffFormat.pad(entry.caseNumber.map { "Fall \($0)" } ?? "", 10), entry.detail ?? "",
        ].joined(separator: "  ").trimmingCharacters(in: .whitespaces)
    }

    static func name(_ action: StaffActionRecord.Action) -> String {
        switch action {
        case .claim: "übernommen"
        case .unclaim: "zurückgegeben"
        case .note: "Notiz"
        case .reply: "Antwort"
        case .close: "geschlossen"
        case .reopen: "wieder geöffnet"
        case .learn: "gelernt"
        case .export: "Auskunft erteilt"
        case .erase: "Daten gelöscht"
        case .purge: "Frist angewendet"
        }
    }
}
