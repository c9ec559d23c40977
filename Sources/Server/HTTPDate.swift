import Foundation

#if canImport(Glibc)
    import Glibc
#endif

/// The `Date` header value (IMF-fixdate), formatted by hand and cached per second: Foundation's
/// formatters are too slow for every response.
final class HTTPDate: @unchecked Sendable {
    private let lock = NSLock()
    private var second: time_t = -1
    private var text = ""

    private static let days = ["Sun", "Mon", "Tue", "Wed", "Thu", "Fri", "Sat"]
    private static let months = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"]

    var now: String {
        let current = time(nil)
        lock.lock()
        defer { lock.unlock() }
        if current != second {
            second = current
            text = HTTPDate.format(current)
        }
        return text
    }

    static func format(_ seconds: time_t) -> String {
        var value = seconds
        var parts = tm()
        gmtime_r(&value, &parts)
        func two(_ n: Int32) -> String { n < 10 ? "0\(n)" : "\(n)" }
        return
            "\(days[Int(parts.tm_wday)]), \(two(parts.tm_mday)) \(months[Int(parts.tm_mon)]) \(parts.tm_year + 1900) "
            + "\(two(parts.tm_hour)):\(two(parts.tm_min)):\(two(parts.tm_sec)) GMT"
    }
}
