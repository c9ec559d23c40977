import Foundation
import PDF

/// The text our PDF writer put on its pages, read back from the content streams (decompressed by
/// `PDFInspector`): the strings of every `Tj` and `TJ`, one line per show operator, decoded from WinAnsi.
/// Enough to check that figures are printed; not a general PDF text extractor.
enum PDFText {
    static func extract(_ pdf: [UInt8]) -> String {
        guard let inspector = try? PDFInspector(bytes: pdf) else { return "" }
        // The inspector gives each page's content as Latin-1 text: one character per byte.
        let streams = inspector.pageContents.map { page in page.unicodeScalars.map { UInt8(truncatingIfNeeded: $0.value) } }
        return streams.map(showStrings).joined(separator: "\n")
    }

    private static func showStrings(_ bytes: [UInt8]) -> String {
        var lines: [String] = []
        var current: [UInt8] = []
        var i = 0
        var inText = false
        func isDelimiter(_ b: UInt8) -> Bool { b == 0x20 || b == 0x0A || b == 0x0D }
        while i < bytes.count {
            let b = bytes[i]
            if !inText {
                if b == UInt8(ascii: "B"), i + 2 < bytes.count, bytes[i + 1] == UInt8(ascii: "T"), isDelimiter(bytes[i + 2]),
                   i == 0 || isDelimiter(bytes[i - 1]) {
                    inText = true
                    i += 2
                    continue
                }
                i += 1
                continue
            }
            switch b {
            case UInt8(ascii: "("):
                var depth = 1
                i += 1
                while i < bytes.count {
                    let c = bytes[i]
                    if c == UInt8(ascii: "\\"), i + 1 < bytes.count {
                        let n = bytes[i + 1]
                        switch n {
                        case UInt8(ascii: "n"): current.append(0x0A)
                        case UInt8(ascii: "r"): current.append(0x0D)
                        default: current.append(n)
                        }
                        i += 2
                        continue
                    }
                    if c == UInt8(ascii: "(") { depth += 1 }
                    if c == UInt8(ascii: ")") {
                        depth -= 1
                        if depth == 0 { break }
                    }
                    current.append(c)
                    i += 1
                }
                i += 1
            case UInt8(ascii: "T") where i + 1 < bytes.count && (bytes[i + 1] == UInt8(ascii: "j") || bytes[i + 1] == UInt8(ascii: "J")):
                lines.append(WinAnsiEncoding.decode(current))
                current.removeAll()
                i += 2
            case UInt8(ascii: "E") where i + 1 < bytes.count && bytes[i + 1] == UInt8(ascii: "T") && isDelimiter(bytes[i - 1]):
                inText = false
                i += 2
            default:
                i += 1
            }
        }
        return lines.joined(separator: "\n")
    }
}
