// Makes a WOFF web font with the Latin characters of a TrueType font, with the PDF module's own reader
// and subsetter (no outside tools). scripts/fonts/webfonts.sh runs it for the theme's four styles.
//   swift run -c release font-subset IN.ttf OUT.woff
import Foundation
import PDF

/// Basic Latin, Latin-1, Latin Extended-A, the Romanian comma letters, spacing accents, general
/// punctuation, super- and subscripts, the euro, trade mark, arrows and the minus sign: everything Dutch
/// and the common European languages need, and what the theme's templates print.
let ranges: [ClosedRange<UInt32>] = [
    0x20...0x7E, 0xA0...0x17F, 0x192...0x192, 0x218...0x21B, 0x2C6...0x2C7, 0x2D8...0x2DD, 0x2000...0x206F,
    0x2070...0x209F,
    0x20AC...0x20AC, 0x2122...0x2122, 0x2190...0x2193, 0x2212...0x2212,
]

let arguments = CommandLine.arguments.dropFirst()
guard arguments.count == 2, let input = arguments.first, let output = arguments.last else {
    FileHandle.standardError.write("gebruik: font-subset IN.ttf UIT.woff\n".data(using: .utf8)!)
    exit(2)
}
do {
    let font = try TrueTypeFont(contentsOf: URL(fileURLWithPath: input))
    let woff = font.webFont(covering: ranges.flatMap { Array($0) })
    try Data(woff).write(to: URL(fileURLWithPath: output))
    print("\(output): \(woff.count) bytes (\(font.postScriptName))")
} catch {
    FileHandle.standardError.write("\(input): \(error)\n".data(using: .utf8)!)
    exit(1)
}
