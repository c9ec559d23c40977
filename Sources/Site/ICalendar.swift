import ContentModel
import Foundation

/// The activities as an iCalendar file (RFC 5545), so a calendar app can subscribe to them: one VEVENT
/// per activity with UID, DTSTAMP, DTSTART (a date, or a local date-time in Europe/Amsterdam, or UTC
/// when the content gives an offset), SUMMARY, URL and, when known, LOCATION and DESCRIPTION. Lines end
/// in CRLF and are folded at 75 octets without splitting a UTF-8 sequence; text values are escaped.
enum ICalendar {
    struct Event: Equatable {
        /// Globally unique and stable: the activity's slug at the site's host.
        var uid: String
        var summary: String
        var url: String
        var start: ContentDate
        var location: String? = nil
        var description: String? = nil
        var categories: [String] = []
    }

    /// The time zone of a date-time written without an offset: the organisation's.
    static let timeZone = "Europe/Amsterdam"

    /// The calendar `name` with `events`. `stamp` is the DTSTAMP of every event (the build day at
    /// midnight UTC, so two builds on one day write the same bytes).
    static func document(name: String, events: [Event], stamp: ContentDate) -> [UInt8] {
        var lines = [
            "BEGIN:VCALENDAR",
            "VERSION:2.0",
            "PRODID:-//breingen//breingen//NL",
            "CALSCALE:GREGORIAN",
            "METHOD:PUBLISH",
            "X-WR-CALNAME:" + escaped(name),
            "X-WR-TIMEZONE:" + timeZone,
        ]
        if events.contains(where: { $0.start.hasTime && $0.start.utcOffsetMinutes == nil }) { lines += amsterdam }
        let dtstamp = basicDate(stamp) + "T000000Z"
        for event in events {
            lines.append("BEGIN:VEVENT")
            lines.append("UID:" + escaped(event.uid))
            lines.append("DTSTAMP:" + dtstamp)
            lines.append(start(event.start))
            lines.append("SUMMARY:" + escaped(event.summary))
            lines.append("URL;VALUE=URI:" + event.url)
            if let location = event.location, !location.isEmpty { lines.append("LOCATION:" + escaped(location)) }
            if let description = event.description, !description.isEmpty {
                lines.append("DESCRIPTION:" + escaped(description))
            }
            if !event.categories.isEmpty {
                lines.append("CATEGORIES:" + event.categories.map(escaped).joined(separator: ","))
            }
            lines.append("END:VEVENT")
        }
        lines.append("END:VCALENDAR")
        var out: [UInt8] = []
        for line in lines { fold(line, into: &out) }
        return out
    }

    /// The DTSTART property of `date`.
    static func start(_ date: ContentDate) -> String {
        guard date.hasTime else { return "DTSTART;VALUE=DATE:" + basicDate(date) }
        if let offset = date.utcOffsetMinutes {
            return "DTSTART:" + utc(date, offsetMinutes: offset)
        }
        return "DTSTART;TZID=\(timeZone):" + basicDate(date) + "T" + basicTime(date)
    }

