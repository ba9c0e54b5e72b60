import AmtsboteCore
import AmtsboteStore
import ArgumentParser
import Foundation

/// `--database PATH` (env `AMTSBOTE_DATABASE`, default `./data/amtsbote.sqlite`) for the staff tools.
struct StaffDatabaseOptions: ParsableArguments {
    @Option(name: .long, help: ArgumentHelp("SQLite database of the server (env AMTSBOTE_DATABASE; default ./data/amtsbote.sqlite).", valueName: "path"))
    var database: String?

    /// The path to use: the option, else the environment, else the default.
    var path: String {
        database ?? ProcessInfo.processInfo.environment["AMTSBOTE_DATABASE"] ?? "./data/amtsbote.sqlite"
    }

    /// Opens the existing database next to a running server; errors become staff messages.
    func open() throws -> AmtsboteDatabase {
        do {
            return try AmtsboteDatabase.openExisting(path: path)
        } catch {
            throw StaffMessages.cliError(error)
        }
    }
}

/// `--as NAME` (env `AMTSBOTE_STAFF`): who is working on the queue.
struct StaffNameOptions: ParsableArguments {
    @Option(name: .customLong("as"), help: ArgumentHelp("Your name as staff member (env AMTSBOTE_STAFF).", valueName: "name"))
    var staff: String?

    /// The staff name, or a message saying how to give it.
    func name() throws -> String {
        let name = (staff ?? ProcessInfo.processInfo.environment["AMTSBOTE_STAFF"] ?? "").trimmingCharacters(in: .whitespaces)
        guard !name.isEmpty else {
            throw CLIError("Wer bearbeitet den Fall? Namen mit --as NAME angeben oder einmal `export AMTSBOTE_STAFF=anna` setzen.")
        }
        return name
    }
}

/// Parsing of command-line values shared by the staff commands.
enum StaffArguments {
    /// A channel name as used everywhere (`messenger`, `instagram`, `whatsapp`, `telegram`, `webchat`, `api`).
    static func channel(_ text: String) throws -> Channel {
        guard let channel = Channel(rawValue: text.lowercased()) else {
            throw ValidationError(
                "Unbekannter Kanal „\(text)“. Möglich sind: \(Channel.allCases.map(\.rawValue).joined(separator: ", ")).")
        }
        return channel
    }

    /// A duration like `30m`, `4h`, `2d` or `1w`, in seconds.
    static func duration(_ text: String) throws -> TimeInterval {
        let units: [Character: Double] = ["m": 60, "h": 3600, "d": 86400, "w": 604_800]
        guard let unit = text.last.flatMap({ units[Character($0.lowercased())] }), let value = Double(text.dropLast()), value >= 0
        else {
            throw ValidationError("Ungültige Dauer „\(text)“. Beispiele: 30m, 4h, 2d, 1w.")
        }
        return value * unit
    }
}
