import Foundation
import XCTest
@testable import Report

/// Checks the example report's PDF with independent tools: `qpdf --check` and poppler's `pdftotext`.
/// When a tool is missing the test prints so and passes; CI installs both (qpdf, poppler-utils).
final class ReportExternalToolTests: XCTestCase {
    private func tool(_ name: String) -> String? {
        for directory in (ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin").split(separator: ":") {
            let path = "\(directory)/\(name)"
            if FileManager.default.isExecutableFile(atPath: path) { return path }
        }
        print("NOTE: \(name) is not installed; skipping this check of the report PDF (apt-get install qpdf poppler-utils)")
        return nil
    }

    private func run(_ executable: String, _ arguments: [String]) throws -> (status: Int32, output: String) {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: executable)
        process.arguments = arguments
        let pipe = Pipe()
        process.standardOutput = pipe
        process.standardError = pipe
        try process.run()
        let data = pipe.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return (process.terminationStatus, String(decoding: data, as: UTF8.self))
    }

    private func writePDF() throws -> URL {
        let (report, _) = try ExampleSite.report2020()
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("breingen-jaarverslag-\(UUID().uuidString).pdf")
        try AnnualReport.pdf(report).data.write(to: url)
        return url
    }

    func testQpdfFindsNoErrors() throws {
        guard let qpdf = tool("qpdf") else { return }
        let url = try writePDF()
        defer { try? FileManager.default.removeItem(at: url) }
        let (status, output) = try run(qpdf, ["--check", url.path])
        XCTAssertEqual(status, 0, output)
        XCTAssertTrue(output.contains("No syntax or stream encoding errors"), output)
        XCTAssertFalse(output.contains("WARNING"), output)
    }

    func testPdftotextReadsTheReportInOrder() throws {
        guard let pdftotext = tool("pdftotext") else { return }
        let url = try writePDF()
        defer { try? FileManager.default.removeItem(at: url) }
        let (status, raw) = try run(pdftotext, [url.path, "-"])
        XCTAssertEqual(status, 0, raw)
        let text = raw.replacingOccurrences(of: "\u{A0}", with: " ")
        var cursor = text.startIndex
        for expected in ["Jaarverslag 2020", "Inhoud", "Voorwoord: wat een jaar!", "Hayde Zarkeshan",
                         "1 Visie, missie, strategie en doelstelling", "1.9 Beleidsvisie van het kabinet op filantropie",
                         "2.1 Sociale huisvesting", "2.2 Onderwijs", "2.3 Stimuleren van tolerantie bij kinderen", "WIJ SCHOOL in 2020",
                         "3 Organisatie", "3.2.1 Nieuwe leden", "3.3 Programmabureau", "2,2 fte",
                         "4 Financiën", "Het resultaat over 2020 is € 95.677", "4.2 Staat van baten en lasten", "Som der baten", "614.000",
                         "Resultaat", "95.677", "4.3 Verdeling van de lasten over doelstellingen", "518.323"] {
            guard let range = text.range(of: expected, range: cursor..<text.endIndex) else {
                return XCTFail("'\(expected)' staat niet (of niet op zijn plaats) in de tekst van pdftotext")
            }
            cursor = range.upperBound
        }
        XCTAssertTrue(text.contains("pagina 2 van "))
    }
}
