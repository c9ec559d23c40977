/// Writes the body of a PDF file: numbered indirect objects at recorded byte offsets, then the
/// cross-reference table and the trailer. It knows nothing about pages or fonts.
struct PDFObjectWriter {
    private(set) var bytes: [UInt8] = []
    private var offsets: [Int] = [0]  // index = object number; 0 is the free-list head
    private var written: [Bool] = [true]

    init(version: String = "1.7", capacity: Int = 1 << 16) {
        bytes.reserveCapacity(capacity)
        bytes.append(contentsOf: Array("%PDF-\(version)\n".utf8))
        // A comment with bytes above 127 tells transfer tools the file is binary.
        bytes.append(contentsOf: [0x25, 0xE2, 0xE3, 0xCF, 0xD3, 0x0A])
    }

    /// Reserves the next object number, so objects can refer to each other before they are written.
    mutating func reserve() -> Int {
        offsets.append(0)
        written.append(false)
        return offsets.count - 1
    }

    /// Writes object `number` with the given body (a dictionary, array, ...), recording its offset.
    mutating func write(_ number: Int, _ body: [UInt8]) {
        begin(number)
        bytes.append(contentsOf: body)
        end()
    }

    /// Writes object `number` as a stream with the given dictionary entries (without `/Length`).
    /// `flate` says the data is already a zlib stream (`Deflate.zlib`).
    mutating func writeStream(_ number: Int, extraEntries: [UInt8] = [], data: [UInt8], flate: Bool = false) {
        var extraEntries = extraEntries
        if flate { extraEntries.append(contentsOf: Array("/Filter /FlateDecode".utf8)) }
        begin(number)
        bytes.append("<< /Length ")
        PDFSyntax.appendInt(data.count, to: &bytes)
        if !extraEntries.isEmpty {
            bytes.append(0x20)
            bytes.append(contentsOf: extraEntries)
        }
        bytes.append(" >>\nstream\n")
        bytes.append(contentsOf: data)
        bytes.append("\nendstream")
        end()
    }

    private mutating func begin(_ number: Int) {
        precondition(
            number > 0 && number < offsets.count && !written[number], "object \(number) not reserved or written twice")
        offsets[number] = bytes.count
        written[number] = true
        PDFSyntax.appendInt(number, to: &bytes)
        bytes.append(" 0 obj\n")
    }

    private mutating func end() {
        bytes.append("\nendobj\n")
    }

    /// 32 hex digits identifying the file: FNV-1a over the bytes with two different offsets.
    private func fileIdentifier(_ data: [UInt8]) -> [UInt8] {
        var h1: UInt64 = 0xCBF2_9CE4_8422_2325
        var h2: UInt64 = 0x84222325_CBF29CE4
        for b in data {
            h1 = (h1 ^ UInt64(b)) &* 0x0000_0100_0000_01B3
            h2 = (h2 ^ UInt64(b)) &* 0x0000_0100_0000_01B3
        }
        let hex: [UInt8] = Array("0123456789abcdef".utf8)
        var out: [UInt8] = []
        for h in [h1, h2] {
            for shift in stride(from: 60, through: 0, by: -4) { out.append(hex[Int(h >> UInt64(shift) & 0xF)]) }
        }
        return out
    }

    /// Writes the cross-reference table and trailer and returns the finished file.
    /// Every reserved object must have been written.
    mutating func finish(root: Int, info: Int) -> [UInt8] {
        precondition(written.allSatisfy { $0 }, "an object was reserved but never written")
        let xrefOffset = bytes.count
        bytes.append("xref\n0 ")
        PDFSyntax.appendInt(offsets.count, to: &bytes)
        bytes.append("\n0000000000 65535 f\r\n")
        for number in 1..<offsets.count {
            // Each entry is exactly 20 bytes: 10-digit offset, 5-digit generation, type, CR LF.
            var digits = [UInt8](repeating: 0x30, count: 10)
            var v = offsets[number]
            var i = 9
            while v > 0 && i >= 0 {
                digits[i] = 0x30 + UInt8(v % 10)
                v /= 10
                i -= 1
            }
            bytes.append(contentsOf: digits)
            bytes.append(" 00000 n\r\n")
        }
        bytes.append("trailer\n<< /Size ")
        PDFSyntax.appendInt(offsets.count, to: &bytes)
        bytes.append(" /Root ")
        PDFSyntax.appendInt(root, to: &bytes)
        bytes.append(" 0 R /Info ")
        PDFSyntax.appendInt(info, to: &bytes)
        bytes.append(" 0 R /ID [")
        // A file identifier derived from the content (two FNV-1a hashes), so equal documents get equal files.
        let id = fileIdentifier(bytes)
        for _ in 0..<2 {
            bytes.append(0x3C)
            bytes.append(contentsOf: id)
            bytes.append(0x3E)
        }
        bytes.append("] >>\nstartxref\n")
        PDFSyntax.appendInt(xrefOffset, to: &bytes)
        bytes.append("\n%%EOF\n")
        return bytes
    }
}
