import Foundation
import Yams

/// Reads `city.yaml` into a `CityConfig`, reporting every problem with its line.
struct CityConfigParser {
    let file: String
    private(set) var diagnostics: [KnowledgeDiagnostic] = []

    init(file: String) { self.file = file }

    mutating func parse(_ text: String) -> CityConfig? {
        let (node, problem) = YAMLSupport.composeMapping(
            text, file: file, notMapping: "city.yaml must be a mapping with name, languages, offices, emergency, messages")
        if let problem { diagnostics.append(problem) }
        guard let root = node else { return nil }

        let name = root.value("name")?.scalarString ?? ""
        if name.isEmpty { error(line: root.line, "missing `name`") }

        let languages = root.value("languages")?.stringList ?? []
        if languages.isEmpty { error(line: root.value("languages")?.line ?? root.line, "missing `languages` (the first one is the default)") }
        for language in languages where !Self.isLanguageCode(language) {
            error(line: root.value("languages")?.line, "`\(language)` is not a language code like de or en")
        }

        let timezone = root.value("timezone")?.scalarString ?? "Europe/Berlin"
        if TimeZone(identifier: timezone) == nil {
            error(line: root.value("timezone")?.line, "unknown timezone `\(timezone)` (use an IANA name like Europe/Berlin)")
        }

        var offices: [String: Office] = [:]
        if let officesNode = root.value("offices") {
            if let mapping = officesNode.mapping {
                for (key, node) in mapping {
                    guard let id = key.scalarString else { continue }
                    if let office = parseOffice(id: id, node: node) { offices[id] = office }
                }
            } else {
                error(line: officesNode.line, "`offices` must be a mapping of office id to office")
            }
        }

        let emergency = root.value("emergency")?.localizedText
        if emergency == nil || emergency!.isEmpty {
            error(line: root.value("emergency")?.line ?? root.line, "missing `emergency` text (answered at once for danger to life)")
        }

        var messages: [String: LocalizedText] = [:]
        if let mapping = root.value("messages")?.mapping {
            for (key, node) in mapping {
                guard let k = key.scalarString else { continue }
                if let text = node.localizedText { messages[k] = text } else {
                    error(line: node.line, "message `\(k)` must be a string or one string per language")
                }
            }
        }
        for required in ["greeting", "escalated", "privacy"] where messages[required] == nil {
            warning(line: root.value("messages")?.line ?? root.line, "missing message `\(required)`")
        }
        for (key, text) in messages {
            for language in languages where text.values[language] == nil && text.values["*"] == nil {
                warning(line: root.value("messages")?.value(key)?.line, "message `\(key)` has no `\(language)` text")
            }
        }

        var synonyms: [String: [[String]]] = [:]
        if let mapping = root.value("synonyms")?.mapping {
            for (key, node) in mapping {
                guard let language = key.scalarString else { continue }
                guard let groups = node.sequence else {
                    error(line: node.line, "synonyms for `\(language)` must be a list of word lists")
                    continue
                }
                synonyms[language] = groups.compactMap { group in
                    guard let words = group.stringList, words.count >= 2 else {
                        warning(line: group.line, "a synonym group needs at least two words")
                        return nil
                    }
                    return words
                }
            }
        }

        let staffOffice = root.value("staff_office")?.scalarString
        if let staffOffice, offices[staffOffice] == nil {
            error(line: root.value("staff_office")?.line, "unknown `staff_office` `\(staffOffice)`")
        }

        return CityConfig(
            name: name, languages: languages.isEmpty ? ["de"] : languages, timezone: timezone, offices: offices,
            emergency: emergency ?? LocalizedText([:]), messages: messages, synonyms: synonyms,
            staffOffice: staffOffice)
    }

    private mutating func parseOffice(id: String, node: Node) -> Office? {
        guard node.mapping != nil else {
            error(line: node.line, "office `\(id)` must be a mapping")
            return nil
        }
        guard let name = node.value("name")?.localizedText else {
            error(line: node.line, "office `\(id)` has no `name`")
            return nil
        }
        var hours = WeeklyHours()
        if let hoursNode = node.value("hours") {
            if let mapping = hoursNode.mapping {
                for (key, value) in mapping {
                    let dayName = key.scalarString ?? ""
                    guard let day = Weekday(rawValue: dayName.lowercased()) else {
                        error(line: key.line, "office `\(id)`: unknown day `\(dayName)` (use mon, tue, wed, thu, fri, sat, sun)")
                        continue
                    }
                    let text = value.scalarString ?? ""
                    var ranges: [TimeRange] = []
                    for part in text.split(separator: ",") {
                        if let range = TimeRange(parsing: String(part)) {
                            ranges.append(range)
                        } else {
                            error(line: value.line, "office `\(id)`: bad hours `\(part.trimmingCharacters(in: .whitespaces))` on \(dayName) (write \"08:00-12:00, 14:00-18:00\")")
                        }
                    }
                    hours.days[day] = ranges.sorted { $0.start < $1.start }
                }
            } else {
                error(line: hoursNode.line, "office `\(id)`: `hours` must map days to time ranges")
            }
        }
        var closedDays: Set<String> = []
        if let closedNode = node.value("closed") {
            for (index, day) in (closedNode.stringList ?? []).enumerated() {
                if DayText.isValid(day) {
                    closedDays.insert(day)
                } else {
                    error(line: closedNode.sequence?[index].line ?? closedNode.line, "office `\(id)`: bad date `\(day)` in `closed` (write 2026-12-24)")
                }
            }
        }
        return Office(
            id: id, name: name, address: node.value("address")?.localizedText,
            phone: node.value("phone")?.scalarString, email: node.value("email")?.scalarString,
            url: node.value("url")?.scalarString, hours: hours, closedDays: closedDays)
    }

    static func isLanguageCode(_ text: String) -> Bool {
        (2...3).contains(text.count) && text.allSatisfy { $0.isASCII && $0.isLowercase }
    }

    private mutating func error(line: Int?, _ message: String) {
        diagnostics.append(KnowledgeDiagnostic(.error, file: file, line: line, message))
    }

    private mutating func warning(line: Int?, _ message: String) {
        diagnostics.append(KnowledgeDiagnostic(.warning, file: file, line: line, message))
    }
}

/// Calendar days written as `yyyy-MM-dd` text.
public enum DayText {
    /// Whether `text` is a real calendar day in `yyyy-MM-dd` form.
    public static func isValid(_ text: String) -> Bool {
        let parts = text.split(separator: "-")
        guard text.count == 10, parts.count == 3, let y = Int(parts[0]), let m = Int(parts[1]), let d = Int(parts[2]),
            parts[0].count == 4, parts[1].count == 2, parts[2].count == 2, (1...12).contains(m)
        else { return false }
        let daysInMonth = [31, (y % 4 == 0 && (y % 100 != 0 || y % 400 == 0)) ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31]
        return (1...daysInMonth[m - 1]).contains(d)
    }

    /// The day `date` falls on in `timeZone`, as `yyyy-MM-dd`.
    public static func day(of date: Date, in timeZone: TimeZone) -> String {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = timeZone
        let c = calendar.dateComponents([.year, .month, .day], from: date)
        return String(format: "%04d-%02d-%02d", c.year ?? 0, c.month ?? 0, c.day ?? 0)
    }
}
