import Foundation

/// Dutch notation for what the site prints itself (context values, feed titles): dates as
/// "23 september 2020", amounts as "€ 95.677", percentages as "6,2%". Pure string work, no
/// Foundation formatters, since it runs for every item of a build.
enum SiteFormat {
    static let months = [
        "januari", "februari", "maart", "april", "mei", "juni", "juli", "augustus", "september", "oktober",
        "november", "december",
    ]

    /// "23 september 2020".
    static func date(year: Int, month: Int, day: Int) -> String {
        guard (1...12).contains(month) else { return "\(day)-\(month)-\(year)" }
        return "\(day) \(months[month - 1]) \(year)"
    }

    /// "2020-09-23", for `datetime` attributes and feeds.
    static func isoDate(year: Int, month: Int, day: Int) -> String {
        pad(year, 4) + "-" + pad(month, 2) + "-" + pad(day, 2)
    }

    /// "€ 95.677", "€ 1.234,56", "-€ 2.500" (a non-breaking space after the euro sign). Whole
    /// amounts print without cents.
    static func euro(_ amount: Decimal) -> String {
        let negative = amount < 0
        let magnitude = negative ? -amount : amount
        var cents = Decimal()
        var scaled = magnitude * 100
        NSDecimalRound(&cents, &scaled, 0, .plain)
        let centsText = NSDecimalNumber(decimal: cents).stringValue  // integer digits only
        let digits = Array(centsText.utf8)
        let intDigits = digits.count > 2 ? Array(digits[..<(digits.count - 2)]) : [UInt8(ascii: "0")]
        let fraction = digits.count >= 2 ? Array(digits[(digits.count - 2)...]) : [UInt8(ascii: "0")] + digits
        var text = "€\u{00A0}" + grouped(intDigits)
        if fraction != [UInt8(ascii: "0"), UInt8(ascii: "0")] {
            text += "," + String(decoding: fraction, as: UTF8.self)
        }
        return negative ? "-" + text : text
    }

    /// "84,1%" for 0.841: one decimal, Dutch comma; a trailing ",0" is dropped ("80%").
    static func percent(_ share: Double) -> String {
        let tenths = Int((share * 1000).rounded())
        let whole = tenths / 10, fraction = abs(tenths % 10)
        return (tenths < 0 && whole == 0 ? "-" : "") + "\(whole)" + (fraction == 0 ? "" : ",\(fraction)") + "%"
    }

    /// "2.000" for 2000.
    static func integer(_ value: Int) -> String {
        let digits = Array(String(abs(value)).utf8)
        return (value < 0 ? "-" : "") + grouped(digits)
    }

    private static func grouped(_ digits: [UInt8]) -> String {
        var out: [UInt8] = []
        out.reserveCapacity(digits.count + digits.count / 3)
        for (index, digit) in digits.enumerated() {
            if index > 0 && (digits.count - index) % 3 == 0 { out.append(UInt8(ascii: ".")) }
            out.append(digit)
        }
        return String(decoding: out, as: UTF8.self)
    }

    private static func pad(_ value: Int, _ width: Int) -> String {
        let text = String(value)
        return text.count >= width ? text : String(repeating: "0", count: width - text.count) + text
    }
}
