import ContentModel
import Diagnostics
import Markdown

/// The one place the site calls the Markdown engine: a body becomes HTML with links between content
/// files turned into URLs, plus plain text for the search index. Broken content links are errors (at
/// the link's destination) and images without alt text are warnings (at the image), each at its line
/// and column in the source file.
enum MarkdownBridge {
    /// GFM with footnotes, typographic quotes and dashes, and ids on headings for deep links.
    static let options = MarkdownOptions(smartPunctuation: true, headingIDs: true)

    static func render(_ body: MarkdownBody, file: String, renderer: BodyRenderer) -> RenderedBody? {
        let document = Markdown.parse(body.text, options: options, firstLine: body.firstLine)
        let html = HTMLRenderer { link in resolve(link, body: body, file: file, renderer: renderer) }.renderBytes(
            document)
        checkImages(document, body: body, file: file, renderer: renderer)
        let headings = document.headings
        let decorated = BodyDecoration.decorate(html, headings: headings)
        return RenderedBody(
            html: decorated.html, text: document.plainText, toc: decorated.toc, headings: headings.map(\.text))
    }

    /// The problems `render` reports, without rendering: for `breingen check`, which only needs the
    /// links and images of every body.
    static func check(_ body: MarkdownBody, file: String, renderer: BodyRenderer) {
        let document = Markdown.parse(body.text, options: options, firstLine: body.firstLine)
        for link in document.links { _ = resolve(link, body: body, file: file, renderer: renderer) }
        checkImages(document, body: body, file: file, renderer: renderer)
    }

    /// The URL for a link to a content file (nil: keep the destination), reporting a broken one.
    private static func resolve(_ link: MarkdownLink, body: MarkdownBody, file: String, renderer: BodyRenderer)
        -> String?
    {
        let source = file.hasPrefix("content/") ? String(file.dropFirst("content/".count)) : file
        let (resolution, path) = renderer.links.resolveWithPath(link.destination, from: source)
        switch resolution {
        case .unchanged:
            return nil
        case .url(let url):
            if let path { renderer.noteLink(to: path) }
            return url
        case .broken(let target):
            renderer.report(
                Diagnostic(
                    .error, renderer.brokenLinkMessage(link.destination, target: target), file: file,
                    line: link.position.line, column: link.position.column,
                    sourceLine: line(link.position.line, of: body)))
            return nil
        }
    }

    /// Every image needs a text alternative (WCAG 1.1.1): a warning for each one without, at the
    /// image's own line and column (its `!`).
    static func checkImages(_ document: MarkdownDocument, body: MarkdownBody, file: String, renderer: BodyRenderer) {
        document.root.walk { node, enter in
            guard enter, node.kind == .image, node.plainText.trimmingCharacters(in: .whitespaces).isEmpty else {
                return
            }
            let destination = node.destination ?? ""
            let position = node.position
            renderer.report(
                Diagnostic(
                    .warning,
                    "afbeelding '\(destination)' heeft geen alt-tekst; beschrijf wat erop staat: ![beschrijving](\(destination))",
                    file: file, line: position.line, column: position.column, sourceLine: line(position.line, of: body))
            )
        }
    }

    /// The text of line `number` of the file, taken from the body (which starts at `firstLine`).
    static func line(_ number: Int, of body: MarkdownBody) -> String? {
        let index = number - body.firstLine
        guard index >= 0 else { return nil }
        var current = 0
        for piece in body.text.split(separator: "\n", omittingEmptySubsequences: false) {
            if current == index { return String(piece.hasSuffix("\r") ? piece.dropLast() : piece) }
            current += 1
        }
        return nil
    }
}
