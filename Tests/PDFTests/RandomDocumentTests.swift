import PDFTestSupport
import TestSupport
import XCTest

@testable import PDF

/// Random documents, odd characters and sizes included: every one must give a PDF that reads back
/// consistently, never a crash.
final class RandomDocumentTests: XCTestCase {
    private let alphabet: [String] = [
        "a", "b", "é", "ë", "€", " ", " ", " ", "-", "/", "(", ")", "\\", "\n", "🙂", "ő",
        "—", "…", "\u{00A0}", "\u{00AD}", "x", "y", "Z", "1", "2", "%", "\t", "大",
    ]

    private func text(_ g: inout SplitMix64, maxLength: Int) -> String {
        let n = Int(g.next() % UInt64(maxLength + 1))
        var s = ""
        for _ in 0..<n { s += alphabet[Int(g.next() % UInt64(alphabet.count))] }
        return s
    }

    private func runs(_ g: inout SplitMix64) -> [TextRun] {
        (0..<Int(g.next() % 4)).map { _ in
            TextRun(
                text(&g, maxLength: 200), bold: g.next() % 2 == 0, italic: g.next() % 3 == 0,
                link: g.next() % 5 == 0
                    ? .url("https://example.org/\(g.next() % 100)") : (g.next() % 7 == 0 ? .anchor("h2") : nil))
        }
    }

    func testRandomDocumentsAreAlwaysValid() throws {
        var g = SplitMix64(seed: 7)
        for round in 0..<10 {
            var blocks: [Block] = []
            if g.next() % 2 == 0 {
                blocks.append(.tableOfContents(title: text(&g, maxLength: 20), maxLevel: Int(g.next() % 4)))
            }
            for _ in 0..<Int(g.next() % 30) {
                switch g.next() % 7 {
                case 0: blocks.append(.heading(Heading(level: Int(g.next() % 5), text: text(&g, maxLength: 60))))
                case 1, 2: blocks.append(.paragraph(runs(&g)))
                case 3:
                    blocks.append(
                        .list(
                            ListBlock(
                                ordered: g.next() % 2 == 0,
                                items: (0..<Int(g.next() % 5)).map { _ in ListItem(runs(&g)) })))
                case 4:
                    let columns = Int(g.next() % 5)
                    blocks.append(
                        .table(
                            Table(
                                columns: (0..<columns).map { _ in TableColumn() },
                                header: g.next() % 2 == 0 ? [(0..<columns).map { _ in text(&g, maxLength: 15) }] : [],
                                rows: (0..<Int(g.next() % 40)).map { _ in
                                    TableRow(
                                        (0..<Int(g.next() % 6)).map { _ in text(&g, maxLength: 40) },
                                        bold: g.next() % 9 == 0)
                                })))
                case 5:
                    blocks.append(
                        .barChart(
                            BarChart(
                                title: text(&g, maxLength: 30),
                                bars: (0..<Int(g.next() % 30)).map { _ in
                                    BarChart.Bar(
                                        label: text(&g, maxLength: 30), value: Double(Int(g.next() % 2000)) - 500,
                                        valueLabel: text(&g, maxLength: 8))
                                })))
                default: blocks.append(.pageBreak)
                }
            }
            let document = TypesetDocument(
                metadata: DocumentMetadata(
                    title: text(&g, maxLength: 30), author: text(&g, maxLength: 10),
                    creationDate: Date(timeIntervalSince1970: 0)),
                cover: g.next() % 2 == 0
                    ? Cover(title: text(&g, maxLength: 80), lines: [text(&g, maxLength: 20)]) : nil,
                runningHeader: text(&g, maxLength: 120), blocks: blocks)
            let result = Typesetter().typeset(document)
            let pdf = try PDFInspector(bytes: result.bytes)
            XCTAssertEqual(pdf.pageCount, result.pageCount, "round \(round)")
            XCTAssertEqual(pdf.outline.count, result.headings.count, "round \(round)")
            XCTAssertEqual(pdf.pageContents.count, result.pageCount, "round \(round)")
        }
    }
}
