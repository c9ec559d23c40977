import Foundation
import Diagnostics
@testable import Report

/// The project's own example content (`content/` at the package root), built once per test run.
enum ExampleSite {
    static let root = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    private static let cached: Result<(ReportDocument, [Diagnostics.Diagnostic]), Error> = Result {
        try AnnualReport.document(root: root, year: 2020)
    }

    static func report2020() throws -> (ReportDocument, [Diagnostics.Diagnostic]) { try cached.get() }
}
