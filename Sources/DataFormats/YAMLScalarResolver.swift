import Foundation

/// Gives a plain (unquoted) scalar its type, following PyYAML's safe loader (YAML 1.1) where that is sane:
/// null, booleans (including `yes`/`no`/`on`/`off`), integers, decimals, dates and date-times. Deliberate
/// differences, documented in `docs/data-formats.md`: numbers with a leading zero (`0612`) and colon
/// numbers (`14:30`) stay strings instead of becoming octal and base-60 numbers; a date-time may omit its
/// seconds; `.inf` and `.nan` are errors; integers beyond 64 bits are errors.
///
/// Works on bytes with hand-written grammar checks: no regular expressions, no `Double`.
enum YAMLScalarResolver {
    enum Result {
        case string
        case value(YAMLValue)
        case error(String)
    }

    /// Whether a plain scalar starting with `c` can be anything but a string (see `resolve`).
    @inline(__always) static func mayBeTyped(_ c: UInt8) -> Bool {
        switch c {
        case UInt8(ascii: "~"), UInt8(ascii: "n"), UInt8(ascii: "N"), UInt8(ascii: "y"), UInt8(ascii: "Y"),
            UInt8(ascii: "t"), UInt8(ascii: "T"), UInt8(ascii: "f"), UInt8(ascii: "F"), UInt8(ascii: "o"),
            UInt8(ascii: "O"), UInt8(ascii: "0")...UInt8(ascii: "9"), UInt8(ascii: "-"), UInt8(ascii: "+"),
            UInt8(ascii: "."), UInt8(ascii: "<"), UInt8(ascii: "="):
            return true
        default:
            return false
        }
    }

    static func resolve(_ s: UnsafeBufferPointer<UInt8>) -> Result {
        let n = s.count
        guard n > 0 else { return .value(.null) }
        switch s[0] {
        case UInt8(ascii: "~"):
            return n == 1 ? .value(.null) : .string
        case UInt8(ascii: "n"), UInt8(ascii: "N"):
            if matches(s, "null", "Null", "NULL") { return .value(.null) }
            if matches(s, "no", "No", "NO") { return .value(.bool(false)) }
            return .string
        case UInt8(ascii: "y"), UInt8(ascii: "Y"):
            return matches(s, "yes", "Yes", "YES") ? .value(.bool(true)) : .string
        case UInt8(ascii: "t"), UInt8(ascii: "T"):
            return matches(s, "true", "True", "TRUE") ? .value(.bool(true)) : .string
        case UInt8(ascii: "f"), UInt8(ascii: "F"):
            return matches(s, "false", "False", "FALSE") ? .value(.bool(false)) : .string
        case UInt8(ascii: "o"), UInt8(ascii: "O"):
            if matches(s, "on", "On", "ON") { return .value(.bool(true)) }
            if matches(s, "off", "Off", "OFF") { return .value(.bool(false)) }
            return .string
        case UInt8(ascii: "0")...UInt8(ascii: "9"), UInt8(ascii: "-"), UInt8(ascii: "+"), UInt8(ascii: "."):
            return resolveNumberOrDate(s)
        case UInt8(ascii: "<"):
            // PyYAML gives a plain `<<` the merge-key meaning.
            if n == 2 && s[1] == UInt8(ascii: "<") {
                return .error(
                    "samenvoegsleutels ('<<') worden niet ondersteund; schrijf de sleutels uit, of zet '<<' tussen aanhalingstekens als het tekst is"
                )
            }
            return .string
        case UInt8(ascii: "="):
            // PyYAML rejects a plain `=` (its YAML 1.1 'value' type); so do we.
            if n == 1 {
                return .error("'=' als losse waarde wordt niet ondersteund; zet het tussen aanhalingstekens")
            }
            return .string
        default:
            return .string
        }
    }

    /// Whether `s` equals one of the spellings (PyYAML accepts exactly lower, Capitalised and UPPER).
    private static func matches(
        _ s: UnsafeBufferPointer<UInt8>, _ a: StaticString, _ b: StaticString, _ c: StaticString
    ) -> Bool {
        guard s.count == a.utf8CodeUnitCount else { return false }
        return equal(s, a) || equal(s, b) || equal(s, c)
    }

