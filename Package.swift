// swift-tools-version:6.0
// breingen: a static site generator and annual-report builder. No package dependencies by design:
// Foundation, Dispatch, Glibc and XCTest only.
import PackageDescription

let package = Package(
    name: "breingen",
    products: [
        .executable(name: "breingen", targets: ["breingen"])
    ],
    targets: [
        // Shared by every module: one diagnostic type (file:line:col, caret, colour).
        .target(name: "Diagnostics"),
        // The one HTML escaper and the one JSON string writer, each with its variants as a parameter.
        .target(name: "Escaping"),
        // The one parallel map: independent work on every core, results in order, the first error by index.
        .target(name: "Parallel"),
        // CommonMark + GFM parser, AST and HTML renderer.
        .target(name: "Markdown", dependencies: ["Escaping"]),
        // Jinja-style template engine for themes.
        .target(name: "Templates", dependencies: ["Diagnostics", "DataFormats", "Escaping"]),
        // YAML subset and CSV readers for front matter and data files.
        .target(name: "DataFormats", dependencies: ["Diagnostics", "Escaping"]),
        // Typed, validated content: themes, best practices, people, finance, ...
        .target(name: "ContentModel", dependencies: ["DataFormats", "Diagnostics", "Markdown", "Parallel"]),
        // Low-level PDF writer: objects, standard fonts and metrics, pages, outlines.
        .target(name: "PDF", dependencies: ["Parallel", "Escaping", "Diagnostics"]),
        // Site search: tokenizer, Dutch stemmer, folding, stop words, and the sharded index the theme's script reads.
        .target(name: "Search", dependencies: ["Escaping", "Parallel"]),
        // The site build: content + theme -> output/.
        .target(
            name: "Site",
            dependencies: [
                "ContentModel", "Markdown", "Templates", "Diagnostics", "DataFormats", "Report", "Escaping", "Parallel",
                "Search",
            ]),
        // The annual report (jaarverslag) as HTML and PDF.
        .target(
            name: "Report",
            dependencies: ["ContentModel", "Markdown", "PDF", "Diagnostics", "DataFormats", "Escaping", "Parallel"]),
        // Small HTTP/1.1 server for `breingen serve`.
        .target(name: "Server", dependencies: ["Diagnostics", "Escaping", "Parallel"]),
        // Argument parsing and the commands; the executable only forwards to it.
        .target(
            name: "Commands",
            dependencies: [
                "Diagnostics", "Markdown", "Templates", "DataFormats", "ContentModel", "Site", "Report", "Server",
            ]),
        .executableTarget(name: "breingen", dependencies: ["Commands"]),
        // Makes the theme's web fonts (WOFF, Latin subset) from its TrueType fonts (scripts/fonts/webfonts.sh).
        .executableTarget(name: "font-subset", dependencies: ["PDF"], path: "Sources/font-subset"),

        // Benchmarks (bench/AREA/run.sh builds and runs each in release; docs/benchmarks.md has the figures).
        // Markdown against pulldown-cmark, md4c and cmark: speed, memory, hostile input (bench/markdown/run.sh).
        .executableTarget(
            name: "bench-markdown", dependencies: ["Markdown", "MarkdownHostileInputs"],
            path: "bench/markdown/bench-markdown"),
        // The template engine against Jinja2 (bench/templates/run.sh).
        .executableTarget(
            name: "bench-templates", dependencies: ["Templates"], path: "bench/templates/bench-templates"),
        // The YAML and CSV readers against PyYAML and Python's csv (bench/data-formats/run.sh).
        .executableTarget(
            name: "bench-data-formats", dependencies: ["DataFormats", "Diagnostics", "Parallel"],
            path: "bench/data-formats/bench-data-formats"),
        // The search index's reading and joining passes on one core (bench/search/run.sh).
        .executableTarget(name: "bench-search", dependencies: ["Search"], path: "bench/search/bench-search"),
        // The typesetter on the sample document, against ReportLab (bench/pdf/run.sh); also writes the sample PDF.
        .executableTarget(name: "bench-pdf", dependencies: ["PDF", "PDFTestSupport"], path: "bench/pdf/bench-pdf"),

        // Test helpers shared by test targets: finding and running external tools (qpdf, pdftotext, ...).
        .target(name: "TestSupport", dependencies: ["Search"], path: "Tests/TestSupport"),
        // Reading our PDFs back (PDFInspector, the tagged-PDF check, inflate) and the sample document: for the
        // tests of PDF and Report and for bench-pdf, never part of the product.
        .target(name: "PDFTestSupport", dependencies: ["PDF", "Escaping"], path: "Tests/PDFTestSupport"),
        // The hostile Markdown inputs, one list shared by MarkdownTests and bench-markdown.
        .target(name: "MarkdownHostileInputs", path: "Tests/MarkdownHostileInputs"),
        .testTarget(name: "DiagnosticsTests", dependencies: ["Diagnostics", "TestSupport"]),
        .testTarget(name: "EscapingTests", dependencies: ["Escaping"]),
        .testTarget(name: "ParallelTests", dependencies: ["Parallel"]),
        .testTarget(name: "CommandsTests", dependencies: ["Commands"]),
        .testTarget(name: "EndToEndTests", dependencies: ["breingen", "TestSupport"], exclude: ["Fixtures"]),
        .testTarget(
            name: "MarkdownTests", dependencies: ["Markdown", "MarkdownHostileInputs"], exclude: ["Conformance"]),
        .testTarget(name: "TemplatesTests", dependencies: ["Templates", "Diagnostics", "DataFormats", "Escaping"]),
        .testTarget(name: "DataFormatsTests", dependencies: ["DataFormats"]),
        .testTarget(name: "ContentModelTests", dependencies: ["ContentModel", "Markdown"]),
        .testTarget(name: "PDFTests", dependencies: ["PDF", "PDFTestSupport", "TestSupport"]),
        .testTarget(name: "SearchTests", dependencies: ["Search", "TestSupport"]),
        .testTarget(name: "SiteTests", dependencies: ["Site", "ContentModel", "DataFormats", "TestSupport"]),
        .testTarget(name: "ReportTests", dependencies: ["Report", "Escaping", "PDF", "PDFTestSupport", "TestSupport"]),
        .testTarget(name: "ServerTests", dependencies: ["Server", "TestSupport"]),
    ],
    swiftLanguageModes: [.v5]
)
