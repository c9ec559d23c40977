import DataFormats

/// Dates in content: as written, no time zones (a content date never shifts by a day).
public typealias ContentDate = YAMLDate

/// Finds impossible dates: month 13, 30 February, 24:00.
enum DateCheck {
    static func daysIn(month: Int, year: Int) -> Int {
        switch month {
        case 2: return (year % 4 == 0 && year % 100 != 0) || year % 400 == 0 ? 29 : 28
        case 4, 6, 9, 11: return 30
        default: return 31
        }
    }

    /// Why the date cannot exist (in Dutch), or nil when it is fine.
    static func problem(_ d: ContentDate) -> String? {
        problem(year: d.year, month: d.month, day: d.day, hour: d.hour, minute: d.minute, second: d.second)
    }

    static func problem(year: Int, month: Int, day: Int, hour: Int? = nil, minute: Int? = nil, second: Int? = nil)
        -> String?
    {
        guard (1...12).contains(month) else { return "er is geen maand \(month)" }
        let days = daysIn(month: month, year: year)
        guard (1...days).contains(day) else {
            return "\(DutchFormat.monthNames[month - 1]) \(year) heeft \(days) dagen"
        }
        if let hour, !(0...23).contains(hour) { return "er is geen uur \(hour)" }
        if let minute, !(0...59).contains(minute) { return "er is geen minuut \(minute)" }
        if let second, !(0...60).contains(second) { return "er is geen seconde \(second)" }
        return nil
    }

    /// For text shaped like `YYYY-MM-DD` that the YAML reader did not take as a date: why it is impossible.
    static func problem(inText text: String) -> String? {
        let parts = text.split(separator: "-", omittingEmptySubsequences: false)
        guard parts.count == 3, parts[0].count == 4, parts[1].count == 2, parts[2].count == 2,
            let y = Int(parts[0]), let m = Int(parts[1]), let d = Int(parts[2])
        else { return nil }
        return problem(year: y, month: m, day: d)
    }

    /// The last day of a year, for "at year end" questions.
    static func yearEnd(_ year: Int) -> ContentDate { ContentDate(year: year, month: 12, day: 31) }
}

extension YAMLDate {
    /// Just the calendar day (time dropped), for comparisons between dates and date-times.
    public var day0: YAMLDate { YAMLDate(year: year, month: month, day: day) }
}
