import Foundation
import PDF
import PDFTestSupport

/// The text our PDF writer put on its pages, read back by `PDFInspector` (fonts decoded through their
/// `ToUnicode` maps): one line per text-showing operator, pages one after the other. A word broken at
/// a line end comes back with its break hyphen (U+00AD) taken out. Enough to check that figures are
/// printed; not a general PDF text extractor.
enum PDFText {
    static func extract(_ pdf: [UInt8]) -> String {
        guard let inspector = try? PDFInspector(bytes: pdf) else { return "" }
        return inspector.text.replacingOccurrences(of: "\u{AD}\n", with: "")
    }
}
