import Foundation

/// Lays out a `TypesetDocument` on A4 pages and writes it as a tagged PDF 1.7 file (PDF/UA-1, and
/// PDF/A-2a unless `claimPDFA` is off; both need embedded fonts).
///
///     let pdf = Typesetter().layout(document)   // Data, ready to write to disk
///
/// The table of contents needs the page numbers of the headings. Its layout leaves a fixed column for
/// them, so the flow is laid out once and the numbers are filled in when the pages are known (the
/// result of a second pass, without its cost).
public struct Typesetter: Sendable {
    /// Flate-compress the page content (on by default; off to read the content streams as text).
    public var compress: Bool

    public init(compress: Bool = true) {
        self.compress = compress
    }

    /// The finished PDF.
    public func layout(_ document: TypesetDocument) -> Data {
        Data(typeset(document).bytes)
    }

    /// The finished PDF with facts about the layout, for tests and callers that report on it.
    public func typeset(_ document: TypesetDocument) -> TypesetResult {
        let style = document.style
        let marks = FlowBuilder.headingMarks(of: document.blocks, numbered: document.numberHeadings)
        let firstFlowPage = document.cover == nil ? 1 : 2
        let paginator = Paginator(
            contentHeight: style.pageHeight - style.marginTop - style.marginBottom,
            top: style.marginTop)

        // The cover's paragraphs come first in the structure, as on paper.
        var structure = StructureTree()
        let decorations = PageDecorations(style: style)
        var pageOps: [[DrawOp]] = []
        if let cover = document.cover { pageOps.append(decorations.cover(cover, structure: &structure)) }

        let hyphenation = style.hyphenate ? HyphenationCache(Hyphenator.dutch) : nil
        var builder = FlowBuilder(style: style, headings: marks, structure: structure, hyphenation: hyphenation)
        for block in document.blocks { builder.add(block) }
        structure = builder.structure
        var pages = paginator.paginate(builder.slices)
        var pageNumbers: [String: Int] = [:]
        for (index, page) in pages.enumerated() {
            for placed in page {
                if let mark = placed.slice.heading { pageNumbers[mark.anchor] = index + firstFlowPage }
            }
        }

        // A document needs a page, even when it has nothing to show.
        if pages.isEmpty && document.cover == nil { pages = [[]] }

        // Final pages: cover, then the flow with header and footer.
        let total = pages.count + firstFlowPage - 1
        var outline: [OutlineEntry] = []
        var destinations: [String: (page: Int, y: Double)] = [:]
        var headingPages: [TypesetResult.HeadingPage] = []
        var chapter: String?
        for (index, page) in pages.enumerated() {
            let pageIndex = pageOps.count
            var ops: [DrawOp] = []
            var chapterOnPage: String?
            for placed in page {
                for anchor in placed.slice.anchors where destinations[anchor] == nil {
                    destinations[anchor] = (pageIndex, placed.top)
                }
                if let mark = placed.slice.heading {
                    outline.append(OutlineEntry(level: mark.level, title: mark.title, page: pageIndex, y: placed.top))
                    destinations[mark.anchor] = (pageIndex, placed.top)
                    headingPages.append(.init(level: mark.level, title: mark.title, page: pageIndex + 1))
                    if mark.level == 1 && chapterOnPage == nil { chapterOnPage = mark.title }
                }
            }
            if let chapterOnPage { chapter = chapterOnPage }
            ops.append(contentsOf: decorations.header(left: document.runningHeader, right: chapter))
            for placed in page {
                for op in placed.slice.ops {
                    if case .pageNumber(
                        let anchor, let leaderStart, let right, let y, let font, let size, let color, let mark) = op
                    {
                        ops.append(
                            contentsOf: DrawOp.resolvedPageNumber(
                                pageNumbers[anchor], leaderStart: leaderStart, right: right,
                                y: y + placed.top, font: font, size: size, color: color,
                                mark: mark))
                    } else if placed.slice.isRepeat {
                        // A table header again on a following page: a visual repeat, not content.
                        if let repeated = op.offset(by: placed.top).asArtifact(.repeated) { ops.append(repeated) }
                    } else {
                        ops.append(op.offset(by: placed.top))
                    }
                }
            }
            ops.append(contentsOf: decorations.footer(page: index + firstFlowPage, of: total))
            pageOps.append(ops)
        }
        let assembler = PDFAssembler(
            style: style, metadata: document.metadata, compress: compress,
            claimPDFA: document.claimPDFA)
        let bytes = assembler.assemble(
            pages: pageOps, outline: outline, destinations: destinations, structure: structure)
        return TypesetResult(bytes: bytes, pageCount: pageOps.count, headings: headingPages, spacing: builder.spacing)
    }
}

/// A typeset document: the PDF bytes, the number of pages and where each heading landed.
public struct TypesetResult: Sendable {
    /// A heading with its number and the 1-based page it starts on; `level` is its depth in the outline.
    public struct HeadingPage: Sendable, Equatable {
        public var level: Int
        public var title: String
        public var page: Int
    }

    /// How evenly the justified paragraphs came out.
    public struct Spacing: Sendable, Equatable {
        /// Justified lines (every line of a justified paragraph but its last).
        public var justifiedLines = 0
        /// The widest word spaces of any justified line, as a multiple of their natural width.
        public var largestSpaceRatio = 1.0
        /// Justified lines whose spaces are more than twice their natural width.
        public var veryLooseLines = 0
        /// Lines that could only have been justified with spaces over 2.5 times as wide, set ragged instead.
        public var raggedLooseLines = 0
        /// Lines that end in a hyphen the typesetter added.
        public var hyphenatedLines = 0
        /// Justified lines with a little letter spacing, so that their spaces stay at most twice as wide.
        public var letterSpacedLines = 0
    }

    public var bytes: [UInt8]
    public var pageCount: Int
    public var headings: [HeadingPage]
    public var spacing = Spacing()

    /// The PDF file.
    public var data: Data { Data(bytes) }
}
