import ContentModel
import Diagnostics
import Foundation
import Report
import Templates

/// The annual reports belong to the site: every year with a definition under `content/reports/` is
/// written into the build (HTML and PDF) and linked through the `reports` template value, so the
/// published site always carries the reports of the content it shows.
enum SiteReports {
    static func years(root: URL) -> [Int] {
        AnnualReport.availableYears(root: root)
    }

    /// `[{year, title, html, pdf}]`, newest first, for the theme's links.
    static func value(years: [Int], data: SiteData) -> Value {
        .list(
            years.sorted(by: >).map { year in
                .object([
                    ("year", .int(year)),
                    ("title", .string("Jaarverslag \(year)")),
                    ("html", .string(data.url(AnnualReport.fileName(year: year, format: .html)))),
                    ("pdf", .string(data.url(AnnualReport.fileName(year: year, format: .pdf)))),
                ])
            })
    }

    /// The PDF's creation date: the build day (midnight UTC), as the pages' "today" is, so a rebuild of
    /// the same content on the same day gives the same bytes.
    static func creationDate(_ day: ContentDate) -> Date? {
        var components = DateComponents()
        (components.year, components.month, components.day) = (day.year, day.month, day.day)
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(identifier: "UTC")!
        return calendar.date(from: components)
    }
}

/// A value shared between threads, read and written under a lock.
final class LockedValue<T>: @unchecked Sendable {
    private let lock = NSLock()
    private var value: T

    init(_ value: T) { self.value = value }

    func get() -> T {
        lock.lock()
        defer { lock.unlock() }
        return value
    }

    func set(_ newValue: T) {
        lock.lock()
        value = newValue
        lock.unlock()
    }
}

/// Work started on a thread of its own, whose result (or error) is collected later.
final class BackgroundJob<T>: @unchecked Sendable {
    private var outcome: Result<T, Error>?
    private let done = DispatchSemaphore(value: 0)

    init(_ work: @escaping () throws -> T) {
        let thread = Thread { [self] in
            outcome = Result { try work() }
            done.signal()
        }
        thread.stackSize = 8 << 20
        thread.start()
    }

    /// Whether the work is done (without waiting).
    var isFinished: Bool {
        guard done.wait(timeout: .now()) == .success else { return false }
        done.signal()
        return true
    }

    /// Waits for the work and returns its result, or throws its error.
    func result() throws -> T {
        done.wait()
        done.signal()
        return try outcome!.get()
    }
}
