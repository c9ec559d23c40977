import Escaping
import XCTest

/// The one HTML escaper and the one JSON string writer, in each of their styles.
final class EscaperTests: XCTestCase {
    func testHTMLStyles() {
        let text = "Saïd & <Lody> \"x\" 'y'"
        XCTAssertEqual(HTMLEscaper.escape(text), "Saïd &amp; &lt;Lody&gt; &#34;x&#34; &#39;y&#39;")
        XCTAssertEqual(HTMLEscaper.escape(text, style: .commonMark), "Saïd &amp; &lt;Lody&gt; &quot;x&quot; 'y'")
        var out: [UInt8] = []
        HTMLEscaper.append(Array("a<b".utf8), style: .commonMark, to: &out)
        HTMLEscaper.append("'", to: &out)
        XCTAssertEqual(String(decoding: out, as: UTF8.self), "a&lt;b&#39;")
        XCTAssertEqual(HTMLEscaper.escape("niets te doen: é ë ĳ"), "niets te doen: é ë ĳ")
        XCTAssertEqual(HTMLEscaper.escape(""), "")
    }

    func testJSONStyles() {
        let text = "a\"b\\c\n\t\u{8}\u{C}\r<x>&'\u{1}\u{7F}é\u{2028}😀"
        XCTAssertEqual(
            JSONEscaper.quoted(text, style: .standard),
            "\"a\\\"b\\\\c\\n\\t\\b\\f\\r<x>&'\\u0001\u{7F}é\u{2028}😀\"")
        XCTAssertEqual(
            JSONEscaper.quoted(text, style: .htmlSafe),
            "\"a\\\"b\\\\c\\n\\t\\b\\f\\r\\u003cx\\u003e\\u0026\\u0027\\u0001\u{7F}é\\u2028😀\"")
        XCTAssertEqual(
            JSONEscaper.quoted(text, style: .htmlSafeASCII),
            "\"a\\\"b\\\\c\\n\\t\\b\\f\\r\\u003cx\\u003e\\u0026\\u0027\\u0001\\u007f\\u00e9\\u2028\\ud83d\\ude00\"")
        var out: [UInt8] = []
        JSONEscaper.appendArray(["a", "<b>"], style: .htmlSafe, to: &out)
        XCTAssertEqual(String(decoding: out, as: UTF8.self), #"["a","\u003cb\u003e"]"#)
    }

    /// Every string the JSON writer makes parses back to the same text.
    func testJSONRoundTrips() throws {
        let samples = [
            "", "plain", "\u{0}\u{1F} \"quoted\" \\ / <script>", "Één café, coöperatie", "𝄞 and 😀", "\u{2028}\u{2029}",
        ]
        for style in [JSONEscaper.Style.standard, .htmlSafe, .htmlSafeASCII] {
            for sample in samples {
                let json = JSONEscaper.quoted(sample, style: style)
                let parsed =
                    try JSONSerialization.jsonObject(with: Data(json.utf8), options: [.fragmentsAllowed]) as? String
                XCTAssertEqual(parsed, sample, "\(style): \(json)")
            }
        }
    }
}

final class PercentDecodingTests: XCTestCase {
    func testEscapesOfEitherCaseAndBadOnesKeptOrRefused() {
        let text = Array("caf%C3%a9%20%zz%4".utf8)
        XCTAssertEqual(
            PercentEncoding.decoded(text, keepingInvalidEscapes: true), Array("café %zz%4".utf8))
        XCTAssertNil(PercentEncoding.decoded(text, keepingInvalidEscapes: false))
        XCTAssertEqual(PercentEncoding.decoded(Array("/a%2Fb".utf8), keepingInvalidEscapes: false), Array("/a/b".utf8))
        XCTAssertEqual(PercentEncoding.decoded([UInt8](), keepingInvalidEscapes: false), [])
    }
}
