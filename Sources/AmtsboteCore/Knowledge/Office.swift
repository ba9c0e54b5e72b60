import Foundation

/// An office of the city (citizens' office, registry office, …) with its contact data and hours.
public struct Office: Sendable, Hashable {
    public var id: String
    public var name: LocalizedText
    public var address: LocalizedText?
    public var phone: String?
    public var email: String?
    public var url: String?
    public var hours: WeeklyHours
    /// Calendar days (`yyyy-MM-dd`) on which the office is closed despite its weekly hours.
    public var closedDays: Set<String>

    public init(
        id: String, name: LocalizedText, address: LocalizedText? = nil, phone: String? = nil,
        email: String? = nil, url: String? = nil, hours: WeeklyHours = WeeklyHours(), closedDays: Set<String> = []
    ) {
        self.id = id
        self.name = name
        self.address = address
        self.phone = phone
        self.email = email
        self.url = url
        self.hours = hours
        self.closedDays = closedDays
    }
}

/// Opening hours per weekday. A missing day is closed.
public struct WeeklyHours: Sendable, Hashable {
    /// Ranges per weekday, keyed by the `city.yaml` day names `mon` … `sun`.
    public var days: [Weekday: [TimeRange]]

    public init(days: [Weekday: [TimeRange]] = [:]) { self.days = days }

    public var isEmpty: Bool { days.values.allSatisfy(\.isEmpty) }
}

/// A weekday as written in `city.yaml`.
public enum Weekday: String, Sendable, Hashable, CaseIterable, Comparable {
    case mon, tue, wed, thu, fri, sat, sun

    /// Position in the week, Monday = 0.
    public var index: Int { Self.allCases.firstIndex(of: self)! }

    /// The weekday for Foundation's `Calendar` weekday number (1 = Sunday … 7 = Saturday).
    public init(calendarWeekday: Int) {
        self = Self.allCases[(calendarWeekday + 5) % 7]
    }

    public static func < (lhs: Weekday, rhs: Weekday) -> Bool { lhs.index < rhs.index }
}

/// A time range within one day, in minutes after midnight.
public struct TimeRange: Sendable, Hashable {
    public var start: Int
    public var end: Int

    public init(start: Int, end: Int) {
        self.start = start
        self.end = end
    }

    /// Parses `"08:00-12:00"`; nil when malformed or when the end is not after the start.
    public init?(parsing text: String) {
        let parts = text.split(separator: "-").map { $0.trimmingCharacters(in: .whitespaces) }
        guard parts.count == 2, let start = Self.minutes(parts[0]), let end = Self.minutes(parts[1]), end > start
        else { return nil }
        self.init(start: start, end: end)
    }

    private static func minutes(_ text: String) -> Int? {
        let hm = text.split(separator: ":")
        guard hm.count == 2, hm[1].count == 2, let h = Int(hm[0]), let m = Int(hm[1]),
            (0...24).contains(h), (0..<60).contains(m), h * 60 + m <= 24 * 60
        else { return nil }
        return h * 60 + m
    }

    /// `"08:00"`-style text for the start or end.
    public static func format(_ minutes: Int) -> String {
        String(format: "%02d:%02d", minutes / 60, minutes % 60)
    }

    public var description: String { "\(Self.format(start))–\(Self.format(end))" }
}
