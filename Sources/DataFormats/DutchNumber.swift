import Foundation

/// Dutch-notation numbers and amounts, read and written exactly as `Decimal`, never through `Double`.
///
/// In Dutch notation `.` groups thousands and `,` separates the decimals: `95.677` is ninety-five thousand
/// six hundred seventy-seven, `1.234,56` is one thousand two hundred thirty-four and 56 hundredths.
public enum DutchNumber {
    /// Reads an amount or number in Dutch notation.
    ///
    /// Accepts: `95.677`, `1.234,56`, `2,2`, `1234`, `-2.500`, `+5`, `−5` (minus sign), `(2.500)` (negative,
    /// as accountants write it), a euro sign or `EUR` before or after (`€ 1.234,56`, `-€ 12`, `€ -12`,
    /// `12 EUR`), `,-` for whole euros (`€ 25,-`) and surrounding blanks, including no-break spaces.
    ///
    /// Rejects (nil): empty text, English notation (`1,234.56`), `.` groups that are not three digits
    /// (`2.5`, ambiguous), several signs, and anything else.
    public static func parseAmount(_ text: String) -> Decimal? {
        var text = text
        return text.withUTF8 { parseAmount(bytes: $0) }
    }

    /// `parseAmount` on UTF-8 bytes (e.g. a CSV field before it becomes a `String`).
    public static func parseAmount(bytes: UnsafeBufferPointer<UInt8>) -> Decimal? {
        var s = AmountScanner(bytes)
        s.trim()
        var negative = false
        if s.first == UInt8(ascii: "(") && s.last == UInt8(ascii: ")") {
            negative = true
            s.start += 1
            s.end -= 1
            s.trim()
        }
        var sawCurrency = s.dropCurrencyPrefix()
        if s.dropSign(&negative) {
            if !sawCurrency { sawCurrency = s.dropCurrencyPrefix() }
        }
        if !sawCurrency { _ = s.dropCurrencySuffix() }
        return s.number(negative: negative)
    }
}

/// A window on the bytes of an amount, narrowed from both ends while its parts are recognised.
private struct AmountScanner {
    let bytes: UnsafeBufferPointer<UInt8>
    var start: Int
    var end: Int

    init(_ bytes: UnsafeBufferPointer<UInt8>) {
        self.bytes = bytes
        self.start = 0
        self.end = bytes.count
    }

    var first: UInt8? { start < end ? bytes[start] : nil }
    var last: UInt8? { start < end ? bytes[end - 1] : nil }

    /// Length of a blank (space, tab, U+00A0, U+202F) starting at `i`, or 0.
    private func blankLength(at i: Int) -> Int {
        guard i < end else { return 0 }
        let c = bytes[i]
        if c == 0x20 || c == 0x09 { return 1 }
        if c == 0xC2 && i + 1 < end && bytes[i + 1] == 0xA0 { return 2 }
        if c == 0xE2 && i + 2 < end && bytes[i + 1] == 0x80 && bytes[i + 2] == 0xAF { return 3 }
        return 0
    }

    /// Length of a blank ending just before `i`, or 0.
    private func blankLength(before i: Int) -> Int {
        guard i > start else { return 0 }
        let c = bytes[i - 1]
        if c == 0x20 || c == 0x09 { return 1 }
        if c == 0xA0 && i - 2 >= start && bytes[i - 2] == 0xC2 { return 2 }
        if c == 0xAF && i - 3 >= start && bytes[i - 3] == 0xE2 && bytes[i - 2] == 0x80 { return 3 }
        return 0
    }

    mutating func trim() {
        while start < end {
            let n = blankLength(at: start)
            if n == 0 { break }
            start += n
        }
        while end > start {
            let n = blankLength(before: end)
            if n == 0 { break }
            end -= n
        }
    }

