// libFuzzer harness: the Markdown parser and renderer. The first input byte picks the options (GFM or
// CommonMark, footnotes, smart punctuation, heading ids, safe mode, first line); the rest is the text.
// Everything an editor's body goes through is exercised: HTML with and without a link resolver,
// headings, plain text, links with their positions, and a walk over the tree.
import Markdown

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzMarkdown(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    guard size > 0 else { return 0 }
    let flags = data[0]
    let options = MarkdownOptions(
        gfm: flags & 1 != 0, footnotes: flags & 2 != 0, smartPunctuation: flags & 4 != 0,
        headingIDs: flags & 8 != 0, safe: flags & 16 != 0)
    let bytes = Array(UnsafeBufferPointer(start: data + 1, count: size - 1))
    let document = Markdown.parse(bytes, options: options, firstLine: flags & 32 != 0 ? 7 : 1)
    _ = document.html()
    _ = document.html(linkResolver: { link in link.destination.hasSuffix(".md") ? "/x/" : nil })
    _ = document.plainText
    for heading in document.headings { precondition(heading.level >= 1 && heading.level <= 6) }
    for link in document.links { precondition(link.position.line >= 1 && link.position.column >= 1) }
    var depth = 0
    document.root.walk { node, enter in
        depth += enter ? 1 : -1
        _ = node.literal
        _ = node.destination
        _ = node.codeInfo
        _ = node.listStart
    }
    precondition(depth == 0)
    return 0
}
