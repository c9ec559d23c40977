import ContentModel
import Diagnostics

/// The one place the site calls the Markdown engine: body → HTML with content links resolved, plus
/// plain text for search.
///
/// PARTIAL: the Markdown module has not landed on this branch yet, so bodies are not rendered (the
/// build warns once). Wired up as soon as `Markdown` offers parsing, HTML and a link hook.
enum MarkdownBridge {
    static func render(_ body: MarkdownBody, file: String, renderer: BodyRenderer) -> RenderedBody? {
        renderer.noteMissingMarkdown(file: file)
        return nil
    }
}

extension BodyRenderer {
    func noteMissingMarkdown(file: String) {
        reportOnce(Diagnostic(.warning, "de Markdown-engine ontbreekt nog: teksten van pagina's worden niet weergegeven", file: file))
    }
}
