import AmtsboteCore
import AmtsboteStore
import Foundation

/// How the staff tools write dates, durations, statuses and reply windows (German, local time).
enum StaffFormat {
    /// "12.03.2026 14:05" in the machine's time zone.
    static func dateTime(_ date: Date) -> String {
        let formatter = DateFormatter()
        formatter.locale = Locale(identifier: "de_DE")
        formatter.dateFormat = "dd.MM.yyyy HH:mm"
        return formatter.string(from: date)
    }

    /// A rough duration: "12 Min.", "5 Std.", "3 Tg. 4 Std.".
    static func duration(_ seconds: TimeInterval) -> String {
        let minutes = max(0, Int(seconds / 60))
        if minutes < 60 { return "\(minutes) Min." }
        let hours = minutes / 60
        if hours < 48 { return "\(hours) Std." }
        let days = hours / 24
        let rest = hours % 24
        return rest == 0 ? "\(days) Tg." : "\(days) Tg. \(rest) Std."
    }

    static func status(_ status: EscalationCaseRecord.Status) -> String {
        switch status {
        case .open: return "offen"
        case .claimed: return "übernommen"
        case .answered: return "beantwortet"
        case .closed: return "geschlossen"
        }
    }

    /// "noch 5 Std.", "noch 3 Tg. (HUMAN_AGENT)", "abgelaufen", "unbegrenzt".
    static func window(_ window: ReplyWindow, now: Date) -> String {
        switch window {
        case .unlimited: return "unbegrenzt"
        case .open(let until): return "noch \(duration(until.timeIntervalSince(now)))"
        case .humanAgent(let until): return "noch \(duration(until.timeIntervalSince(now))) (HUMAN_AGENT)"
        case .closed: return "abgelaufen"
        }
    }

    /// The text of a message, or a marker when retention has blanked it.
    static func text(_ message: MessageRecord) -> String {
        message.text ?? "[Text nach Aufbewahrungsfrist gelöscht]"
    }

    /// A single line of at most `length` characters.
    static func oneLine(_ text: String, length: Int) -> String {
        let line = text.split(whereSeparator: \.isNewline).joined(separator: " ")
        return line.count <= length ? line : String(line.prefix(length - 1)) + "…"
    }

    /// Left-aligned in a column of `width`.
    static func pad(_ text: String, _ width: Int) -> String {
        text.count >= width ? text + " " : text + String(repeating: " ", count: width - text.count)
    }

    /// Who wrote a message, for staff: "Bürger/in", "Bot", "Team (anna)".
    static func author(_ author: String) -> String {
        if author == "citizen" { return "Bürger/in" }
        if author == "bot" { return "Bot" }
        if let name = MessageRecord.staffName(ofAuthor: author) { return "Team (\(name))" }
        return author
    }
}
