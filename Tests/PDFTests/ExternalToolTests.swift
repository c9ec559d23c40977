import Foundation
import TestSupport
import XCTest

@testable import PDF

/// Checks our PDF with independent tools: `qpdf --check`, poppler's `pdftotext` and Python's zlib for our
/// deflate encoder. When a tool is missing the test says so and passes; CI installs qpdf and poppler-utils.
final class ExternalToolTests: XCTestCase {
    private static let sample = Typesetter().typeset(ThemeFonts.sample())

    private func writeSample() throws -> URL {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("breingen-pdf-\(UUID().uuidString).pdf")
        try ExternalToolTests.sample.data.write(to: url)
        return url
    }

    func testQpdfFindsNoErrors() throws {
        guard let qpdf = ExternalTool.find("qpdf") else { return }
        let url = try writeSample()
        defer { try? FileManager.default.removeItem(at: url) }
        let (status, output) = try ExternalTool.run(qpdf, ["--check", url.path])
        XCTAssertEqual(status, 0, output)
        XCTAssertTrue(output.contains("No syntax or stream encoding errors"), output)
        XCTAssertFalse(output.contains("WARNING"), output)
    }

    func testTextComesOutInReadingOrder() throws {
        guard let pdftotext = ExternalTool.find("pdftotext") else { return }
        let url = try writeSample()
        defer { try? FileManager.default.removeItem(at: url) }
        for mode in [[], ["-layout"]] {
            let (status, raw) = try ExternalTool.run(pdftotext, mode + [url.path, "-"])
            XCTAssertEqual(status, 0, raw)
            // A word broken at the end of a line ends in U+00AD, which pdftotext keeps: join it back.
            let text = raw.replacingOccurrences(of: "\u{AD}\n", with: "")
            // Headings, contents and body follow each other in reading order.
            var cursor = text.startIndex
            for expected in [
                "Jaarverslag 2020", "Inhoud", "4 Financiën", "Voorwoord", "In 2020 werkte de alliantie",
                "1 Visie, missie, strategie en doelstelling", "1.1 Waar staat de MA voor",
                "2.3 Stimuleren van tolerantie bij kinderen", "Naam", "Lid 1", "Lid 2", "Lid 60",
                "4.2 Staat van baten en lasten", "Resultaat", "95.677", "Lasten per doelstelling",
                "norm 7%",
            ] {
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
        let (_, raw) = try ExternalTool.run(pdftotext, ["-layout", url.path, "-"])
        let lines = raw.split(separator: "\n").map { String($0) }
        let subsidy = lines.first { $0.contains("Subsidie ministerie van JenV") }
        let result = lines.first { $0.contains("Resultaat") && $0.contains("95.677") }
        XCTAssertNotNil(subsidy)
        XCTAssertNotNil(result)
        if let subsidy, let result {
            XCTAssertTrue(
                subsidy.range(of: #"JenV\s+240\.000\s+200\.000\s+0$"#, options: .regularExpression) != nil, subsidy)
            XCTAssertTrue(
                result.range(of: #"95\.677\s+32\.000\s+-3\.500$"#, options: .regularExpression) != nil, result)
            // Right-aligned: the last figures of both rows end in the same column (pdftotext's character
            // grid may round one column either way).
            XCTAssertLessThanOrEqual(abs(subsidy.count - result.count), 1)
        }
    }

    func testPopplerReadsTheFileWithoutComplaint() throws {
        guard let pdfinfo = ExternalTool.find("pdfinfo"), let pdftoppm = ExternalTool.find("pdftoppm") else { return }
        let url = try writeSample()
        defer { try? FileManager.default.removeItem(at: url) }
        // Poppler reports damage as "Syntax Error" or "Syntax Warning" on stderr (merged into output here).
        let (status, info) = try ExternalTool.run(pdfinfo, [url.path])
        XCTAssertEqual(status, 0, info)
        XCTAssertFalse(info.contains("Syntax"), info)
        XCTAssertTrue(info.contains("Pages:           \(ExternalToolTests.sample.pageCount)"), info)
        XCTAssertTrue(info.contains("Page size:       595.28 x 841.89 pts (A4)"), info)
        XCTAssertTrue(info.contains("Title:           Jaarverslag 2020"), info)
        let (renderStatus, render) = try ExternalTool.run(
            pdftoppm, ["-r", "10", "-f", "1", "-l", "3", url.path, url.deletingPathExtension().path])
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
        guard let python = ExternalTool.find("python3") else { return }
        var g = SplitMix64(seed: 3)
        let samples: [[UInt8]] = [
            [], Array("a".utf8), (0..<256).map { UInt8($0) },
            Array(String(repeating: "1 0 0 1 68 700 Tm (De alliantie brengt partijen samen.) Tj\n", count: 300).utf8),
            (0..<40_000).map { _ in UInt8(truncatingIfNeeded: g.next() % 7) },
            (0..<40_000).map { _ in UInt8(truncatingIfNeeded: g.next()) },
        ]
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent(
            "breingen-deflate-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        for (index, sample) in samples.enumerated() {
            try Data(sample).write(to: folder.appendingPathComponent("\(index).raw"))
            try Data(Deflate.zlib(sample)).write(to: folder.appendingPathComponent("\(index).z"))
        }
        let script =
            "import zlib,sys\nfor i in range(\(samples.count)):\n"
            + "    d=sys.argv[1]+'/'+str(i)\n"
            + "    assert zlib.decompress(open(d+'.z','rb').read())==open(d+'.raw','rb').read(), i\nprint('ok')"
        let (status, output) = try ExternalTool.run(python, ["-c", script, folder.path])
        XCTAssertEqual(status, 0, output)
        XCTAssertEqual(output.trimmingCharacters(in: .whitespacesAndNewlines), "ok")
    }

    func testContentsEntriesCarryTheirPageNumbers() throws {
        guard let pdftotext = ExternalTool.find("pdftotext") else { return }
        let url = try writeSample()
        defer { try? FileManager.default.removeItem(at: url) }
        let (_, text) = try ExternalTool.run(pdftotext, ["-f", "2", "-l", "2", url.path, "-"])
        for heading in ExternalToolTests.sample.headings where heading.level <= 2 && heading.title != "Inhoud" {
            let line = text.split(separator: "\n").first { $0.hasPrefix(heading.title + " .") }
            XCTAssertNotNil(line, "contents entry for \(heading.title)")
            XCTAssertTrue(line?.hasSuffix(" \(heading.page)") == true, "\(line ?? "") should end in \(heading.page)")
        }
    }

    /// The shared helper the checks above stand on: exit status, stdout and stderr merged, missing tools.
    func testExternalToolRunsAndFinds() throws {
        let (status, output) = try ExternalTool.run("/bin/sh", ["-c", "echo uit; echo fout >&2; exit 3"])
        XCTAssertEqual(status, 3)
        XCTAssertEqual(output, "uit\nfout\n")
        XCTAssertNil(ExternalTool.find("breingen-no-such-tool", skipping: "this test of the missing-tool note"))
        XCTAssertEqual(ExternalTool.installHint(for: "pdfinfo"), "apt-get install poppler-utils")
        XCTAssertEqual(ExternalTool.installHint(for: "qpdf"), "apt-get install qpdf")
    }
}
