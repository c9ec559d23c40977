import Foundation

/// Dutch notation for amounts, numbers, percentages and dates, the one implementation the site, the
/// templates, the content checks and the annual report share: "€ 95.677", "€ 1.234,56", "-€ 2.500",
/// "2,2", "6,2%", "23 september 2020". The space after € is a non-breaking space (U+00A0).
public enum DutchFormat {
    public static let monthNames = [
        "januari", "februari", "maart", "april", "mei", "juni", "juli", "augustus",
        "september", "oktober", "november", "december",
    ]
    public static let dayNames = ["maandag", "dinsdag", "woensdag", "donderdag", "vrijdag", "zaterdag", "zondag"]

    /// An amount in euros as templates print it: whole amounts without cents ("€ 95.677"), others with
    /// two decimals ("€ 1.234,56"); `cents: true` always shows them. Negative: "-€ 2.500", but no minus
    /// on an amount that shows as zero.
    public static func euro(_ amount: Decimal, cents: Bool = false) -> String {
        let showCents = cents || !isWhole(amount)
        let text = number(abs(amount), decimals: showCents ? 2 : 0)
        return (amount < 0 && text != "0" && text != "0,00" ? "-" : "") + "€\u{00A0}" + text
    }

    /// An amount as the content checks and the site's own pages print it: rounded to whole cents first,
    /// ",00" left off ("€ 95.677", "€ 1.234,50"), and the minus of every negative amount kept. Without
    /// `symbol`, just the number ("-2.500").
    public static func money(_ amount: Decimal, symbol: Bool = true) -> String {
        let cents = rounded(abs(amount), decimals: 2)
        let text = number(cents, decimals: isWhole(cents) ? 0 : 2)
        return (amount < 0 ? "-" : "") + (symbol ? "€\u{00A0}" : "") + text
    }

    /// A number with "." for thousands (unless `grouping` is false) and "," for decimals. Without
    /// `decimals`, as many decimals as the value has ("2,2"); with it, rounded half away from zero and
    /// padded with zeros ("2.500,00"). No minus on a number that shows as zero.
    public static func number(_ value: Decimal, decimals: Int? = nil, grouping: Bool = true) -> String {
        var value = value
        if let decimals { value = rounded(value, decimals: decimals) }
        var plain = NSDecimalString(&value, Locale(identifier: "en_US_POSIX"))
        let negative = plain.hasPrefix("-")
        if negative { plain.removeFirst() }
        let parts = plain.split(separator: ".", omittingEmptySubsequences: false)
        var fraction = parts.count > 1 ? String(parts[1]) : ""
        if let decimals, fraction.count < decimals {
            fraction += String(repeating: "0", count: decimals - fraction.count)
        }
        let integer = grouping ? group(String(parts[0])) : String(parts[0])
        let text = fraction.isEmpty ? integer : integer + "," + fraction
        return (negative && text.contains(where: { $0 != "0" && $0 != "," && $0 != "." }) ? "-" : "") + text
    }

    /// A floating-point number in Dutch notation, using its shortest exact digits ("2,2", not "2,2000000000000002").
    public static func number(_ value: Double, decimals: Int? = nil) -> String {
        // Swift's description is the shortest round-trip form, like Python's repr.
        number(Decimal(string: value.description) ?? Decimal(value), decimals: decimals)
    }

    /// A percentage given in percent units: `percent(6.2)` is "6,2%".
    public static func percent(_ value: Decimal, decimals: Int? = nil) -> String {
        number(value, decimals: decimals) + "%"
    }

    /// A fraction as a percentage with always one decimal: `share(0.841)` is "84,1%", `share(0.8)` "80,0%",
    /// so a column of shares never mixes "19%" with "23,2%".
    public static func share(_ fraction: Decimal) -> String {
        percent(fraction * 100, decimals: 1)
    }

    /// `share(_:)` of a floating-point fraction.
    public static func share(_ fraction: Double) -> String {
        // Decimal(Double.infinity) traps; beyond Decimal's range (about 1e165) a share is no number either.
        guard fraction.isFinite, abs(fraction) < 1e100 else { return "–" }
        return share(Decimal(string: fraction.description) ?? Decimal(fraction))
    }

    /// A count with its noun in the right number: `count(1, "bestand", "bestanden")` is "1 bestand",
    /// `count(3, …)` "3 bestanden".
    public static func count(_ n: Int, _ singular: String, _ plural: String) -> String {
        "\(n) " + (n == 1 ? singular : plural)
    }

