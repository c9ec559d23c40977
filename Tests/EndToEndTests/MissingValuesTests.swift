import Foundation
import TestSupport
import XCTest

/// A site in which every optional field of every type is left out (fixture `optional-left-out`): no page,
/// feed, index or report prints "None", "null" or an empty label for a value that is not there.
final class MissingValuesTests: XCTestCase {
    func testNoOutputPrintsAMissingValue() throws {
        let site = try BreingenProcess.copyOfFixture("optional-left-out")
        defer { try? FileManager.default.removeItem(at: site) }
        let check = try BreingenProcess.run(["check"], in: site)
        XCTAssertEqual(check.status, 0, check.stderr)
        // The accessibility statement is one of the parts this site leaves out: check's one warning.
        XCTAssertTrue(check.stderr.hasPrefix("warning: de site heeft geen toegankelijkheidsverklaring"), check.stderr)
        XCTAssertTrue(check.stderr.contains("0 fouten, 1 waarschuwing"), check.stderr)
        let build = try BreingenProcess.run(["build", "-q"], in: site)
        XCTAssertEqual(build.status, 0, build.stderr)
        let output = site.appendingPathComponent("output")
        let files = SiteOutputChecks.files(in: output).filter { !$0.hasPrefix("assets/") }
        XCTAssertTrue(files.contains("jaarverslag-2023.html") && files.contains("jaarverslag-2023.pdf"), "\(files)")
        XCTAssertTrue(
            files.contains("zoeken/index/entry.json") && files.contains("feed.xml")
                && files.contains("best-practices/index.json"))
        var found: [String] = []
        for file in files {
            if file.hasSuffix(".html") {
                found += SiteOutputChecks.missingValueMarkers(inHTML: SiteOutputChecks.read(output, file), file: file)
            } else if file.hasSuffix(".json") || file.hasSuffix(".xml") || file.hasSuffix(".txt") {
                found += SiteOutputChecks.missingValueMarkers(inText: SiteOutputChecks.read(output, file), file: file)
            }
        }
        if let pdftotext = ExternalTool.find("pdftotext", skipping: "the report PDF in this scan") {
            let (status, text) = try ExternalTool.run(
                pdftotext, [output.appendingPathComponent("jaarverslag-2023.pdf").path, "-"])
            XCTAssertEqual(status, 0, text)
            found += SiteOutputChecks.missingValueMarkers(inText: text, file: "jaarverslag-2023.pdf")
            // Optional parts leave no label behind: no "Looptijd", no fte when none is given, no empty Kengetallen.
            for label in ["Looptijd", "fte", "Kengetallen", "Partners", "Bron:"] {
                XCTAssertFalse(text.contains(label), "'\(label)' in het verslag, maar de waarde ontbreekt")
            }
        }
        XCTAssertEqual(found, [])
        // The scan itself finds what it looks for.
        XCTAssertEqual(
            SiteOutputChecks.missingValueMarkers(inHTML: "<td>None</td><dd></dd><p>()</p>", file: "x").count, 3)
    }
}
