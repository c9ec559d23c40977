import Foundation

/// A calendar date as written in YAML (`2020-09-23`), with an optional time of day
/// (`2020-09-23T14:30:00`, `2020-09-23 14:30`, optionally with `Z` or an offset like `+02:00`).
/// Kept as written, without time-zone conversion, so content dates never shift by a day.
public struct YAMLDate: Hashable, Comparable, Sendable, CustomStringConvertible {
    public var year: Int
    public var month: Int
    public var day: Int
    /// Present for date-times only.
    public var hour: Int?
    public var minute: Int?
    public var second: Int?
    /// Offset from UTC in minutes when the value gave one (`Z` is 0).
    public var utcOffsetMinutes: Int?
    /// Fraction of the second in nanoseconds, when the value gave one (`14:30:00.25` is 250_000_000).
    public var nanosecond: Int?

    public init(
        year: Int, month: Int, day: Int, hour: Int? = nil, minute: Int? = nil, second: Int? = nil,
        utcOffsetMinutes: Int? = nil, nanosecond: Int? = nil
    ) {
        self.year = year
        self.month = month
        self.day = day
        self.hour = hour
        self.minute = minute
        self.second = second
        self.utcOffsetMinutes = utcOffsetMinutes
        self.nanosecond = nanosecond
    }

    public var hasTime: Bool { hour != nil }

    public static func < (a: YAMLDate, b: YAMLDate) -> Bool {
        let dayA = (a.year, a.month, a.day)
        let dayB = (b.year, b.month, b.day)
        if dayA != dayB { return dayA < dayB }
        return (a.hour ?? 0, a.minute ?? 0, a.second ?? 0, a.nanosecond ?? 0)
            < (b.hour ?? 0, b.minute ?? 0, b.second ?? 0, b.nanosecond ?? 0)
    }

    /// ISO 8601: `2020-09-23`, or `2020-09-23T14:30:00` for a date-time.
    public var description: String {
        func pad(_ n: Int, _ width: Int = 2) -> String {
            let s = String(n)
            return String(repeating: "0", count: max(0, width - s.count)) + s
        }
        var text = "\(pad(year, 4))-\(pad(month))-\(pad(day))"
        if let hour {
            text += "T\(pad(hour)):\(pad(minute ?? 0)):\(pad(second ?? 0))"
        }
        return text
    }
}

/// The value of a YAML node. Mappings keep their keys in document order.
public enum YAMLValue: Equatable, Sendable {
    case null
    case bool(Bool)
    case int(Int)
    /// Numbers with a fraction, read exactly (`2.2` is 2.2, never 2.2000000000000002).
    case decimal(Decimal)
    case string(String)
    case date(YAMLDate)
    case sequence([YAMLNode])
    case mapping([YAMLPair])
}

/// A key-value pair of a mapping, both with their positions.
public struct YAMLPair: Equatable, Sendable {
    public var key: YAMLNode
    public var value: YAMLNode

    public init(key: YAMLNode, value: YAMLNode) {
        self.key = key
        self.value = value
    }
}

/// A parsed YAML value with where it starts in the source (1-based line and column, in Unicode
/// scalars, as `Diagnostics.SourceFile` reports), so that the content model can point at the
/// offending value.
public struct YAMLNode: Equatable, Sendable {
    public var value: YAMLValue
    public var line: Int
    public var column: Int

    public init(_ value: YAMLValue, line: Int, column: Int) {
        self.value = value
        self.line = line
        self.column = column
    }

    /// The value for a string key of a mapping, or nil (also when this is not a mapping).
    public subscript(key: String) -> YAMLNode? {
        guard case .mapping(let pairs) = value else { return nil }
        return pairs.first { $0.key.value == .string(key) }?.value
    }

    /// The string keys of a mapping in document order.
    public var keys: [String] {
        guard case .mapping(let pairs) = value else { return [] }
        return pairs.compactMap { if case .string(let s) = $0.key.value { return s } else { return nil } }
    }

    public var string: String? {
        if case .string(let s) = value { return s }
        return nil
    }

    public var sequence: [YAMLNode]? {
        if case .sequence(let items) = value { return items }
        return nil
    }
}
