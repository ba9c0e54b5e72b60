import AmtsboteCore
import AmtsboteStore
import Foundation

/// Store and editor errors in the staff's language, each saying what to do next.
enum StaffMessages {
    /// The message for `error` when the staff member tried to `action` (an infinitive like "übernehmen").
    static func text(for error: any Error, action: String = "ausführen") -> String? {
        switch error {
        case let error as CaseError: return caseText(error, action: action)
        case let error as DatabaseAccessError: return databaseText(error)
        case let error as TopicFileEditor.EditError: return editText(error)
        default: return nil
        }
    }

    /// A CLI error for `error`: the staff message when there is one, else the error as is.
    static func cliError(_ error: any Error, action: String = "ausführen") -> any Error {
        if error is CLIError { return error }
        return text(for: error, action: action).map(CLIError.init) ?? error
    }

    static func caseText(_ error: CaseError, action: String) -> String {
        switch error {
        case .notFound(let number):
            return "Fall \(number) gibt es nicht. Die offenen Fälle zeigt `amtsbote queue list`."
        case .claimedByOther(let number, let assignee):
            return "Fall \(number) ist von \(assignee) übernommen; mit --force \(action)."
        case .closed(let number):
            return "Fall \(number) ist geschlossen; zuerst mit `amtsbote queue reopen \(number)` wieder öffnen."
        case .notClosed(let number):
            return "Fall \(number) ist nicht geschlossen; es gibt nichts wieder zu öffnen."
        case .otherCaseOpen(let number, let other):
            return "Fall \(number) bleibt geschlossen, weil im selben Gespräch Fall \(other) offen ist; bitte dort weiterarbeiten "
                + "(`amtsbote queue show \(other)`)."
        case .replyWindowClosed(let number, let channel, let since):
            return replyWindowText(number: number, channel: channel, since: since)
        case .conversationGone(let number):
            return "Das Gespräch zu Fall \(number) wurde gelöscht (Datenschutz); eine Antwort ist nicht möglich. "
                + "Fall mit `amtsbote queue close \(number)` schließen."
        case .emptyText:
            return "Der Text ist leer; es wurde nichts gespeichert oder gesendet."
        }
    }

    static func replyWindowText(number: Int, channel: String, since: Date?) -> String {
        let rule: String
        switch Channel(rawValue: channel) {
        case .messenger?, .instagram?:
            rule = "erlaubt Antworten nur 24 Stunden nach der letzten Nachricht der Person, mit dem Tag HUMAN_AGENT bis zu 7 Tage"
        case .whatsapp?:
            rule = "erlaubt freie Antworten nur 24 Stunden nach der letzten Nachricht der Person, danach nur freigegebene Vorlagen"
        default:
            rule = "erlaubt keine Antwort mehr"
        }
        let when = since.map { " (Frist abgelaufen am \(StaffFormat.dateTime($0)))" } ?? " (die Person hat dort noch nie geschrieben)"
        return "Nicht gesendet: \(channel) \(rule)\(when). Bitte die Person auf anderem Weg erreichen (Telefon, E-Mail, Brief), "
            + "das mit `amtsbote queue note \(number) \"…\"` festhalten und den Fall mit `amtsbote queue close \(number)` schließen. "
            + "Schreibt die Person erneut, ist eine Antwort wieder möglich."
    }

    static func databaseText(_ error: DatabaseAccessError) -> String {
        switch error {
        case .missing(let path):
            return "Keine Datenbank unter \(path). Denselben Pfad wie beim Server angeben: --database PFAD oder AMTSBOTE_DATABASE."
        case .newerSchema(let path, let unknown):
            return "Die Datenbank \(path) stammt von einer neueren Amtsbote-Version (unbekannte Änderungen: "
                + "\(unknown.joined(separator: ", "))). Bitte amtsbote auf dieselbe Version wie den Server aktualisieren; "
                + "diese Version ändert die Datenbank nicht."
        case .notAmtsbote(let path):
            return "\(path) ist keine Amtsbote-Datenbank. Denselben Pfad wie beim Server angeben: --database PFAD oder "
                + "AMTSBOTE_DATABASE (die Werkzeuge legen keine Datenbank an)."
        case .notWritable(let path):
            return "Keine Schreibrechte für \(path) oder seinen Ordner; die Werkzeuge brauchen sie auch zum Lesen "
                + "(SQLite im WAL-Modus). Bitte als derselbe Benutzer wie der Server ausführen."
        }
    }

    static func editText(_ error: TopicFileEditor.EditError) -> String {
        switch error {
        case .noFrontMatter:
            return "Die Themendatei hat keinen Kopf zwischen `---`-Zeilen; bitte mit `amtsbote kb check` prüfen und von Hand ergänzen."
        case .noQuestionsList:
            return "Die Themendatei hat keine Liste `questions:`; bitte die Frage von Hand eintragen."
        case .unsupportedQuestionsLayout(let line):
            return "Die Liste `questions:` (Zeile \(line)) ist so geschrieben, dass sie nicht sicher automatisch ergänzt werden kann; "
                + "bitte die Frage von Hand eintragen (eine Zeile `  - Frage`)."
        case .alreadyPresent:
            return "Diese Frage steht schon in der Themendatei; nichts geändert."
        case .emptyQuestion:
            return "Die Frage ist leer; mit --question \"…\" eine Frage angeben."
        case .verificationFailed(let why):
            return "Die geänderte Datei wäre nicht gültig (\(why)); nichts geändert. Bitte von Hand eintragen und `amtsbote kb check` ausführen."
        }
    }
}
