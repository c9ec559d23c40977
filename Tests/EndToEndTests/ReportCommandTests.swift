import Foundation
import TestSupport
import XCTest

/// `breingen report` as a user runs it, on the project's example content.
final class ReportCommandTests: XCTestCase {
    private let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent()

    private func temporaryFolder() -> URL {
        FileManager.default.temporaryDirectory.appendingPathComponent("breingen-report-e2e-\(UUID().uuidString)")
    }

    func testWritesHTMLAndPDF() throws {
        let output = temporaryFolder()
        defer { try? FileManager.default.removeItem(at: output) }
        let result = try BreingenProcess.run(["report", "--year", "2020", "--root", root.path, "--output", output.path])
        XCTAssertEqual(result.status, 0, result.stderr)
        let html = try String(contentsOf: output.appendingPathComponent("jaarverslag-2020.html"), encoding: .utf8)
        XCTAssertTrue(html.hasPrefix("<!DOCTYPE html>"))
        XCTAssertTrue(html.contains("Staat van baten en lasten"))
        let pdf = try Data(contentsOf: output.appendingPathComponent("jaarverslag-2020.pdf"))
        XCTAssertTrue(pdf.starts(with: Array("%PDF-1.7".utf8)))
        XCTAssertTrue(result.stderr.contains("jaarverslag 2020 gemaakt"), result.stderr)
        XCTAssertTrue(result.stderr.contains("pagina's"), result.stderr)
    }

    func testSourceDateEpochMakesThePDFReproducible() throws {
        let first = temporaryFolder()
        let second = temporaryFolder()
        defer {
            try? FileManager.default.removeItem(at: first)
            try? FileManager.default.removeItem(at: second)
        }
        for output in [first, second] {
            let result = try BreingenProcess.run(
                ["report", "--year", "2020", "--root", root.path, "-o", output.path, "-q"],
                environment: ["SOURCE_DATE_EPOCH": "1622505600"])
            XCTAssertEqual(result.status, 0, result.stderr)
        }
        for name in ["jaarverslag-2020.pdf", "jaarverslag-2020.html"] {
            XCTAssertEqual(
                try Data(contentsOf: first.appendingPathComponent(name)),
                try Data(contentsOf: second.appendingPathComponent(name)), name)
        }
    }

    /// The site's finance page, the HTML report and the PDF report print the same figures: every amount
    /// of the 2020 statements (read straight from the CSV files) and the ratios.
    func testSiteHTMLAndPDFShowTheSameFinancialFigures() throws {
        let site = temporaryFolder()
        defer { try? FileManager.default.removeItem(at: site) }
        try FileManager.default.createDirectory(at: site, withIntermediateDirectories: true)
        for folder in ["content", "themes"] {
            try FileManager.default.copyItem(
                at: root.appendingPathComponent(folder), to: site.appendingPathComponent(folder))
        }
        let build = try BreingenProcess.run(["build", "-q"], in: site)
        XCTAssertEqual(build.status, 0, build.stderr)
        let report = try BreingenProcess.run(["report", "--year", "2020", "-q"], in: site)
        XCTAssertEqual(report.status, 0, report.stderr)

        func text(ofHTML url: URL) throws -> String {
            SiteOutputChecks.visibleText(ofHTML: try String(contentsOf: url, encoding: .utf8))
        }
        var sources = [
            "de site (financien/2020/)": try text(
                ofHTML: site.appendingPathComponent("output/financien/2020/index.html")),
            "het HTML-verslag": try text(ofHTML: site.appendingPathComponent("output/jaarverslag-2020.html")),
        ]
        if let pdftotext = ExternalTool.find(
            "pdftotext", skipping: "the PDF in this comparison; the PDF's figures are checked in ReportTests only")
        {
            let (status, text) = try ExternalTool.run(
                pdftotext, [site.appendingPathComponent("output/jaarverslag-2020.pdf").path, "-"])
            XCTAssertEqual(status, 0, text)
            sources["het PDF-verslag"] = text.replacingOccurrences(of: "\u{A0}", with: " ")
        }

        var figures: Set<String> = ["95.677", "80,8%", "4,3%"]
        for file in ["baten-en-lasten.csv", "verdeling-lasten.csv"] {
            let csv = try String(
                contentsOf: root.appendingPathComponent("content/finance/2020/\(file)"), encoding: .utf8)
            for line in csv.split(separator: "\n").dropFirst() {
                for cell in line.split(separator: ";").dropFirst() where cell != "0" { figures.insert(String(cell)) }
            }
        }
        XCTAssertGreaterThan(figures.count, 40)
        for (name, text) in sources {
            for figure in figures.sorted() {
                XCTAssertTrue(text.contains(figure), "\(figure) ontbreekt in \(name)")
            }
        }
    }