    private static func equal(_ s: UnsafeBufferPointer<UInt8>, _ literal: StaticString) -> Bool {
        guard s.count == literal.utf8CodeUnitCount else { return false }
        let p = literal.utf8Start
        for i in 0..<s.count where s[i] != p[i] { return false }
        return true
    }

    @inline(__always) private static func isDigit(_ c: UInt8) -> Bool {
        c >= UInt8(ascii: "0") && c <= UInt8(ascii: "9")
    }

    private static func resolveNumberOrDate(_ s: UnsafeBufferPointer<UInt8>) -> Result {
        let n = s.count
        // Dates first: they start with four digits and a dash.
        if n >= 8 && isDigit(s[0]) && isDigit(s[1]) && isDigit(s[2]) && isDigit(s[3]) && s[4] == UInt8(ascii: "-") {
            return YAMLDateScanner.resolve(s)
        }
        var i = 0
        var negative = false
        if s[0] == UInt8(ascii: "-") || s[0] == UInt8(ascii: "+") {
            negative = s[0] == UInt8(ascii: "-")
            i = 1
        }
        guard i < n else { return .string }
        let rest = UnsafeBufferPointer(rebasing: s[i...])
        if s[i] == UInt8(ascii: ".") {
            if matches(rest, ".inf", ".Inf", ".INF") || (i == 0 && matches(rest, ".nan", ".NaN", ".NAN")) {
                return .error(
                    "oneindig en NaN ('.inf', '.nan') worden niet ondersteund; zet de waarde tussen aanhalingstekens als het tekst is"
                )
            }
            // PyYAML accepts `.5` but not `-.5`.
            guard i == 0 else { return .string }
            return decimal(s, negative: false, integerDigits: 0..<0, fractionStart: 1)
        }
        guard isDigit(s[i]) else { return .string }
        if s[i] == UInt8(ascii: "0") && i + 1 < n && (s[i + 1] == UInt8(ascii: "x") || s[i + 1] == UInt8(ascii: "b")) {
            return radixInteger(s, from: i + 2, radix: s[i + 1] == UInt8(ascii: "x") ? 16 : 2, negative: negative)
        }
        var j = i
        while j < n && (isDigit(s[j]) || s[j] == UInt8(ascii: "_")) { j += 1 }
        if j == n {
            // A leading zero would make PyYAML read octal (`0612` is 394): we keep such text as a string.
            if s[i] == UInt8(ascii: "0") && j > i + 1 { return .string }
            return decimalInteger(s, digits: i..<j, negative: negative)
        }
        if s[j] == UInt8(ascii: ".") {
            return decimal(s, negative: negative, integerDigits: i..<j, fractionStart: j + 1)
        }
        // `14:30` and the like: PyYAML's base-60 numbers; kept as strings.
        return .string
    }

    private static func decimalInteger(_ s: UnsafeBufferPointer<UInt8>, digits: Range<Int>, negative: Bool) -> Result {
        var value = 0
        for k in digits where s[k] != UInt8(ascii: "_") {
            let d = Int(s[k] - UInt8(ascii: "0"))
            let (m, o1) = value.multipliedReportingOverflow(by: 10)
            let (a, o2) = negative ? m.subtractingReportingOverflow(d) : m.addingReportingOverflow(d)
            if o1 || o2 { return tooLarge }
            value = a
        }
        return .value(.int(value))
    }

    private static func radixInteger(_ s: UnsafeBufferPointer<UInt8>, from start: Int, radix: Int, negative: Bool)
        -> Result
    {
        var value = 0
        var sawDigit = false
        for k in start..<s.count {
            let c = s[k]
            if c == UInt8(ascii: "_") { continue }
            let d: Int
            switch c {
            case UInt8(ascii: "0")...UInt8(ascii: "9"): d = Int(c - UInt8(ascii: "0"))
            case UInt8(ascii: "a")...UInt8(ascii: "f"): d = Int(c - UInt8(ascii: "a")) + 10
            case UInt8(ascii: "A")...UInt8(ascii: "F"): d = Int(c - UInt8(ascii: "A")) + 10
            default: return .string
            }
            guard d < radix else { return .string }
            sawDigit = true
            let (m, o1) = value.multipliedReportingOverflow(by: radix)
            let (a, o2) = negative ? m.subtractingReportingOverflow(d) : m.addingReportingOverflow(d)
            if o1 || o2 { return tooLarge }
            value = a
        }
        return sawDigit ? .value(.int(value)) : .string
    }

