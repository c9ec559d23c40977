import ContentModel
import DataFormats
import Foundation
import Markdown
import Templates

/// Small helpers to build template values tersely.
extension Value {
    /// A string, or `none` when absent (templates test `{% if x %}`; every key is always present).
    static func text(_ string: String?) -> Value { string.map { .string($0) } ?? .none }

    static func texts(_ strings: [String]) -> Value { .list(strings.map { .string($0) }) }

    static func object(_ pairs: [(String, Value)]) -> Value { .dict(OrderedDict(pairs)) }

    /// `{title, url}`: how templates link to anything.
    static func link(_ title: String, _ url: String) -> Value {
        .object([("title", .string(title)), ("url", .string(url))])
    }
}

extension ContentDate {
    /// "23 september 2020".
    var dutch: String { DutchFormat.date(self) }
    /// "23 september 2020, 14.30 uur" for a date-time, "23 september 2020" for a date.
    var dutchWithTime: String { DutchFormat.dateAndTime(self) }
    /// "2020-09-23T14:30" for a date-time, "2020-09-23" for a date: the `datetime` attribute of `<time>`
    /// and the JSON-LD dates. A time written with its UTC offset keeps it ("2025-01-15T16:00+01:00"), so
    /// the page gives the same moment as the calendar feed, which writes such a time in UTC.
    var machineReadable: String {
        guard let hour else { return iso }
        func two(_ n: Int) -> String { (n < 10 ? "0" : "") + "\(n)" }
        let local = iso + "T" + two(hour) + ":" + two(minute ?? 0)
        guard let offset = utcOffsetMinutes else { return local }
        if offset == 0 { return local + "Z" }
        return local + (offset < 0 ? "-" : "+") + two(abs(offset) / 60) + ":" + two(abs(offset) % 60)
    }
    /// "2020-09-23" (the date only, also for a date-time), for `datetime` attributes and feeds.
    var iso: String {
        func pad(_ value: Int, _ width: Int) -> String {
            let text = String(value)
            return text.count >= width ? text : String(repeating: "0", count: width - text.count) + text
        }
        return pad(year, 4) + "-" + pad(month, 2) + "-" + pad(day, 2)
    }
}

/// Slugs for tags, which editors write as free text: the package's one slug rule for item names
/// (`Markdown.Slug`, ASCII only: "Één-oudergezin" → "een-oudergezin"), and "tag" for a tag of no letters
/// or digits at all, which still needs a page.
enum TextSlug {
    static func make(_ text: String) -> String {
        let slug = Slug.make(text, asciiOnly: true)
        return slug.isEmpty ? "tag" : slug
    }
}
