/// Recognises YAML timestamps in plain scalars: `2020-09-23`, and date-times such as `2020-09-23T14:30:00Z`,
/// `2020-09-23 14:30:00.5 +02:00` or (unlike PyYAML) `2020-09-23 14:30` without seconds. Impossible dates
/// (`2021-02-29`) are errors, as in PyYAML.
enum YAMLDateScanner {
    static func resolve(_ s: UnsafeBufferPointer<UInt8>) -> YAMLScalarResolver.Result {
        var scanner = Cursor(s)
        guard let year = scanner.digits(4, 4), scanner.take(UInt8(ascii: "-")) else { return .string }
        let monthStart = scanner.i
        guard let month = scanner.digits(1, 2), scanner.take(UInt8(ascii: "-")) else { return .string }
        let monthWidth = scanner.i - monthStart - 1
        let dayStart = scanner.i
        guard let day = scanner.digits(1, 2) else { return .string }
        let dayWidth = scanner.i - dayStart
        if scanner.atEnd {
            // A date alone must be written in full: `2020-9-3` stays a string, as in PyYAML.
            guard monthWidth == 2 && dayWidth == 2 else { return .string }
            return checked(YAMLDate(year: year, month: month, day: day))
        }
        // The separator between date and time: `T`, `t` or blanks.
        if scanner.take(UInt8(ascii: "T")) || scanner.take(UInt8(ascii: "t")) {
        } else if scanner.skipBlanks() == 0 {
            return .string
        }
        guard let hour = scanner.digits(1, 2), scanner.take(UInt8(ascii: ":")), let minute = scanner.digits(2, 2) else {
            return .string
        }
        var second = 0
        var nanosecond: Int? = nil
        if scanner.take(UInt8(ascii: ":")) {
            guard let s = scanner.digits(2, 2) else { return .string }
            second = s
            if scanner.take(UInt8(ascii: ".")) {
                // Any number of fraction digits; nanoseconds keep the first nine.
                var value = 0
                var count = 0
                while let d = scanner.digit() {
                    if count < 9 { value = value * 10 + d }
                    count += 1
                }
                while count < 9 {
                    value *= 10
                    count += 1
                }
                nanosecond = value
            }
        }
        var offset: Int? = nil
        scanner.skipBlanks()
        if scanner.take(UInt8(ascii: "Z")) {
            offset = 0
        } else if let sign = scanner.peek(), sign == UInt8(ascii: "+") || sign == UInt8(ascii: "-") {
            scanner.i += 1
            guard let h = scanner.digits(1, 2) else { return .string }
            var m = 0
            if scanner.take(UInt8(ascii: ":")) {
                guard let mm = scanner.digits(2, 2) else { return .string }
                m = mm
            }
            offset = (sign == UInt8(ascii: "-") ? -1 : 1) * (h * 60 + m)
        }
        guard scanner.atEnd else { return .string }
        guard hour <= 23 && minute <= 59 && second <= 59 else {
            return .error("onmogelijke tijd \(String(decoding: s, as: UTF8.self)); uren 0–23, minuten en seconden 0–59")
        }
        return checked(
            YAMLDate(
                year: year, month: month, day: day, hour: hour, minute: minute, second: second,
                utcOffsetMinutes: offset, nanosecond: nanosecond))
    }

    private static func checked(_ date: YAMLDate) -> YAMLScalarResolver.Result {
        guard date.month >= 1 && date.month <= 12 else {
            return .error("onmogelijke datum \(date.description): maand \(date.month) bestaat niet")
        }
        let days = daysInMonth(year: date.year, month: date.month)
        guard date.day >= 1 && date.day <= days else {
            return .error("onmogelijke datum \(date.description): die maand heeft \(days) dagen")
        }
        guard date.year >= 1 else { return .error("onmogelijke datum \(date.description): jaar 0 bestaat niet") }
        return .value(.date(date))
    }

    /// Days in a month of the proleptic Gregorian calendar.
    static func daysInMonth(year: Int, month: Int) -> Int {
        YAMLDate.days(inMonth: month, year: year)
    }

    private struct Cursor {
        let s: UnsafeBufferPointer<UInt8>
        var i = 0

        init(_ s: UnsafeBufferPointer<UInt8>) { self.s = s }

        var atEnd: Bool { i >= s.count }

        func peek() -> UInt8? { i < s.count ? s[i] : nil }

        mutating func take(_ c: UInt8) -> Bool {
            guard i < s.count && s[i] == c else { return false }
            i += 1
            return true
        }

        mutating func digit() -> Int? {
            guard i < s.count, s[i] >= UInt8(ascii: "0"), s[i] <= UInt8(ascii: "9") else { return nil }
            i += 1
            return Int(s[i - 1] - UInt8(ascii: "0"))
        }

        /// Between `min` and `max` digits as a number, or nil (without moving) when fewer than `min`.
        mutating func digits(_ min: Int, _ max: Int) -> Int? {
            let start = i
            var value = 0
            while i - start < max, let d = digit() { value = value * 10 + d }
            if i - start < min {
                i = start
                return nil
            }
            return value
        }

        @discardableResult
        mutating func skipBlanks() -> Int {
            let start = i
            while i < s.count && (s[i] == 0x20 || s[i] == 0x09) { i += 1 }
            return i - start
        }
    }
}

extension YAMLDate {
    /// Days in a month (1...12) of the proleptic Gregorian calendar.
    public static func days(inMonth month: Int, year: Int) -> Int {
        switch month {
        case 2: return (year % 4 == 0 && year % 100 != 0) || year % 400 == 0 ? 29 : 28
        case 4, 6, 9, 11: return 30
        default: return 31
        }
    }
}
