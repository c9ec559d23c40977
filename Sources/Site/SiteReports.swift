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
        .list(years.sorted(by: >).map { year in
            .object([
                ("year", .int(year)),
                ("title", .string("Jaarverslag \(year)")),
                ("html", .string(data.url(AnnualReport.fileName(year: year, format: .html)))),
                ("pdf", .string(data.url(AnnualReport.fileName(year: year, format: .pdf)))),
            ])
        })
    }

    /// Writes the public report of every year into `folder`; returns the number of files written and
    /// the warnings (e.g. a stale hand-made heading number).
    /// Internal data is never named here, also not in a build with `--internal`: that build is a
    /// preview of the site, and the internal report is a separate `breingen report --internal`.
    static func write(years: [Int], root: URL, into folder: URL) throws -> (files: Int, warnings: [Diagnostic]) {
        var files = 0
        var warnings: [Diagnostic] = []
        for year in years {
            let summary = try AnnualReport.generate(ReportOptions(root: root, year: year, output: folder))
            files += summary.files.count
            warnings += summary.warnings
        }
        return (files, warnings)
    }
}
