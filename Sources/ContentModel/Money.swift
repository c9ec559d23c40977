import Foundation

/// Dutch money text: "€ 95.677", "€ 1.234,56", "-€ 2.500".
public enum Money {
    /// The amount with a point for thousands and a comma for cents (cents only when not whole);
    /// `symbol` puts "€" and a non-breaking space in front.
    public static func dutch(_ amount: Decimal, symbol: Bool = true) -> String {
        var value = amount
        let negative = value < 0
        if negative { value.negate() }
        var rounded = Decimal()
        NSDecimalRound(&rounded, &value, 2, .plain)
        let text = rounded.description  // "95677.5", plain digits with a point, locale-independent
        let parts = text.split(separator: ".", maxSplits: 1)
        let whole = Array(parts[0])
        var grouped = ""
        for (i, c) in whole.enumerated() {
            if i > 0, (whole.count - i) % 3 == 0 { grouped.append(".") }
            grouped.append(c)
        }
        if parts.count == 2 {
            var cents = String(parts[1])
            while cents.count < 2 { cents += "0" }
            grouped += "," + cents
        }
        return (negative ? "-" : "") + (symbol ? "€\u{00A0}" : "") + grouped
    }
}