    func testFormatOptionWritesOnlyThatFormat() throws {
        let output = temporaryFolder()
        defer { try? FileManager.default.removeItem(at: output) }
        let result = try BreingenProcess.run([
            "report", "-y", "2020", "--format", "pdf", "--root", root.path, "-o", output.path, "-q",
        ])
        XCTAssertEqual(result.status, 0, result.stderr)
        XCTAssertEqual(result.stderr, "")
        let files = try FileManager.default.contentsOfDirectory(atPath: output.path)
        XCTAssertEqual(files, ["jaarverslag-2020.pdf"])
    }

    func testInternalReportHasItsOwnName() throws {
        let output = temporaryFolder()
        defer { try? FileManager.default.removeItem(at: output) }
        let result = try BreingenProcess.run([
            "report", "--year", "2020", "--internal", "-f", "html", "--root", root.path, "-o", output.path, "-q",
        ])
        XCTAssertEqual(result.status, 0, result.stderr)
        let html = try String(
            contentsOf: output.appendingPathComponent("jaarverslag-2020-intern.html"), encoding: .utf8)
        XCTAssertTrue(html.contains("Het Baken"))
        XCTAssertTrue(html.contains("INTERNE VERSIE"))
        XCTAssertFalse(
            FileManager.default.fileExists(atPath: output.appendingPathComponent("jaarverslag-2020.html").path))
    }

    func testYearWithoutContentIsAnErrorThatSaysWhatIsMissing() throws {
        let output = temporaryFolder()
        defer { try? FileManager.default.removeItem(at: output) }
        let result = try BreingenProcess.run(["report", "--year", "2019", "--root", root.path, "-o", output.path])
        XCTAssertEqual(result.status, 1)
        XCTAssertTrue(
            result.stderr.hasPrefix(
                "content/reports/2019/report.yml: error: geen jaarverslag voor 2019: content/reports/2019/report.yml ontbreekt"
            ), result.stderr)
        XCTAssertTrue(result.stderr.contains("jaren met een jaarverslag: 2020"), result.stderr)
        XCTAssertFalse(FileManager.default.fileExists(atPath: output.path))
    }

    func testUsageErrors() throws {
        let missingYear = try BreingenProcess.run(["report", "--root", root.path])
        XCTAssertEqual(missingYear.status, 2)
        XCTAssertTrue(
            missingYear.stderr.contains("welk jaar? geef --year JAAR (jaren met een jaarverslag: 2020)"),
            missingYear.stderr)
        let badFormat = try BreingenProcess.run([
            "report", "--year", "2020", "--format", "html,pfd", "--root", root.path,
        ])
        XCTAssertEqual(badFormat.status, 2)
        XCTAssertTrue(
            badFormat.stderr.contains("onbekend formaat 'pfd'; kies html, pdf of html,pdf; bedoelde je 'pdf'?"),
            badFormat.stderr)
        let badYear = try BreingenProcess.run(["report", "--year", "twintig"])
        XCTAssertEqual(badYear.status, 2)
        XCTAssertTrue(badYear.stderr.contains("'twintig' is geen jaartal"), badYear.stderr)
    }

    func testHelpListsReport() throws {
        let result = try BreingenProcess.run(["help", "report"])
        XCTAssertEqual(result.status, 0)
        XCTAssertTrue(result.stdout.contains("Gebruik: breingen report --year JAAR"))
        XCTAssertTrue(result.stdout.contains("--internal"))
    }
}
