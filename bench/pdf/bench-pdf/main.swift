// Writes the sample document as a PDF for inspection and times the typesetter (release build):
//   swift run -c release bench-pdf [OUTPUT.pdf] [--sections N] [--repeat N] [--json FILE]
import Foundation
import PDF
import PDFTestSupport

// Default outside the repository, so a bare run leaves no file in the working tree.
var output = FileManager.default.temporaryDirectory.appendingPathComponent("breingen-sample.pdf").path
var sections = 12
var repetitions = 1
var jsonOutput: String?
var fontFolder: String?
var arguments = CommandLine.arguments.dropFirst().makeIterator()
while let argument = arguments.next() {
    switch argument {
    case "--sections": sections = Int(arguments.next() ?? "") ?? sections
    case "--repeat": repetitions = max(Int(arguments.next() ?? "") ?? 1, 1)
    case "--json": jsonOutput = arguments.next()
    case "--fonts": fontFolder = arguments.next()
    default: output = argument
    }
}
var document = SampleDocument.annualReport(sectionsPerTheme: sections)
if let fontFolder {
    // A folder with the four styles of a family, e.g. themes/default/fonts (Noto Sans).
    do {
        func load(_ style: String) throws -> TrueTypeFont {
            let names = try FileManager.default.contentsOfDirectory(atPath: fontFolder).filter {
                $0.hasSuffix("-\(style).ttf")
            }
            guard let name = names.first else { throw FontError.missingTable("*-\(style).ttf in \(fontFolder)") }
            return try FontCache.font(at: URL(fileURLWithPath: fontFolder).appendingPathComponent(name))
        }
        let set = FontSet(
            regular: try load("Regular"), bold: try load("Bold"), italic: try load("Italic"),
            boldItalic: try load("BoldItalic"))
        document.style.bodyFonts = set
        document.style.headingFonts = set
    } catch {
        FileHandle.standardError.write("kan de lettertypen niet lezen: \(error)\n".data(using: .utf8)!)
        exit(1)
    }
}
/// CPU time of the process (all threads), in seconds: steadier than wall time on a busy machine.
func cpuSeconds() -> Double {
    var usage = rusage()
    getrusage(__rusage_who_t(RUSAGE_SELF.rawValue), &usage)
    return Double(usage.ru_utime.tv_sec + usage.ru_stime.tv_sec) + Double(
        usage.ru_utime.tv_usec + usage.ru_stime.tv_usec) / 1e6
}
let start = DispatchTime.now().uptimeNanoseconds
let cpuStart = cpuSeconds()
var result = Typesetter().typeset(document)
for _ in 1..<repetitions { result = Typesetter().typeset(document) }
let seconds = Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9 / Double(repetitions)
let cpu = (cpuSeconds() - cpuStart) / Double(repetitions)
do {
    try result.data.write(to: URL(fileURLWithPath: output))
    if let jsonOutput { try DocumentJSON.encode(document).write(to: URL(fileURLWithPath: jsonOutput)) }
} catch {
    FileHandle.standardError.write("kan \(output) niet schrijven: \(error)\n".data(using: .utf8)!)
    exit(1)
}
print(
    "\(output): \(result.pageCount) pagina's, \(result.bytes.count) bytes, "
        + "\(String(format: "%.2f", seconds * 1000)) ms per document (CPU \(String(format: "%.2f", cpu * 1000)) ms)")
