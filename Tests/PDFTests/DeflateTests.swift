import PDFTestSupport
import TestSupport
import XCTest

@testable import PDF

final class DeflateTests: XCTestCase {
    func testRoundTrips() throws {
        var random = SplitMix64(seed: 42)
        let samples: [[UInt8]] = [
            [],
            [0x41],
            Array("BT /F1 10.5 Tf 1 0 0 1 68 700 Tm (De alliantie) Tj ET\n".utf8),
            Array(String(repeating: "1 0 0 1 68 700 Tm (herhaling) Tj\n", count: 500).utf8),
            [UInt8](repeating: 0, count: 70_000),
            (0..<50_000).map { _ in UInt8(truncatingIfNeeded: random.next()) },
            (0..<256).map { UInt8($0) },
        ]
        for sample in samples {
            let compressed = Deflate.zlib(sample)
            XCTAssertEqual(try Inflate.zlib(compressed), sample, "\(sample.count) bytes")
        }
    }

    func testTextShrinks() {
        let text = Array(
            String(repeating: "1 0 0 1 68 700 Tm (De alliantie brengt partijen samen.) Tj\n", count: 200).utf8)
        XCTAssertLessThan(Deflate.zlib(text).count, text.count / 10)
    }

    func testZlibFraming() {
        let stream = Deflate.zlib(Array("abc".utf8))
        XCTAssertEqual(Array(stream.prefix(2)), [0x78, 0x01])
        // Adler-32 of "abc" is 0x024d0127.
        XCTAssertEqual(Array(stream.suffix(4)), [0x02, 0x4D, 0x01, 0x27])
    }
}