    /// Whether the three bytes `a b c` are at `i` (inside the window). Three bytes cover `€`, `EUR` and `−`;
    /// plain bytes rather than arrays keep shared reference counts out of parallel callers.
    private func has(_ a: UInt8, _ b: UInt8, _ c: UInt8, at i: Int) -> Bool {
        i >= start && i + 3 <= end && bytes[i] == a && bytes[i + 1] == b && bytes[i + 2] == c
    }

    private func hasCurrency(at i: Int) -> Bool {
        has(0xE2, 0x82, 0xAC, at: i) || has(UInt8(ascii: "E"), UInt8(ascii: "U"), UInt8(ascii: "R"), at: i)
    }

    mutating func dropCurrencyPrefix() -> Bool {
        guard hasCurrency(at: start) else { return false }
        start += 3
        trim()
        return true
    }

    mutating func dropCurrencySuffix() -> Bool {
        guard hasCurrency(at: end - 3) else { return false }
        end -= 3
        trim()
        return true
    }

    /// Drops a leading `-`, `+` or `−`, flipping `negative` for a minus.
    mutating func dropSign(_ negative: inout Bool) -> Bool {
        guard let c = first else { return false }
        if c == UInt8(ascii: "-") || c == UInt8(ascii: "+") {
            if c == UInt8(ascii: "-") { negative.toggle() }
            start += 1
        } else if has(0xE2, 0x88, 0x92, at: start) {  // U+2212 MINUS SIGN
            negative.toggle()
            start += 3
        } else {
            return false
        }
        trim()
        return true
    }

    /// The remaining text as `digits[.ddd]*[,digits|,-|,--]`, exactly.
    func number(negative: Bool) -> Decimal? {
        // The digits go into a UInt64 while they fit (19 digits); longer numbers are collected and built
        // by ExactDecimal. No heap allocation in the usual case.
        var significand: UInt64 = 0
        var digitCount = 0
        var long: [UInt8]? = nil
        func add(_ c: UInt8) {
            if digitCount < 19 {
                significand = significand * 10 + UInt64(c - UInt8(ascii: "0"))
            } else {
                if long == nil {
                    // Leading zeros are not in `significand` ("0,000…01"), but the ranges below count them.
                    let kept = Array(String(significand).utf8)
                    long = [UInt8](repeating: UInt8(ascii: "0"), count: digitCount - kept.count) + kept
                }
                long!.append(c)
            }
            digitCount += 1
        }
        var i = start
        // Integer part: plain digits, or 1–3 digits then groups of exactly three after each dot.
        var groupLength = 0
        var grouped = false
        while i < end {
            let c = bytes[i]
            if c >= UInt8(ascii: "0") && c <= UInt8(ascii: "9") {
                add(c)
                groupLength += 1
            } else if c == UInt8(ascii: ".") {
                if grouped ? groupLength != 3 : (groupLength == 0 || groupLength > 3) { return nil }
                grouped = true
                groupLength = 0
            } else {
                break
            }
            i += 1
        }
        if grouped && groupLength != 3 { return nil }
        let integerCount = digitCount
        if i < end {
            guard bytes[i] == UInt8(ascii: ",") else { return nil }
            i += 1
            if i < end && bytes[i] == UInt8(ascii: "-") {
                // `25,-` and `25,--`: whole euros.
                i += 1
                if i < end && bytes[i] == UInt8(ascii: "-") { i += 1 }
                guard i == end, integerCount > 0 else { return nil }
            } else {
                while i < end, bytes[i] >= UInt8(ascii: "0"), bytes[i] <= UInt8(ascii: "9") {
                    add(bytes[i])
                    i += 1
                }
                guard i == end, digitCount > integerCount else { return nil }
            }
        }
        guard digitCount > 0 else { return nil }
        let fractionCount = digitCount - integerCount
        if let long {
            return long.withUnsafeBufferPointer {
                ExactDecimal.make(
                    $0, negative: negative, integerDigits: 0..<($0.count - fractionCount),
                    fractionDigits: ($0.count - fractionCount)..<$0.count, exponent: 0)
            }
        }
        return ExactDecimal.make(significand: significand, negative: negative, exponent: -fractionCount)
    }
}
