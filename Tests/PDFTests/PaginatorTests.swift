import XCTest

@testable import PDF

final class PaginatorTests: XCTestCase {
    private let paginator = Paginator(contentHeight: 100, top: 0)

    private func filler(_ n: Int) -> [Slice] { (0..<n).map { _ in Slice(height: 10) } }

    /// A paragraph of `n` lines of height 10, with the widow and orphan rules of the flow builder.
    private func paragraph(_ n: Int) -> [Slice] {
        let line = BrokenLine(pieces: [], width: 0, wordSpacing: 0, size: 10)
        return FlowBuilder.lineSlices([BrokenLine](repeating: line, count: n), x: 0, leading: 1)
    }

    func testWidowAndOrphanFlags() {
        XCTAssertEqual(paragraph(5).map(\.breakAllowedBefore), [true, false, true, true, false])
        XCTAssertEqual(paragraph(3).map(\.breakAllowedBefore), [true, false, false])
    }

    func testAParagraphNeverLeavesOneLineBehind() {
        // Nine lines of filler leave room for one line: the whole paragraph moves on.
        let pages = paginator.paginate(filler(9) + paragraph(5))
        XCTAssertEqual(pages.map(\.count), [9, 5])
    }

    func testAParagraphNeverCarriesOneLineOver() {
        // Six lines of filler leave room for four of five lines: three stay, two go.
        let pages = paginator.paginate(filler(6) + paragraph(5))
        XCTAssertEqual(pages.map(\.count), [9, 2])
        // Seven leave room for three: three stay, two go.
        XCTAssertEqual(paginator.paginate(filler(7) + paragraph(5)).map(\.count), [10, 2])
    }

    func testAHeadingGoesWithWhatFollows() {
        var heading = Slice(height: 10)
        heading.heading = HeadingMark(level: 2, title: "2.1 Onderwijs", anchor: "h1", inContents: true)
        var body = paragraph(4)
        body[0].breakAllowedBefore = false  // as the flow builder marks the slice after a heading
        let pages = paginator.paginate(filler(8) + [heading] + body)
        XCTAssertEqual(pages.map(\.count), [8, 5])
        XCTAssertNotNil(pages[1][0].slice.heading)
    }

    func testNewPageAndSpaceAtThePageTop() {
        var chapter = Slice(height: 10, spaceBefore: 30)
        chapter.newPageBefore = true
        let pages = paginator.paginate(filler(2) + [chapter] + filler(1))
        XCTAssertEqual(pages.map(\.count), [2, 2])
        XCTAssertEqual(pages[1][0].top, 0, "space before is dropped at the top of a page")
        XCTAssertEqual(pages[1][1].top, 10)
    }

    func testASliceTallerThanThePageStillGetsPlaced() {
        let pages = paginator.paginate([Slice(height: 250)] + filler(3))
        XCTAssertEqual(pages.map(\.count), [1, 3])
    }

    func testTableHeaderRepeatsOnEveryPage() {
        var style = DocumentStyle()
        style.marginLeft = 0
        let layout = TableLayout(style: style, width: 400)
        let rows = (1...40).map { TableRow(["Lid \($0)", "€ \($0 * 1000)"]) }
        let slices = layout.slices(
            for: Table(columns: [TableColumn(), TableColumn()], header: [["Naam", "Bijdrage"]], rows: rows))
        let rowHeight = slices[1].height
        let pages = Paginator(contentHeight: rowHeight * 12.5, top: 0).paginate(slices)
        XCTAssertGreaterThan(pages.count, 3)
        for (index, page) in pages.enumerated() {
            let first = texts(page[0].slice)
            XCTAssertEqual(first.first, "Naam", "page \(index + 1) starts with the header")
            XCTAssertLessThanOrEqual(page.last!.top + page.last!.slice.height, rowHeight * 12.5 + 0.001)
        }
        // Every body row appears exactly once.
        let bodyRows = pages.flatMap { $0 }.map { texts($0.slice) }.filter { $0.first?.hasPrefix("Lid") == true }
        XCTAssertEqual(bodyRows.map { $0[0] }, (1...40).map { "Lid \($0)" })
        // The last page never holds a lone row.
        XCTAssertGreaterThanOrEqual(pages.last!.count, 3)
    }

    func testALongChartContinuesOnTheNextPage() {
        var style = DocumentStyle()
        style.marginLeft = 0
        let bars = (1...80).map { BarChart.Bar(label: "School \($0)", value: Double($0), valueLabel: "\($0)") }
        let slices = BarChartLayout(style: style, width: 400).slices(
            for: BarChart(
                title: "Scholen", bars: bars,
                reference: .init(value: 40, label: "doel")))
        XCTAssertEqual(slices.count, 82)
        let pages = Paginator(contentHeight: 700, top: 0).paginate(slices)
        XCTAssertGreaterThan(pages.count, 1)
        for page in pages {
            XCTAssertLessThanOrEqual(page.last!.top + page.last!.slice.height, 700.001)
            XCTAssertGreaterThanOrEqual(page.count, 2)
        }
        XCTAssertEqual(texts(pages[0][0].slice), ["Scholen"])
        XCTAssertFalse(slices[1].breakAllowedBefore, "the title stays with the first bars")
    }

    private func texts(_ slice: Slice) -> [String] { slice.texts }
}
