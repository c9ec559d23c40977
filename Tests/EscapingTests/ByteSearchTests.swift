import Escaping
import XCTest

final class ByteSearchTests: XCTestCase {
    func testFindsTheFirstOccurrenceFromAnIndex() {
        let bytes = Array("<p>a</p>\n<table>\n<tr><td>x</td></tr>\n</table>\n<table>\n".utf8)
        let table = Array("<table>\n".utf8)
        XCTAssertEqual(ByteSearch.firstIndex(of: table, in: bytes), 9)
        XCTAssertEqual(ByteSearch.firstIndex(of: table, in: bytes, from: 9), 9)
        XCTAssertEqual(ByteSearch.firstIndex(of: table, in: bytes, from: 10), 46)
        XCTAssertNil(ByteSearch.firstIndex(of: table, in: bytes, from: 48))
        XCTAssertEqual(ByteSearch.firstIndex(of: Array("</table>\n".utf8), in: bytes), 37)
        XCTAssertEqual(ByteSearch.firstIndex(of: [UInt8(ascii: "x")], in: bytes), 25, "a needle of one byte")
        XCTAssertEqual(ByteSearch.firstIndex(of: Array("<".utf8), in: bytes, from: 1), 4)
    }

    func testEdgesAndNearMisses() {
        XCTAssertNil(ByteSearch.firstIndex(of: [], in: Array("abc".utf8)))
        XCTAssertNil(ByteSearch.firstIndex(of: Array("abcd".utf8), in: Array("abc".utf8)))
        XCTAssertNil(ByteSearch.firstIndex(of: Array("abc".utf8), in: Array("abc".utf8), from: 1))
        XCTAssertNil(ByteSearch.firstIndex(of: Array("abc".utf8), in: Array("abc".utf8), from: -1))
        XCTAssertEqual(ByteSearch.firstIndex(of: Array("abc".utf8), in: Array("abc".utf8)), 0)
        XCTAssertEqual(ByteSearch.firstIndex(of: Array("<em>".utf8), in: Array("<e<em<em>".utf8)), 5)
        XCTAssertNil(ByteSearch.firstIndex(of: Array("ab".utf8), in: []))
        XCTAssertTrue(ByteSearch.contains("<strong><em>", in: "tekst <strong><em>é</em></strong>"))
        XCTAssertFalse(ByteSearch.contains("<em>", in: "café <emph>"))
    }
}
