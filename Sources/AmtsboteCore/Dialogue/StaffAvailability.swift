import Foundation

/// When the city's staff are next at work, from the office hours in `city.yaml`.
public struct StaffAvailability: Sendable {
    public let city: CityConfig

    public init(city: CityConfig) { self.city = city }

    /// The office whose hours say when staff answer: `staff_office` in `city.yaml` if set
    /// (not part of the contract's required fields), else the first office with hours by id.
    public var staffOffice: Office? {
        if let id = city.staffOffice, let office = city.offices[id] { return office }
        return city.offices.keys.sorted().lazy.compactMap { city.offices[$0] }.first { !$0.hours.isEmpty }
    }

    /// The start of the next opening period at or after `date` (or `date` itself when open now),
    /// skipping closed days; nil when the office has no hours.
    public func nextOpening(after date: Date) -> Date? {
        guard let office = staffOffice, !office.hours.isEmpty, let calendar = cityCalendar else { return nil }
        let startOfToday = calendar.startOfDay(for: date)
        for offset in 0..<30 {
            guard let day = calendar.date(byAdding: .day, value: offset, to: startOfToday) else { continue }
            if office.closedDays.contains(DayText.day(of: day, in: calendar.timeZone)) { continue }
            let weekday = Weekday(calendarWeekday: calendar.component(.weekday, from: day))
            for range in office.hours.days[weekday] ?? [] {
                guard let start = calendar.date(byAdding: .minute, value: range.start, to: day),
                    let end = calendar.date(byAdding: .minute, value: range.end, to: day)
                else { continue }
                if date < start { return start }
                if date < end { return date }
            }
        }
        return nil
    }

    /// When staff are next at work, as the reply's {when}: the time alone when that is today
    /// ("14:00"; "Montag, 15:41" read as next Monday when sent on a Monday), the weekday within a
    /// week ("Montag, 08:00" / "Monday, 08:00"), and the date too when further ahead (over the
    /// holidays: "Montag, 4. Januar, 08:00").
    public func nextStaffTime(after date: Date, language: String) -> String? {
        guard let opening = nextOpening(after: date), let calendar = cityCalendar else { return nil }
        let days = calendar.dateComponents([.day], from: calendar.startOfDay(for: date), to: calendar.startOfDay(for: opening)).day ?? 0
        let formatter = DateFormatter()
        formatter.locale = Locale(identifier: language)
        formatter.timeZone = calendar.timeZone
        switch days {
        case ..<1: formatter.dateFormat = "HH:mm"
        case 1..<7: formatter.dateFormat = "EEEE, HH:mm"
        default:
            formatter.setLocalizedDateFormatFromTemplate("EEEEdMMMM")
            formatter.dateFormat = (formatter.dateFormat ?? "EEEE") + ", HH:mm"
        }
        return formatter.string(from: opening)
    }

    /// The Gregorian calendar in the city's time zone (nil for an unknown zone).
    private var cityCalendar: Calendar? {
        guard let zone = TimeZone(identifier: city.timezone) else { return nil }
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = zone
        return calendar
    }

    /// One line per open weekday: "Mo 08:00–12:00, 14:00–18:00".
    public static func weekLines(_ hours: WeeklyHours, language: String) -> [String] {
        var calendar = Calendar(identifier: .gregorian)
        calendar.locale = Locale(identifier: language)
        let symbols = calendar.shortStandaloneWeekdaySymbols  // Sunday first
        return Weekday.allCases.compactMap { day in
            guard let ranges = hours.days[day], !ranges.isEmpty else { return nil }
            let name = symbols[(day.index + 1) % 7]
            return "\(name) " + ranges.map(\.description).joined(separator: ", ")
        }
    }
}
