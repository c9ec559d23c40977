import Foundation
import XCTest

@testable import PDF

final class LineBreakerTests: XCTestCase {
    private func span(
        _ text: String, font: PDFFont = .standard(.timesRoman), size: Double = 10, link: Link? = nil,
        hyphenate: Bool = false
    ) -> StyledSpan {
        StyledSpan(
            text: TextScalars.of(text, keepBreaks: true), font: font, size: size, color: .black, link: link,
            mark: .layout,
            hyphenate: hyphenate)
    }

    /// The line's text; the hyphen of a line break (U+00AD) as "-".
    private func text(of line: BrokenLine) -> String {
        String(
            String.UnicodeScalarView(
                line.pieces.flatMap(\.text).compactMap {
                    Unicode.Scalar($0 == 0xAD ? 0x2D : $0 == TextScalars.gluedSpace ? 0x20 : $0)
                }))
    }

    private let prose =
        "De alliantie brengt overheid, bedrijfsleven, fondsen en maatschappelijke organisaties samen "
        + "rond één vraagstuk. Wat ergens werkt, hoeft elders niet opnieuw te worden uitgevonden: daarom delen "
        + "we aanpak en effect. Scholen die meedoen, krijgen een scan, een advies per klas en begeleiding."

    func testNoLineOverflowsAndNoWordIsLost() {
        for width in [60.0, 120, 200, 333] {
            let lines = LineBreaker(width: width, alignment: .justify).breakLines([span(prose)])
            XCTAssertGreaterThan(lines.count, 1)
            for line in lines {
                // As set: kerning and the justification (spaces may shrink a little) included.
                let natural = line.pieces.reduce(0) {
                    $0 + PDFFont.standard(.timesRoman).width(of: $1.text, size: 10, kerning: false) + $1.adjustments
                        .reduce(0) { $0 + $1.1 } * 10 / 1000
                }
                XCTAssertLessThanOrEqual(natural, width + 0.01, "line '\(text(of: line))' overflows \(width)")
            }
            // Lines join back into the text (spaces aside: a word cut to fit has none between its pieces).
            XCTAssertEqual(
                lines.map { text(of: $0) }.joined().filter { $0 != " " }, prose.filter { $0 != " " }, "width \(width)")
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
        let word = "jongerenhuisvestingsbemiddelingsorganisatiesamenwerkingsverbanden"
        let lines = LineBreaker(width: 100).breakLines([span("Zie " + word)])
        XCTAssertGreaterThan(lines.count, 2)
        for line in lines { XCTAssertLessThanOrEqual(line.width, 100.01) }
        XCTAssertEqual(
            lines.map { text(of: $0) }.joined(), "Zie" + word,
            "cut pieces keep every character; the space at the break goes")
    }

    func testCompoundsBreakAfterTheirHyphen() {
        let lines = LineBreaker(width: 80).breakLines([span("sociaal-maatschappelijke samenwerking")])
        XCTAssertEqual(text(of: lines[0]), "sociaal-")
    }

    /// A long address breaks after a slash or before the dot of its domain name (as the Chicago Manual
    /// has it), never inside a word of it.
    func testLongAddressesBreakAfterASlashOrBeforeADot() {
        let url = "https://hetmaatschappelijkbrein.nl/inzichten/onderwijs/2020"
        for width in [120.0, 150, 200, 260] {
            let lines = LineBreaker(width: width).breakLines([span("Zie " + url + " en/of elders")])
            let texts = lines.map { text(of: $0) }
            XCTAssertEqual(texts.joined().filter { $0 != " " }, ("Zie " + url + " en/of elders").filter { $0 != " " })
            XCTAssertTrue(lines.allSatisfy { $0.width <= width + 0.01 })
            XCTAssertFalse(texts.contains { $0.hasSuffix(" en/") }, "short words keep their slash: \(texts)")
            // Where a line ends inside the address: after a slash or before a dot.
            let original = Array("Zie " + url + " en/of elders")
            let urlRange = 4..<(4 + url.count)
            var index = 0
            for line in texts.dropLast() {
                index += line.count
                if index < original.count && original[index] == " " {
                    index += 1
                    continue
                }
                if urlRange.contains(index) && index > urlRange.lowerBound {
                    XCTAssertTrue(original[index - 1] == "/" || original[index] == ".", "\(width): \(texts)")
                }
            }
        }
        // The domain name's dot: "www." and the rest, when a line ends there.
        let domain = LineBreaker(width: 110).breakLines([span("zie https://www.maatschappelijkealliantie.nl/")]).map {
            text(of: $0)
        }
        XCTAssertTrue(domain.contains { $0.hasPrefix(".") || $0.hasSuffix("/") }, "\(domain)")
    }

    func testSoftHyphensBreakWithAVisibleHyphen() {
        let word = "jongeren\u{00AD}huisvestings\u{00AD}bemiddelings\u{00AD}organisaties"
        let lines = LineBreaker(width: 120, alignment: .justify).breakLines([span("De " + word + " werken samen")])
        let texts = lines.map { text(of: $0) }
        XCTAssertTrue(texts.dropLast().contains { $0.hasSuffix("-") }, texts.description)
        XCTAssertEqual(
            texts.joined().replacingOccurrences(of: "-", with: "").filter { $0 != " " },
            "Dejongerenhuisvestingsbemiddelingsorganisatieswerkensamen")
        for line in lines { XCTAssertLessThanOrEqual(line.width, 120.01) }
        // Unbroken, a soft hyphen prints nothing.
        XCTAssertEqual(
            LineBreaker(width: 900).breakLines([span(word)]).map { text(of: $0) },
            ["jongerenhuisvestingsbemiddelingsorganisaties"])
    }

    func testForcedBreaks() {
        let lines = LineBreaker(width: 400).breakLines([span("eerste regel\ntweede regel")])
        XCTAssertEqual(lines.map { text(of: $0) }, ["eerste regel", "tweede regel"])
    }

    func testStylesAndLinksStayApart() {
        let lines = LineBreaker(width: 400).breakLines([
            span("zie "), span("hoofdstuk 4", font: .standard(.timesBold), link: .anchor("financien")),
            span(" voor de cijfers"),
        ])
        XCTAssertEqual(lines.count, 1)
        XCTAssertEqual(
            lines[0].pieces.map(\.font), [.standard(.timesRoman), .standard(.timesBold), .standard(.timesRoman)])
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

    // MARK: Hyphenation and no-break rules

    private let dutch = HyphenationCache(Hyphenator.dutch)

    func testJustifiedDutchTextIsHyphenatedAndLessLoose() {
        let text =
            "De samenwerkingsverbanden tussen woningcorporaties, gemeenten en maatschappelijke organisaties "
            + "ondersteunen jongerenhuisvestingsbemiddelingsorganisaties bij het oplossen van dakloosheidsproblematiek."
        func bad(_ lines: [BrokenLine]) -> Int { lines.filter { $0.isLooseRagged || $0.spaceRatio > 2 }.count }
        var badWith = 0
        var badWithout = 0
        for width in [180.0, 220, 260, 300] {
            let plain = LineBreaker(width: width, alignment: .justify)
            var hyphenating = plain
            hyphenating.hyphenation = dutch
            let without = plain.breakLines([span(text, hyphenate: true)])
            let with = hyphenating.breakLines([span(text, hyphenate: true)])
            XCTAssertTrue(
                with.dropLast().contains { self.text(of: $0).hasSuffix("-") },
                with.map { self.text(of: $0) }.description)
            // Lines too loose to justify (left ragged) or with spaces over twice their width.
            badWith += bad(with)
            badWithout += bad(without)
            // Nothing lost: joined and without the break hyphens, the text is back.
            XCTAssertEqual(
                with.map { self.text(of: $0) }.joined(separator: " ").replacingOccurrences(of: "- ", with: ""),
                text.replacingOccurrences(of: "- ", with: ""))
        }
        XCTAssertLessThan(badWith, badWithout)
    }

    func testNamesAmountsAndAddressesAreNeverHyphenated() {
        var breaker = LineBreaker(width: 30, alignment: .left)
        breaker.hyphenation = dutch
        for word in [
            "Zarkeshan", "Amsterdam", "€ 95.677", "1.234.567,89", "bureau@maatschappelijkealliantie.org",
            "www.maatschappelijkealliantie.nl", "KidsRights",
        ] {
            let lines = breaker.breakLines([span("de " + word, hyphenate: true)])
            XCTAssertFalse(lines.contains { text(of: $0).hasSuffix("-") }, "\(word): \(lines.map { text(of: $0) })")
        }
        // A sentence's first word may be, with only its first letter a capital.
        var sentence = span("Samenwerkingsverbanden zijn", hyphenate: true)
        sentence.startsSentence = true
        let first = breaker.breakLines([sentence])
        XCTAssertTrue(first.contains { text(of: $0).hasSuffix("-") }, first.map { text(of: $0) }.description)
    }

    func testDatesAmountsPageNumbersAndUnitsStayTogether() {
        for phrase in ["1 mei 2021", "€ 95.677", "pagina 3 van 21", "2,2 fte", "15 %", "3 jaar"] {
            let least = PDFFont.standard(.timesRoman).width(of: phrase, size: 10)
            for width in stride(from: least + 1, through: 160, by: 7) {
                let lines = LineBreaker(width: width).breakLines([span("Wij noemen " + phrase + " vaak")])
                let texts = lines.map { text(of: $0) }
                XCTAssertTrue(texts.contains { $0.contains(phrase) }, "\(phrase) at \(width): \(texts)")
            }
        }
        XCTAssertEqual(DutchNoBreak.apply(to: "op 1 mei 2021 en € 5"), "op 1\u{A0}mei\u{A0}2021 en €\u{A0}5")
        XCTAssertEqual(DutchNoBreak.apply(to: "zie pagina 3 van 21."), "zie pagina\u{A0}3\u{A0}van\u{A0}21.")
        XCTAssertEqual(DutchNoBreak.apply(to: "in mei gingen 3 kinderen"), "in mei gingen 3\u{A0}kinderen")
        XCTAssertEqual(DutchNoBreak.apply(to: "twee woorden"), "twee woorden")
    }

    func testTableCellsTakeTheFewestLines() {
        var breaker = LineBreaker(width: 70, alignment: .left)
        breaker.linePenalty = 1_000_000
        let words = breaker.wordMetrics([span("Kantoor- en algemene kosten")])
        let lines = breaker.breakLines([span("Kantoor- en algemene kosten")])
        XCTAssertEqual(lines.count, LineBreaker.lineCount(words, width: 70))
        XCTAssertEqual(lines.map { text(of: $0) }.first, "Kantoor- en")
    }

    /// A line whose spaces would be more than twice as wide gets a little letter spacing instead, and
    /// still ends exactly at the margin.
    func testLettersTakeWhatSpacesCannot() {
        let text = "een twee drie vier Balkenendeachtig Dullaertmanifestpartners samen"
        for width in stride(from: 150.0, through: 260, by: 5) {
            let lines = LineBreaker(width: width, alignment: .justify).breakLines([span(text)])
            for line in lines where line.isJustified {
                XCTAssertLessThanOrEqual(line.spaceRatio, 2.0 + 1e-9)
                let last = line.pieces[line.pieces.count - 1]
                let font = PDFFont.standard(.timesRoman)
                let setWidth = line.pieces.reduce(0) {
                    $0 + font.width(of: $1.text, size: 10, kerning: false) + $1.adjustments.reduce(0) { $0 + $1.1 } * 10
                        / 1000
                }
                XCTAssertEqual(last.x + last.width, width, accuracy: 0.01)
                XCTAssertEqual(setWidth, width, accuracy: 0.01, "width \(width): '\(self.text(of: line))'")
            }
        }
    }
}
