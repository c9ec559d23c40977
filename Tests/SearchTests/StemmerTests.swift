import Foundation
import TestSupport
import XCTest

@testable import Search

final class StemmerTests: XCTestCase {
    private func stem(_ word: String) -> String {
        String(decoding: DutchStemmer.stem(Array(word.utf8)), as: UTF8.self)
    }

    func testSnowballExamples() {
        // Pairs from the Snowball Dutch algorithm's behaviour.
        let pairs = [
            ("woningen", "woning"), ("lichamelijk", "licham"), ("mogelijkheden", "mogelijk"),
            ("betrokkenheid", "betrok"), ("duidelijkheid", "duidelijk"), ("opschaling", "opschal"),
            ("gemeenten", "gemeent"), ("bijeenkomsten", "bijeenkomst"), ("vrijwilligers", "vrijwilliger"),
            ("kinderen", "kinder"), ("scholen", "schol"), ("maan", "man"), ("brood", "brod"),
            ("lopende", "lopend"), ("mooie", "mooi"), ("lange", "lang"), ("eenzaamheid", "eenzam"),
            ("ondernemingen", "ondernem"), ("leerlingen", "leerling"),
        ]
        for (word, expected) in pairs {
            XCTAssertEqual(stem(word), expected, word)
        }
    }

    func testShortWordsAndNumbersStay() {
        XCTAssertEqual(stem("de"), "de")
        XCTAssertEqual(stem("2020"), "2020")
        XCTAssertEqual(stem("covid19"), "covid19")
    }

    func testFoldingMakesDiacriticsIrrelevant() {
        XCTAssertEqual(SearchText.stems(of: "creëren"), SearchText.stems(of: "creeren"))
        XCTAssertEqual(SearchText.stems(of: "Saïd & Lody"), ["said", "lody"])
        XCTAssertEqual(SearchText.stems(of: "coöperatie"), ["cooperatie"])
        XCTAssertEqual(SearchText.stems(of: "ĳs"), SearchText.stems(of: "ijs"))
        // A decomposed ë (e + combining diaeresis) folds like the precomposed one.
        XCTAssertEqual(SearchText.stems(of: "cre\u{65}\u{308}ren"), SearchText.stems(of: "creëren"))
    }

    func testStopWordsAreDroppedAndStemsAreUnique() {
        XCTAssertEqual(SearchText.stems(of: "De woningen en de woning van het jaar"), ["woning", "jar"])
    }

    /// The browser stems queries with `search.js`; it must give exactly the stems the index holds.
    func testJavaScriptStemmerAgreesWithSwift() throws {
        // .ci/run installs node; elsewhere the note says what did not run.
        guard
            let node = ExternalTool.find(
                "node", or: ["nodejs"], skipping: "the comparison of search.js with the Swift stemmer")
        else {
            return
        }
        let script = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
            .appendingPathComponent("../../themes/default/assets/js/search.js").standardizedFileURL
        let text = """
            Woningen voor dak- en thuislozen: creëren, delen en ruilen. De gemeenten investeerden
            in betaalbare huisvesting; vrijwilligers begeleidden jongeren bij hun opleidingen.
            Lichamelijke en geestelijke gezondheid, betrokkenheid, eenzaamheid, duidelijkheid, mogelijkheden.
            Saïd & Lody, coöperatie, reïntegratie, ideeën, geëvalueerd, één, Ĳsselmonde, naïef, financiële,
            maatschappelijke, samenwerkingsverbanden, opschalen, lopende, gehele, koude, baarlijke, eerbare,
            leerbaar, heden, tijdelijkheden, yoghurt, haaien, kraaien, vlaaien, zeeën, heidegebied, 2020.
            """
        let input = FileManager.default.temporaryDirectory.appendingPathComponent("stem-\(UUID().uuidString).txt")
        try Data(text.utf8).write(to: input)
        defer { try? FileManager.default.removeItem(at: input) }
        let (status, output, errors) = try ExternalTool.runSeparately(
            node,
            [
                "-e",
                """
                global.window = {}; global.document = { getElementById: function () { return null; } };
                require(process.argv[1]);
                var text = require("fs").readFileSync(process.argv[2], "utf8");
                var z = window.BreinZoeken;
                process.stdout.write(z.indexTerms(text).join(" "));
                """,
                script.path, input.path,
            ])
        XCTAssertEqual(status, 0, errors)
        // stdout only: a warning node prints on stderr must not count as a stem.
        XCTAssertEqual(
            String(decoding: output, as: UTF8.self), SearchText.stems(of: text).joined(separator: " "), errors)
    }
}

final class SearchStructuresTests: XCTestCase {
    func testHashSetInsertsOnceAndGrows() {
        var set = HashSet(capacity: 2)
        XCTAssertTrue(set.insert(0))
        XCTAssertFalse(set.insert(0))
        for value in 1...1_000 as ClosedRange<UInt64> { XCTAssertTrue(set.insert(value &* 0x9E37_79B9_7F4A_7C15)) }
        for value in 1...1_000 as ClosedRange<UInt64> { XCTAssertFalse(set.insert(value &* 0x9E37_79B9_7F4A_7C15)) }
    }

    func testStemLimitAndOrder() {
        XCTAssertEqual(SearchText.stems(of: "woningen huizen woning scholen", limit: 2), ["woning", "huiz"])
        XCTAssertEqual(SearchText.stems(of: ""), [])
        XCTAssertEqual(SearchText.stems(of: "de het een"), [])
    }
}

final class WordHashTests: XCTestCase {
    /// `nextWordHash` reads the words `nextWord` reads, with their hashes, without making them.
    func testWordHashesMatchTheWords() {
        var text = "Creëren, coöperatie & CAFÉ-ideeën: cre\u{65}\u{308}ren ĳs 2020 straße Ærø naïef 😀x y€z"
        text.withUTF8 { bytes in
            var a = 0
            var b = 0
            var word: [UInt8] = []
            var words: [String] = []
            while SearchText.nextWord(in: bytes, from: &a, into: &word) {
                let next = SearchText.nextWordHash(in: bytes, from: &b)
                XCTAssertEqual(next?.hash, SearchText.hash(word), String(decoding: word, as: UTF8.self))
                var again: [UInt8] = []
                if let next { SearchText.foldedWord(bytes, next.start, next.end, into: &again) }
                XCTAssertEqual(again, word)
                words.append(String(decoding: word, as: UTF8.self))
            }
            XCTAssertNil(SearchText.nextWordHash(in: bytes, from: &b))
            XCTAssertEqual(
                words,
                [
                    "creeren", "cooperatie", "cafe", "ideeen", "creeren", "ijs", "2020", "strasse", "aero", "naief",
                    "x", "y", "z",
                ])
        }
    }
}
