import Foundation

/// Reads a Dutch amount written as text (`95.677`, `€ 1.234,56`, `-2.500`, `(2.500)`) exactly.
/// Stands in for `DataFormats.DutchNumber.parseAmount` until that lands.
enum DutchAmount {
    static func parse(_ text: String) -> Decimal? {
        var s = Substring(text.trimmingCharacters(in: .whitespaces))
        var negative = false
        if s.hasPrefix("("), s.hasSuffix(")") {
            negative = true
            s = s.dropFirst().dropLast()
        }
        s = Substring(s.trimmingCharacters(in: .whitespaces))
        if s.hasPrefix("€") { s = Substring(s.dropFirst().trimmingCharacters(in: .whitespaces)) }
        if s.hasPrefix("-") {
            if negative { return nil }
            negative = true
            s = s.dropFirst()
        }
        if s.hasPrefix("€") { s = Substring(s.dropFirst().trimmingCharacters(in: .whitespaces)) }
        let parts = s.split(separator: ",", omittingEmptySubsequences: false)
        guard parts.count <= 2 else { return nil }
        let groups = parts[0].split(separator: ".", omittingEmptySubsequences: false)
        guard let first = groups.first, !first.isEmpty, first.count <= (groups.count > 1 ? 3 : Int.max) else { return nil }
        for (i, group) in groups.enumerated() {
            guard group.allSatisfy({ $0.isASCII && $0.isNumber }) else { return nil }
            if i > 0, group.count != 3 { return nil }
        }
        var digits = groups.joined()
        if parts.count == 2 {
            guard !parts[1].isEmpty, parts[1].allSatisfy({ $0.isASCII && $0.isNumber }) else { return nil }
            digits += "." + parts[1]
        }
        guard var value = Decimal(string: digits, locale: Locale(identifier: "en_US_POSIX")) else { return nil }
        if negative { value.negate() }
        return value
    }
}
