// libFuzzer harness: front matter and the typed content decoding behind it. The first byte picks what
// the rest is: a content file of one of the Markdown or YAML types (split into front matter and body,
// the YAML read, every field decoded and checked: dates, amounts, years, slugs, references), or
// `site.yml`. Decoding reports problems as diagnostics inside the file; it must never trap.
import DataFormats
import Diagnostics

@testable import ContentModel

let site = """
    title: Het Maatschappelijk Brein
    baseURL: https://example.org/
    language: nl

    """
let types = ContentType.allCases.filter { $0 != .finance }

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzFrontMatter(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    guard size > 0 else { return 0 }
    let selector = Int(data[0])
    let bytes = Array(UnsafeBufferPointer(start: data + 1, count: size - 1))
    let source = SourceFile(name: "content/x/item.md", bytes: bytes)
    if selector == 0xFF {
        var diagnostics: [Diagnostic] = []
        _ = ContentLoader.decodeSite(SourceFile(name: "content/site.yml", bytes: bytes), into: &diagnostics)
        diagnostics.forEach { check($0, source) }
        return 0
    }
    let type = types[selector % types.count]
    _ = try? FrontMatter.read(bytes, fileName: source.name)
    let result = FileDecoder.decode(name: source.name, bytes: bytes, type: type)
    result.diagnostics.forEach { check($0, source) }
    // The whole load: references, duplicate slugs and the derived indexes over this one item.
    let name = "content/\(type.folder)/item" + (type.isMarkdown ? ".md" : ".yml")
    if let (_, diagnostics) = try? ContentLoader.load(
        site: site, files: [(name, type, String(decoding: bytes, as: UTF8.self))])
    {
        diagnostics.forEach { check($0, source) }
    }
    return 0
}

/// Positions point at a real place in the file: an editor is sent there.
func check(_ diagnostic: Diagnostic, _ source: SourceFile) {
    if let line = diagnostic.line { precondition(line >= 1, "line \(line): \(diagnostic)") }
    if let column = diagnostic.column { precondition(column >= 1, "column \(column): \(diagnostic)") }
}
