import AmtsboteCore
import AmtsboteServer
import AmtsboteStore
import ArgumentParser
import Foundation
import Logging

/// `amtsbote privacy …`: citizens' data rights and the retention period.
struct PrivacyCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "privacy",
        abstract: "Erase or export a citizen's data, or apply the retention period now.",
        discussion: """
            A citizen is named by channel and the id the channel gives them (shown as sender_id in \
            `amtsbote queue show N --json`).

            Examples:
              amtsbote privacy export --channel telegram --user 987654321 --output auskunft.json
              amtsbote privacy forget --channel telegram --user 987654321
              amtsbote privacy purge --retention-days 90
            """,
        subcommands: [PrivacyForgetCommand.self, PrivacyExportCommand.self, PrivacyPurgeCommand.self]
    )
}

/// `--channel C --user ID`.
struct CitizenOptions: ParsableArguments {
    @Option(name: .long, help: "The channel: messenger, instagram, whatsapp, telegram, webchat, api.") var channel: String
    @Option(name: .long, help: "The citizen's id on that channel.") var user: String

    func validate() throws { _ = try StaffArguments.channel(channel) }

    var parsedChannel: Channel { get throws { try StaffArguments.channel(channel) } }
}

/// `amtsbote privacy forget`.
struct PrivacyForgetCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "forget",
        abstract: "Erase everything stored about one citizen (messages, conversation, cases, outbox, processed ids).",
        discussion: """
            This cannot be undone; export first if the citizen asked for a copy.

            Example:
              amtsbote privacy forget --channel whatsapp --user 4915112345678 --as anna
            """
    )

    @OptionGroup var databaseOptions: StaffDatabaseOptions
    @OptionGroup var citizen: CitizenOptions
    @OptionGroup var staffOptions: StaffNameOptions

    func run() async throws {
        let staff = try staffOptions.name()
        let database = try databaseOptions.open()
        try await expandStoredWebhooks(in: database)
        let report = try await database.forget(channel: try citizen.parsedChannel, senderID: citizen.user, staff: staff)
        if report.isEmpty {
            StandardOutput.print("Zu \(citizen.channel)/\(citizen.user) ist nichts gespeichert. Kanal und Kennung prüfen (Groß-/Kleinschreibung zählt).")
        } else {
            StandardOutput.print("Gelöscht zu \(citizen.channel)/\(citizen.user): " + PrivacyText.counts(report) + ".")
        }
    }
}

/// `amtsbote privacy export`.
struct PrivacyExportCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "export",
        abstract: "Write everything stored about one citizen as JSON (for a data access request).",
        discussion: """
            Example:
              amtsbote privacy export --channel webchat --user 3f2c9a --output auskunft.json --as anna
            """
    )

    @OptionGroup var databaseOptions: StaffDatabaseOptions
    @OptionGroup var citizen: CitizenOptions
    @OptionGroup var staffOptions: StaffNameOptions
    @Option(name: .long, help: "Write to this file instead of standard output.") var output: String?

    func run() async throws {
        let staff = try staffOptions.name()
        let database = try databaseOptions.open()
        try await expandStoredWebhooks(in: database)
        let export = try await database.export(channel: try citizen.parsedChannel, senderID: citizen.user, staff: staff)
        let data = try export.readableJSON()
        if let output {
            // Readable by the owner only: it holds everything the city knows about the citizen.
            guard FileManager.default.createFile(atPath: output, contents: nil, attributes: [.posixPermissions: 0o600]) else {
                throw CLIError("Die Datei \(output) lässt sich nicht anlegen; Pfad und Schreibrechte prüfen.")
            }
            try FileManager.default.setAttributes([.posixPermissions: 0o600], ofItemAtPath: output)
            try data.write(to: URL(fileURLWithPath: output))
            StandardError.print("Auskunft zu \(citizen.channel)/\(citizen.user) geschrieben: \(output) "
                + "(\(export.messages.count) Nachrichten, \(export.cases.count) Fälle).")
        } else {
            StandardOutput.print(String(decoding: data, as: UTF8.self))
        }
    }
}

/// `amtsbote privacy purge`.
struct PrivacyPurgeCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "purge",
        abstract: "Apply the retention period now (the server also does this daily).",
        discussion: """
            Deletes cases closed longer ago than the retention period, blanks older message texts that belong \
            to no remaining case, and deletes conversations whose last message is older and that have no case \
            left, as well as old delivered replies and processed webhook events. The default of 90 days \
            matches the privacy message in the sample city.yaml; keep the two in step.

            Example:
              amtsbote privacy purge --as anna
              amtsbote privacy purge --retention-days 30 --as anna
            """
    )

    @OptionGroup var databaseOptions: StaffDatabaseOptions
    @OptionGroup var staffOptions: StaffNameOptions
    @Option(name: .customLong("retention-days"), help: "Retention period in days (env AMTSBOTE_RETENTION_DAYS; default 90).")
    var retentionDays: Int?

    var days: Int {
        retentionDays ?? ProcessInfo.processInfo.environment["AMTSBOTE_RETENTION_DAYS"].flatMap(Int.init)
            ?? AmtsboteDatabase.defaultRetentionDays
    }

    func validate() throws {
        guard days >= 1 else { throw ValidationError("Die Aufbewahrungsfrist muss mindestens 1 Tag sein.") }
    }

    func run() async throws {
        let staff = try staffOptions.name()
        let database = try databaseOptions.open()
        let report = try await database.purgeExpired(retentionDays: days, now: Date(), staff: staff)
        StandardOutput.print(report.isEmpty
            ? "Nichts älter als \(days) Tage gefunden."
            : "Aufbewahrungsfrist \(days) Tage angewendet: " + PrivacyText.counts(report) + ".")
    }
}

enum PrivacyText {
    /// "2 Gespräche, 14 Nachrichten, …" for the non-zero counts.
    static func counts(_ report: PrivacyReport) -> String {
        let parts: [(Int, String)] = [
            (report.conversations, "Gespräche"), (report.messages, "Nachrichten"), (report.messageTexts, "Nachrichtentexte geleert"),
            (report.cases, "Fälle"), (report.notes, "Notizen"), (report.outboxEntries, "Ausgangseinträge"),
            (report.inboundEvents, "Eingangsereignisse"), (report.auditEntries, "Protokolleinträge (älter als zwei Jahre)"),
        ]
        return parts.filter { $0.0 > 0 }.map { "\($0.0) \($0.1)" }.joined(separator: ", ")
    }
}

/// Webhook bodies the server has not read yet become events first, so that an erasure or an
/// export also reaches them.
private func expandStoredWebhooks(in database: AmtsboteDatabase) async throws {
    try await WebhookExpander(database: database, logger: Logger(label: "amtsbote.privacy")).expandAll()
}