    /// TEXT escaping (RFC 5545, 3.3.11): backslash, semicolon and comma get a backslash, a line break
    /// becomes `\n`; other control characters (not allowed in TEXT) are dropped.
    static func escaped(_ text: String) -> String {
        var out = ""
        out.reserveCapacity(text.utf8.count)
        var previousCR = false
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\\": out += "\\\\"
            case ";": out += "\\;"
            case ",": out += "\\,"
            case "\r": out += "\\n"
            case "\n": if !previousCR { out += "\\n" }
            case "\t": out += " "
            default:
                if scalar.value < 0x20 || scalar.value == 0x7F { break }
                out.unicodeScalars.append(scalar)
            }
            previousCR = scalar == "\r"
        }
        return out
    }

    /// Appends `line` with CRLF, folded so no line is longer than 75 octets: a continuation line starts
    /// with one space (which counts), and a fold never falls inside a UTF-8 sequence.
    static func fold(_ line: String, into out: inout [UInt8]) {
        let bytes = Array(line.utf8)
        var start = 0
        var limit = 75
        while bytes.count - start > limit {
            var end = start + limit
            // Back up to the start of a UTF-8 sequence (continuation bytes are 10xxxxxx).
            while end > start && bytes[end] & 0xC0 == 0x80 { end -= 1 }
            out += bytes[start..<end]
            out += [0x0D, 0x0A, 0x20]
            start = end
            limit = 74
        }
        out += bytes[start...]
        out += [0x0D, 0x0A]
    }

    private static func pad(_ value: Int, _ width: Int) -> String {
        let text = String(value)
        return String(repeating: "0", count: max(0, width - text.count)) + text
    }

    static func basicDate(_ date: ContentDate) -> String {
        pad(date.year, 4) + pad(date.month, 2) + pad(date.day, 2)
    }

    private static func basicTime(_ date: ContentDate) -> String {
        pad(date.hour ?? 0, 2) + pad(date.minute ?? 0, 2) + pad(date.second ?? 0, 2)
    }

    /// A date-time with a UTC offset as UTC ("20231005T123000Z").
    private static func utc(_ date: ContentDate, offsetMinutes: Int) -> String {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(secondsFromGMT: 0)!
        let local = DateComponents(
            year: date.year, month: date.month, day: date.day, hour: date.hour ?? 0,
            minute: (date.minute ?? 0) - offsetMinutes, second: date.second ?? 0)
        guard let instant = calendar.date(from: local) else { return basicDate(date) + "T" + basicTime(date) + "Z" }
        let parts = calendar.dateComponents([.year, .month, .day, .hour, .minute, .second], from: instant)
        return pad(parts.year!, 4) + pad(parts.month!, 2) + pad(parts.day!, 2) + "T"
            + pad(parts.hour!, 2) + pad(parts.minute!, 2) + pad(parts.second!, 2) + "Z"
    }

    /// Central European time with its summer time since 1996 (last Sunday of March and of October).
    private static let amsterdam = [
        "BEGIN:VTIMEZONE",
        "TZID:\(timeZone)",
        "BEGIN:DAYLIGHT",
        "TZOFFSETFROM:+0100",
        "TZOFFSETTO:+0200",
        "TZNAME:CEST",
        "DTSTART:19810329T020000",
        "RRULE:FREQ=YEARLY;BYMONTH=3;BYDAY=-1SU",
        "END:DAYLIGHT",
        "BEGIN:STANDARD",
        "TZOFFSETFROM:+0200",
        "TZOFFSETTO:+0100",
        "TZNAME:CET",
        "DTSTART:19961027T030000",
        "RRULE:FREQ=YEARLY;BYMONTH=10;BYDAY=-1SU",
        "END:STANDARD",
        "END:VTIMEZONE",
    ]
}

extension SiteBuilder {
    /// The site's activities as a calendar (`Routes.calendar`); nil without activities.
    static func calendar(_ data: SiteData) -> [UInt8]? {
        let kb = data.kb
        guard !kb.activities.isEmpty else { return nil }
        let host = Routes.host(of: data.routes.baseURL)
        func trimmed(_ text: String?) -> String? { text?.trimmingCharacters(in: .whitespacesAndNewlines) }
        let events = kb.activities.map { activity -> ICalendar.Event in
            let online = activity.format?.lowercased() == "online"
            return ICalendar.Event(
                uid: "activiteit-\(activity.slug)@\(host)", summary: activity.title,
                url: data.routes.permalink(Routes.activity(activity.slug)), start: activity.date,
                location: trimmed(activity.location) ?? (online ? "Online" : nil), description: trimmed(activity.goal),
                categories: kb.theme(activity.theme).map { [$0.title] } ?? [])
        }
        return ICalendar.document(name: "\(kb.site.title): activiteiten", events: events, stamp: data.today)
    }
}