    /// Whether `text` ends a sentence: in a full stop, question or exclamation mark, colon or ellipsis,
    /// also before closing quotes or brackets ("(zie bijlage.)"). Generated text that follows an editor's
    /// text (partners after a description) starts a new sentence only after one of these.
    public static func endsSentence(_ text: String) -> Bool {
        let closing: Set<Character> = ["\"", "'", "’", "”", ")", "]", "*", "_"]
        var last = text.trimmingCharacters(in: .whitespacesAndNewlines)
        while let c = last.last, closing.contains(c) { last.removeLast() }
        guard let c = last.last else { return false }
        return ".?!:…".contains(c)
    }

    /// `text` as a sentence another can follow: a full stop added unless it `endsSentence` already.
    public static func sentence(_ text: String) -> String {
        endsSentence(text) ? text : text.trimmingCharacters(in: .whitespacesAndNewlines) + "."
    }

    /// A date with a `strftime`-like format in Dutch: `%-d %B %Y` gives "23 september 2020",
    /// `%A %-d %B` gives "woensdag 23 september". Supported: %d %-d %e %m %-m %B %b %Y %y %A %a %H %M %S %%.
    public static func date(_ date: YAMLDate, format: String = "%-d %B %Y") -> String {
        func pad(_ n: Int) -> String { n < 10 ? "0\(n)" : String(n) }
        var out = ""
        var chars = format[...]
        while let c = chars.popFirst() {
            guard c == "%", var code = chars.popFirst() else {
                out.append(c)
                continue
            }
            var noPad = false
            if code == "-", let next = chars.popFirst() {
                noPad = true
                code = next
            }
            switch code {
            case "d": out += noPad ? String(date.day) : pad(date.day)
            case "e": out += date.day < 10 ? " \(date.day)" : String(date.day)
            case "m": out += noPad ? String(date.month) : pad(date.month)
            case "B": out += monthNames[monthIndex(date.month)]
            case "b": out += String(monthNames[monthIndex(date.month)].prefix(3))
            case "Y": out += String(date.year)
            case "y": out += pad(date.year % 100)
            case "A": out += dayNames[weekday(date)]
            case "a": out += String(dayNames[weekday(date)].prefix(2))
            case "H": out += noPad ? String(date.hour ?? 0) : pad(date.hour ?? 0)
            case "M": out += pad(date.minute ?? 0)
            case "S": out += pad(date.second ?? 0)
            case "%": out += "%"
            default: out += "%" + (noPad ? "-" : "") + String(code)
            }
        }
        return out
    }

    /// A date with its time of day when it has one: "23 september 2020, 14.30 uur"; just "23 september
    /// 2020" for a date without a time.
    public static func dateAndTime(_ date: YAMLDate) -> String {
        guard let hour = date.hour else { return self.date(date) }
        let minute = date.minute ?? 0
        return self.date(date) + ", \(hour).\(minute < 10 ? "0" : "")\(minute) uur"
    }

    /// 0 for Monday … 6 for Sunday (proleptic Gregorian calendar).
    public static func weekday(_ date: YAMLDate) -> Int {
        // Days since 1970-01-01 (a Thursday), after Howard Hinnant's days_from_civil.
        let y = date.month <= 2 ? date.year - 1 : date.year
        let era = (y >= 0 ? y : y - 399) / 400
        let yoe = y - era * 400
        let mp = (date.month + 9) % 12
        let doy = (153 * mp + 2) / 5 + date.day - 1
        let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy
        let days = era * 146097 + doe - 719468
        return ((days % 7) + 7 + 3) % 7
    }

    private static func monthIndex(_ month: Int) -> Int { ((month - 1) % 12 + 12) % 12 }

    /// Rounded half away from zero to `decimals` places.
    private static func rounded(_ value: Decimal, decimals: Int) -> Decimal {
        var value = value
        var result = Decimal()
        NSDecimalRound(&result, &value, decimals, .plain)
        return result
    }

    private static func isWhole(_ value: Decimal) -> Bool { rounded(value, decimals: 0) == value }

    private static func group(_ digits: String) -> String {
        let chars = Array(digits)
        var out = ""
        for (i, ch) in chars.enumerated() {
            if i > 0 && (chars.count - i) % 3 == 0 { out.append(".") }
            out.append(ch)
        }
        return out
    }
}
