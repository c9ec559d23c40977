import Diagnostics
import Foundation

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

extension ExampleSite {
    /// A fresh temporary site with a copy of the example `content/` and the default theme (with its
    /// fonts), to change in a test.
    static func copy() throws -> URL {
        let target = FileManager.default.temporaryDirectory.appendingPathComponent(
            "breingen-report-\(UUID().uuidString)")
        try FileManager.default.createDirectory(
            at: target.appendingPathComponent("themes"), withIntermediateDirectories: true)
        try FileManager.default.copyItem(
            at: root.appendingPathComponent("content"), to: target.appendingPathComponent("content"))
        try FileManager.default.copyItem(
            at: root.appendingPathComponent("themes/default"),
            to: target.appendingPathComponent("themes/default"))
        return target
    }

    /// Replaces text in a file of a copied site; fails loudly when the text is not there.
    static func edit(_ site: URL, _ path: String, replacing old: String, with new: String) throws {
        let url = site.appendingPathComponent(path)
        let text = try String(contentsOf: url, encoding: .utf8)
        guard text.contains(old) else {
            throw CocoaError(
                .fileReadCorruptFile, userInfo: [NSLocalizedDescriptionKey: "'\(old)' staat niet in \(path)"])
        }
        try text.replacingOccurrences(of: old, with: new).write(to: url, atomically: true, encoding: .utf8)
    }
}