    private static var tooLarge: Result {
        .error("dit gehele getal is te groot (meer dan 64 bits); zet het tussen aanhalingstekens als het tekst is")
    }

    /// `digits.digits` with an optional exponent that must have a sign (`1.5e+3`), as PyYAML requires.
    private static func decimal(
        _ s: UnsafeBufferPointer<UInt8>, negative: Bool, integerDigits: Range<Int>, fractionStart: Int
    ) -> Result {
        let n = s.count
        var j = fractionStart
        while j < n && (isDigit(s[j]) || s[j] == UInt8(ascii: "_")) { j += 1 }
        let fraction = fractionStart..<j
        // `.5` needs a digit right after the dot.
        if integerDigits.isEmpty && (fraction.isEmpty || !isDigit(s[fractionStart])) { return .string }
        var exponent = 0
        if j < n {
            guard s[j] == UInt8(ascii: "e") || s[j] == UInt8(ascii: "E"), j + 2 < n,
                s[j + 1] == UInt8(ascii: "+") || s[j + 1] == UInt8(ascii: "-")
            else { return .string }
            let expNegative = s[j + 1] == UInt8(ascii: "-")
            var k = j + 2
            while k < n {
                guard isDigit(s[k]) else { return .string }
                exponent = min(exponent * 10 + Int(s[k] - UInt8(ascii: "0")), 100_000)
                k += 1
            }
            if expNegative { exponent = -exponent }
        }
        guard
            let value = ExactDecimal.make(
                s, negative: negative, integerDigits: integerDigits, fractionDigits: fraction,
                exponent: exponent)
        else {
            return .error("dit getal valt buiten het bereik dat exact bewaard kan worden")
        }
        return .value(.decimal(value))
    }
}

/// Builds `Decimal` values from digit text exactly, without going through `Double` or a formatter.
enum ExactDecimal {
    /// The decimal `±integer.fraction × 10^exponent`; `_` in the digits is skipped. Nil when out of range.
    static func make(
        _ s: UnsafeBufferPointer<UInt8>, negative: Bool, integerDigits: Range<Int>, fractionDigits: Range<Int>,
        exponent: Int
    ) -> Decimal? {
        var significand: UInt64 = 0
        var big: Decimal? = nil
        var digitCount = 0
        var fractionCount = 0
        func add(_ d: UInt64) {
            if big == nil {
                if digitCount < 19 {
                    significand = significand * 10 + d
                    if significand != 0 { digitCount += 1 }
                    return
                }
                big = Decimal(significand)
            }
            big = big! * 10 + Decimal(d)
            digitCount += 1
        }
        for k in integerDigits where s[k] != UInt8(ascii: "_") {
            add(UInt64(s[k] - UInt8(ascii: "0")))
        }
        for k in fractionDigits where s[k] != UInt8(ascii: "_") {
            add(UInt64(s[k] - UInt8(ascii: "0")))
            fractionCount += 1
        }
        if digitCount > 38 { return nil }
        guard let big else {
            return make(significand: significand, negative: negative, exponent: exponent - fractionCount)
        }
        let scale = exponent - fractionCount
        guard scale >= -120 && scale <= 120 else { return nil }
        let magnitude = Decimal(sign: .plus, exponent: scale, significand: big)
        return negative ? -magnitude : magnitude
    }

    /// `±significand × 10^exponent`; nil when the exponent is out of `Decimal`'s range.
    static func make(significand: UInt64, negative: Bool, exponent: Int) -> Decimal? {
        if significand == 0 { return Decimal(0) }
        guard exponent >= -120 && exponent <= 120 else { return nil }
        let magnitude = Decimal(sign: .plus, exponent: exponent, significand: Decimal(significand))
        return negative ? -magnitude : magnitude
    }
}
