import Foundation
import XCTest
@testable import PDF

/// Checks our PDF with independent tools: `qpdf --check`, poppler's `pdftotext` and Python's zlib for our
/// deflate encoder. When a tool is missing the test says so and passes; CI installs qpdf and poppler-utils.
final class ExternalToolTests: XCTestCase {
    private static let sample = Typesetter().typeset(SampleDocument.annualReport(sectionsPerTheme: 3, tableRows: 60))

    private func tool(_ name: String) -> String? {
        for directory in (ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin").split(separator: ":") {
            let path = "\(directory)/\(name)"
            if FileManager.default.isExecutableFile(atPath: path) { return path }
        }
        print("NOTE: \(name) is not installed; skipping this check (apt-get install qpdf poppler-utils)")
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

    private func writeSample() throws -> URL {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("breingen-pdf-\(UUID().uuidString).pdf")
        try ExternalToolTests.sample.data.write(to: url)
        return url
    }

    func testQpdfFindsNoErrors() throws {
        guard let qpdf = tool("qpdf") else { return }
        let url = try writeSample()
        defer { try? FileManager.default.removeItem(at: url) }
        let (status, output) = try run(qpdf, ["--check", url.path])
        XCTAssertEqual(status, 0, output)
        XCTAssertTrue(output.contains("No syntax or stream encoding errors"), output)
        XCTAssertFalse(output.contains("WARNING"), output)
    }

    func testTextComesOutInReadingOrder() throws {
        guard let pdftotext = tool("pdftotext") else { return }
        let url = try writeSample()
        defer { try? FileManager.default.removeItem(at: url) }
        for mode in [[], ["-layout"]] {
            let (status, raw) = try run(pdftotext, mode + [url.path, "-"])
            XCTAssertEqual(status, 0, raw)
            let text = raw.replacingOccurrences(of: "\u{A0}", with: " ")
            // Headings, contents and body follow each other in reading order.
            var cursor = text.startIndex
            for expected in ["Jaarverslag 2020", "Inhoud", "4 Financiën", "Voorwoord", "In 2020 werkte de alliantie",
                             "1 Visie, missie, strategie en doelstelling", "1.1 Waar staat de MA voor",
                             "2.3 Stimuleren van tolerantie bij kinderen", "Naam", "Lid 1", "Lid 2", "Lid 60",
                             "4.2 Staat van baten en lasten", "Resultaat", "95.677", "Lasten per doelstelling",
                             "norm 7%"] {
                guard let found = text.range(of: expected, range: cursor..<text.endIndex) else {
                    XCTFail("'\(expected)' missing or out of order (pdftotext \(mode))")
                    return
                }
                cursor = found.upperBound
            }
            // Every Dutch character and the euro sign survive, with word spaces between the words.
            XCTAssertTrue(text.contains("é ë ï ó ö ü è à ç, ‘enkele’ en “dubbele”"), "pdftotext \(mode)")
            XCTAssertTrue(text.contains("het beletselteken … en € 95.677"), "pdftotext \(mode)")
            XCTAssertTrue(text.contains("pagina 3 van \(ExternalToolTests.sample.pageCount)"))
        }
        // With -layout a table row is one line, its amounts right-aligned in their columns.
        let (_, raw) = try run(pdftotext, ["-layout", url.path, "-"])
        let lines = raw.split(separator: "\n").map { String($0).replacingOccurrences(of: "\u{A0}", with: " ") }
        let subsidy = lines.first { $0.contains("Subsidie ministerie van JenV") }
        let result = lines.first { $0.contains("Resultaat") && $0.contains("95.677") }
        XCTAssertNotNil(subsidy)
        XCTAssertNotNil(result)
        if let subsidy, let result {
            XCTAssertTrue(subsidy.range(of: #"JenV\s+240\.000\s+200\.000\s+0$"#, options: .regularExpression) != nil, subsidy)
            XCTAssertTrue(result.range(of: #"95\.677\s+32\.000\s+-3\.500$"#, options: .regularExpression) != nil, result)
            // Right-aligned: the last figures of both rows end in the same column (pdftotext's character
            // grid may round one column either way).
            XCTAssertLessThanOrEqual(abs(subsidy.count - result.count), 1)
        }
    }

    func testPopplerReadsTheFileWithoutComplaint() throws {
        guard let pdfinfo = tool("pdfinfo"), let pdftoppm = tool("pdftoppm") else { return }
        let url = try writeSample()
        defer { try? FileManager.default.removeItem(at: url) }
        // Poppler reports damage as "Syntax Error" or "Syntax Warning" on stderr (merged into output here).
        let (status, info) = try run(pdfinfo, [url.path])
        XCTAssertEqual(status, 0, info)
        XCTAssertFalse(info.contains("Syntax"), info)
        XCTAssertTrue(info.contains("Pages:           \(ExternalToolTests.sample.pageCount)"), info)
        XCTAssertTrue(info.contains("Page size:       595.28 x 841.89 pts (A4)"), info)
        XCTAssertTrue(info.contains("Title:           Jaarverslag 2020"), info)
        let (renderStatus, render) = try run(pdftoppm, ["-r", "10", "-f", "1", "-l", "3", url.path, url.deletingPathExtension().path])
        XCTAssertEqual(renderStatus, 0, render)
        XCTAssertFalse(render.contains("Syntax"), render)
        for page in 1...3 {
            let suffix = ExternalToolTests.sample.pageCount >= 10 ? String(format: "-%02d.ppm", page) : "-\(page).ppm"
            let image = URL(fileURLWithPath: url.deletingPathExtension().path + suffix)
            XCTAssertTrue(FileManager.default.fileExists(atPath: image.path), image.path)
            try? FileManager.default.removeItem(at: image)
        }
    }

    func testPythonZlibDecodesOurDeflate() throws {
        guard let python = tool("python3") else { return }
        var g = SeededGenerator(seed: 3)
        let samples: [[UInt8]] = [
            [], Array("a".utf8), (0..<256).map { UInt8($0) },
            Array(String(repeating: "1 0 0 1 68 700 Tm (De alliantie brengt partijen samen.) Tj\n", count: 300).utf8),
            (0..<40_000).map { _ in UInt8(truncatingIfNeeded: g.next() % 7) },
            (0..<40_000).map { _ in UInt8(truncatingIfNeeded: g.next()) },
        ]
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("breingen-deflate-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        for (index, sample) in samples.enumerated() {
            try Data(sample).write(to: folder.appendingPathComponent("\(index).raw"))
            try Data(Deflate.zlib(sample)).write(to: folder.appendingPathComponent("\(index).z"))
        }
        let script = "import zlib,sys\nfor i in range(\(samples.count)):\n"
            + "    d=sys.argv[1]+'/'+str(i)\n"
            + "    assert zlib.decompress(open(d+'.z','rb').read())==open(d+'.raw','rb').read(), i\nprint('ok')"
        let (status, output) = try run(python, ["-c", script, folder.path])
        XCTAssertEqual(status, 0, output)
        XCTAssertEqual(output.trimmingCharacters(in: .whitespacesAndNewlines), "ok")
    }

    func testContentsEntriesCarryTheirPageNumbers() throws {
        guard let pdftotext = tool("pdftotext") else { return }
        let url = try writeSample()
        defer { try? FileManager.default.removeItem(at: url) }
        let (_, text) = try run(pdftotext, ["-f", "2", "-l", "2", url.path, "-"])
        for heading in ExternalToolTests.sample.headings where heading.level <= 2 && heading.title != "Inhoud" {
            let line = text.split(separator: "\n").first { $0.hasPrefix(heading.title + " .") }
            XCTAssertNotNil(line, "contents entry for \(heading.title)")
            XCTAssertTrue(line?.hasSuffix(" \(heading.page)") == true, "\(line ?? "") should end in \(heading.page)")
        }
    }
}
