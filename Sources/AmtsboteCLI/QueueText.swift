import AmtsboteCore
import AmtsboteStore
import Foundation

/// The human-readable output of `queue list`, `show` and `stats`.
enum QueueText {
    static func list(_ cases: [CaseSummary], now: Date) -> String {
        guard !cases.isEmpty else { return "Keine Fälle gefunden." }
        let header = [("Nr.", 7), ("Status", 13), ("Kanal", 10), ("Spr.", 5), ("Alter", 12), ("Bearbeitet von", 15),
                      ("Antwortfrist", 33), ("Frage", 0)]
        var lines = [header.map { StaffFormat.pad($0.0, $0.1) }.joined()]
        for summary in cases {
            let r = summary.record
            let question = summary.citizenMessages.first.map(StaffFormat.text) ?? "–"
            let columns = [
                ((summary.awaitingStaff ? "*" : " ") + String(r.number), 7), (StaffFormat.status(r.status), 13),
                (r.channel.rawValue, 10), (r.language, 5), (StaffFormat.duration(now.timeIntervalSince(r.createdAt)), 12),
                (r.assignee ?? "–", 15), (StaffFormat.window(summary.window, now: now), 33),
                (StaffFormat.oneLine(question, length: 60), 0),
            ]
            lines.append(columns.map { StaffFormat.pad($0.0, $0.1) }.joined().trimmingCharacters(in: .whitespaces))
        }
        lines.append("\(cases.count) Fall/Fälle. Details: amtsbote queue show NR")
        return lines.joined(separator: "\n")
    }

    static func detail(_ detail: CaseDetail, history: [StaffActionRecord] = [], now: Date) -> String {
        let summary = detail.summary
        let r = summary.record
        var lines = [
            "Fall \(r.number) – \(StaffFormat.status(r.status))" + (r.assignee.map { ", bearbeitet von \($0)" } ?? ""),
            "Kanal: \(r.channel.rawValue), Sprache: \(r.language), Anlass: \(r.reason.rawValue)",
            "Eröffnet: \(StaffFormat.dateTime(r.createdAt)), Antwortfrist: \(StaffFormat.window(summary.window, now: now))",
        ]
        if !detail.candidates.isEmpty {
            let guesses = detail.candidates.map { "\($0.id) (\(String(format: "%.2f", $0.score)))" }
            lines.append("Vermutungen des Bots: " + guesses.joined(separator: ", "))
        }
        lines.append("")
        lines.append("Gespräch:")
        for message in detail.conversation {
            let marker = message.caseID == r.id ? "•" : " "
            lines.append("\(marker) \(StaffFormat.dateTime(message.createdAt))  \(StaffFormat.author(message.author)):")
            lines += StaffFormat.text(message).split(separator: "\n", omittingEmptySubsequences: false).map { "    " + $0 }
        }
        if !detail.notes.isEmpty {
            lines.append("")
            lines.append("Interne Notizen:")
            lines += detail.notes.map { "- \(StaffFormat.dateTime($0.createdAt)) \($0.author): \($0.text)" }
        }
        if !detail.deliveries.isEmpty {
            lines.append("")
            lines.append("Zustellung der Antworten:")
            lines += detail.deliveries.map { entry in
                let state = ["pending": "wartet", "sent": "gesendet", "failed": "fehlgeschlagen"][entry.status.rawValue] ?? entry.status.rawValue
                return "- \(StaffFormat.dateTime(entry.createdAt)) \(state)" + (entry.tag.map { " [\($0)]" } ?? "")
                    + (entry.lastError.map { " – \($0)" } ?? "")
            }
        }
        if !history.isEmpty {
            lines.append("")
            lines.append("Verlauf:")
            lines += history.map { entry in
                "- \(StaffFormat.dateTime(entry.createdAt)) \(entry.staff): \(QueueLogCommand.name(entry.action))"
                    + (entry.detail.map { " (\($0))" } ?? "")
            }
        }
        lines.append("")
        lines.append("• = gehört zu diesem Fall. Antworten: amtsbote queue reply \(r.number) \"…\"")
        return lines.joined(separator: "\n")
    }

    static func stats(_ stats: CaseStatistics) -> String {
        func table(_ counts: [String: Int]) -> [String] {
            counts.sorted { $0.value != $1.value ? $0.value > $1.value : $0.key < $1.key }.map { "  \(StaffFormat.pad($0.key, 12))\($0.value)" }
        }
        // Not closed: open, claimed and answered (the first status line counts only "offen").
        var lines = ["Nicht geschlossene Fälle: \(stats.open) (von \(stats.total))"]
        lines += EscalationCaseRecord.Status.allCases.map { "  \(StaffFormat.pad(StaffFormat.status($0), 12))\(stats.byStatus[$0.rawValue] ?? 0)" }
        lines.append("Mittlere Zeit bis zur ersten Antwort (Median): "
            + (stats.medianFirstReplySeconds.map(StaffFormat.duration) ?? "–") + " (\(stats.answered) beantwortete Fälle)")
        lines.append("Fälle nach Kanal:")
        lines += table(stats.byChannel)
        lines.append("Fälle nach Sprache:")
        lines += table(stats.byLanguage)
        return lines.joined(separator: "\n")
    }
}
