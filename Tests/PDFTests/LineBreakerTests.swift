import XCTest
@testable import PDF

final class LineBreakerTests: XCTestCase {
    private func span(_ text: String, font: StandardFont = .timesRoman, size: Double = 10, link: Link? = nil) -> StyledSpan {
        StyledSpan(bytes: WinAnsiEncoding.encodeKeepingLineBreaks(text), font: font, size: size, color: .black, link: link)
    }

    private func text(of line: BrokenLine) -> String {
        WinAnsiEncoding.decode(line.pieces.flatMap(\.bytes))
    }

    private let prose = "De alliantie brengt overheid, bedrijfsleven, fondsen en maatschappelijke organisaties samen "
        + "rond één vraagstuk. Wat ergens werkt, hoeft elders niet opnieuw te worden uitgevonden: daarom delen "
        + "we aanpak en effect. Scholen die meedoen, krijgen een scan, een advies per klas en begeleiding."

    func testNoLineOverflowsAndNoWordIsLost() {
        for width in [60.0, 120, 200, 333] {
            let lines = LineBreaker(width: width, alignment: .justify).breakLines([span(prose)])
            XCTAssertGreaterThan(lines.count, 1)
            for line in lines {
                let natural = line.pieces.reduce(0) { $0 + StandardFont.timesRoman.width(of: $1.bytes, size: 10) }
                XCTAssertLessThanOrEqual(natural, width + 0.01, "line '\(text(of: line))' overflows \(width)")
            }
            // Lines join back into the text (spaces aside: a word cut to fit has none between its pieces).
            XCTAssertEqual(lines.map { text(of: $0) }.joined().filter { $0 != " " }, prose.filter { $0 != " " }, "width \(width)")
        }
    }

    func testJustifiedLinesFillTheWidthExceptTheLast() {
        let width = 250.0
        let lines = LineBreaker(width: width, alignment: .justify).breakLines([span(prose)])
        for line in lines.dropLast() where line.wordSpacing > 0 {
            XCTAssertEqual(line.width, width, accuracy: 0.01)
            let last = line.pieces[line.pieces.count - 1]
            XCTAssertEqual(last.x + last.width, width, accuracy: 0.01)
        }
        XCTAssertTrue(lines.dropLast().contains { $0.wordSpacing > 0 })
        XCTAssertEqual(lines.last?.wordSpacing, 0)
    }

    func testAWordWiderThanTheLineIsCut() {
        let url = "https://hetmaatschappelijkbrein.nl/inzichten/sociale-huisvesting/2020/succesvoorwaarden"
        let lines = LineBreaker(width: 100).breakLines([span("Zie " + url)])
        XCTAssertGreaterThan(lines.count, 2)
        for line in lines { XCTAssertLessThanOrEqual(line.width, 100.01) }
        XCTAssertEqual(lines.map { text(of: $0) }.joined(), "Zie" + url, "cut pieces keep every character; the space at the break goes")
    }

    func testCompoundsBreakAfterTheirHyphen() {
        let lines = LineBreaker(width: 80).breakLines([span("sociaal-maatschappelijke samenwerking")])
        XCTAssertEqual(text(of: lines[0]), "sociaal-")
    }

    func testLongAddressesBreakAfterASlash() {
        let url = "https://hetmaatschappelijkbrein.nl/inzichten/onderwijs/2020"
        let lines = LineBreaker(width: 150).breakLines([span("Zie " + url + " en/of elders")])
        XCTAssertTrue(lines.contains { text(of: $0) == "https://hetmaatschappelijkbrein.nl/" }, lines.map { text(of: $0) }.description)
        XCTAssertEqual(lines.map { text(of: $0) }.joined().filter { $0 != " " }, ("Zie " + url + " en/of elders").filter { $0 != " " })
        XCTAssertTrue(lines.allSatisfy { $0.width <= 150.01 })
        XCTAssertFalse(lines.contains { text(of: $0).hasSuffix("en/") }, "short words keep their slash")
    }

    func testSoftHyphensBreakWithAVisibleHyphen() {
        let word = "jongeren\u{00AD}huisvestings\u{00AD}bemiddelings\u{00AD}organisaties"
        let lines = LineBreaker(width: 120, alignment: .justify).breakLines([span("De " + word + " werken samen")])
        let texts = lines.map { text(of: $0) }
        XCTAssertTrue(texts.dropLast().contains { $0.hasSuffix("-") }, texts.description)
        XCTAssertEqual(texts.joined().replacingOccurrences(of: "-", with: "").filter { $0 != " " },
                       "Dejongerenhuisvestingsbemiddelingsorganisatieswerkensamen")
        for line in lines { XCTAssertLessThanOrEqual(line.width, 120.01) }
        // Unbroken, a soft hyphen prints nothing.
        XCTAssertEqual(LineBreaker(width: 900).breakLines([span(word)]).map { text(of: $0) }, ["jongerenhuisvestingsbemiddelingsorganisaties"])
    }

    func testForcedBreaks() {
        let lines = LineBreaker(width: 400).breakLines([span("eerste regel\ntweede regel")])
        XCTAssertEqual(lines.map { text(of: $0) }, ["eerste regel", "tweede regel"])
    }

    func testStylesAndLinksStayApart() {
        let lines = LineBreaker(width: 400).breakLines([
            span("zie "), span("hoofdstuk 4", font: .timesBold, link: .anchor("financien")), span(" voor de cijfers"),
        ])
        XCTAssertEqual(lines.count, 1)
        XCTAssertEqual(lines[0].pieces.map(\.font), [.timesRoman, .timesBold, .timesRoman])
        XCTAssertEqual(lines[0].pieces[1].link, .anchor("financien"))
        // Pieces follow each other without gaps or overlaps.
        XCTAssertEqual(lines[0].pieces[1].x, lines[0].pieces[0].x + lines[0].pieces[0].width, accuracy: 0.001)
    }

    func testTotalFitAvoidsAVeryShortLastLine() {
        let lines = LineBreaker(width: 180).breakLines([span(prose)])
        let lastWords = text(of: lines[lines.count - 1]).split(separator: " ").count
        XCTAssertGreaterThan(lastWords, 1)
    }

    func testEmptyAndBlankInput() {
        XCTAssertTrue(LineBreaker(width: 100).breakLines([]).isEmpty)
        XCTAssertTrue(LineBreaker(width: 100).breakLines([span("   ")]).isEmpty)
        XCTAssertEqual(LineBreaker(width: 0.5).breakLines([span("abc")]).count, 3, "a hopeless width still terminates")
    }
}
