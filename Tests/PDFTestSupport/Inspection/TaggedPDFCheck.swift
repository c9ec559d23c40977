import Escaping
import PDF

/// Our own check of a tagged PDF, on what `PDFInspector` reads: the structural rules of PDF/UA-1
/// (ISO 14289-1) and PDF/A-2a (ISO 19005-2) that a file can be checked for without a full validator.
/// Each problem names the clause it breaks. See docs/pdf.md for the list and for what it does not cover.
extension PDFInspector {
    /// Everything wrong with the file's tagging, metadata and fonts; empty when it passes.
    public func taggingProblems(requirePDFA: Bool = true) -> [String] {
        var problems: [String] = []
        func problem(_ clause: String, _ text: String) { problems.append("\(clause): \(text)") }

        // Document settings (PDF/UA-1 6.2, 7.1, 7.2; PDF/A-2 6.7, 6.2.2).
        if catalog["MarkInfo"]?["Marked"]?.bool != true {
            problem("PDF/UA-1 6.2", "/MarkInfo << /Marked true >> ontbreekt")
        }
        if catalog["StructTreeRoot"] == nil { problem("PDF/UA-1 7.1", "geen /StructTreeRoot") }
        if (language ?? "").isEmpty { problem("PDF/UA-1 7.2", "geen /Lang in de catalogus") }
        if (try? resolve(catalog["ViewerPreferences"]))??["DisplayDocTitle"]?.bool != true {
            problem("PDF/UA-1 7.1", "/ViewerPreferences /DisplayDocTitle is niet true")
        }
        if (info["Title"] ?? "").isEmpty { problem("PDF/UA-1 7.1", "geen /Title") }
        let xmp = metadata ?? ""
        if !xmp.contains("<pdfuaid:part>1</pdfuaid:part>") { problem("PDF/UA-1 5", "XMP zonder pdfuaid:part 1") }
        if let title = info["Title"], !xmp.contains(">\(xmlEscaped(title))</rdf:li></rdf:Alt></dc:title>") {
            problem("PDF/UA-1 7.1", "dc:title in de XMP is niet de /Title")
        }
        if requirePDFA {
            if !xmp.contains("<pdfaid:part>2</pdfaid:part>")
                || !xmp.contains("<pdfaid:conformance>A</pdfaid:conformance>")
            {
                problem("PDF/A-2 6.6.4", "XMP zonder pdfaid:part 2 en conformance A")
            }
            if catalog["OutputIntents"] == nil { problem("PDF/A-2 6.2.3", "geen /OutputIntents (sRGB)") }
            if let author = info["Author"], !xmp.contains("<rdf:Seq><rdf:li>\(xmlEscaped(author))</rdf:li></rdf:Seq>") {
                problem("PDF/A-2 6.6.3", "dc:creator in de XMP is niet de /Author")
            }
            if let producer = info["Producer"], !xmp.contains("<pdf:Producer>\(xmlEscaped(producer))</pdf:Producer>") {
                problem("PDF/A-2 6.6.3", "pdf:Producer in de XMP is niet de /Producer")
            }
        }

        // Fonts (PDF/UA-1 7.21.4.1, 7.21.7; PDF/A-2 6.2.11.4, 6.2.11.7).
        for font in fontInfo {
            if !font.embedded { problem("PDF/UA-1 7.21.4.1", "lettertype \(font.baseFont) is niet ingesloten") }
            if !font.hasToUnicode { problem("PDF/UA-1 7.21.7", "lettertype \(font.baseFont) heeft geen ToUnicode") }
        }

        // Every text-showing operator is real content reachable from the tree, or an artifact (7.1).
        var claimed: [Int: [Int: Int]] = [:]  // page → MCID → element index
        for (index, element) in structure.enumerated() {
            for (page, mcid) in element.content {
                if claimed[page]?[mcid] != nil {
                    problem("PDF/UA-1 7.1", "MCID \(mcid) op pagina \(page) hoort bij twee elementen")
                }
                claimed[page, default: [:]][mcid] = index
            }
        }
        for (pageIndex, page) in shownText.enumerated() {
            for (k, shown) in page.enumerated() {
                if shown.inArtifact {
                    if shown.mcid != nil {
                        problem("PDF/UA-1 7.1", "pagina \(pageIndex + 1): tekst met MCID binnen een Artifact")
                    }
                    continue
                }
                guard let mcid = shown.mcid else {
                    problem(
                        "PDF/UA-1 7.1",
                        "pagina \(pageIndex + 1), tekst \(k + 1) ('\(shown.text.prefix(30))') is niet getagd en geen artifact"
                    )
                    continue
                }
                guard let owner = claimed[pageIndex + 1]?[mcid] else {
                    problem(
                        "PDF/UA-1 7.1",
                        "pagina \(pageIndex + 1): MCID \(mcid) ('\(shown.text.prefix(30))') komt in de structuurboom niet voor"
                    )
                    continue
                }
                if let tag = shown.tag, tag != structure[owner].type, structure[owner].type != "Span" {
                    problem(
                        "PDF/UA-1 7.1",
                        "pagina \(pageIndex + 1): MCID \(mcid) staat in /\(tag), maar hoort bij een \(structure[owner].type)"
                    )
                }
            }
        }
        // The parent tree maps every MCID back to its element (ISO 32000-1 14.7.4.4).
        for (pageIndex, page) in pages.enumerated() {
            guard let mcids = claimed[pageIndex + 1], !mcids.isEmpty else { continue }
            guard let key = page["StructParents"]?.int, let list = parentTree[key] else {
                problem(
                    "ISO 32000-1 14.7.4.4",
                    "pagina \(pageIndex + 1) heeft content met MCID's maar geen /StructParents in de ParentTree")
                continue
            }
            for (mcid, owner) in mcids where mcid >= list.count || list[mcid] != structure[owner].object {
                problem(
                    "ISO 32000-1 14.7.4.4",
                    "pagina \(pageIndex + 1): de ParentTree wijst MCID \(mcid) niet naar zijn element")
            }
        }

        // Headings: H1-H6 only, the first an H1, no level skipped (7.4.2), and the same as the outline.
        let headings = structure.filter { $0.type.count == 2 && $0.type.hasPrefix("H") && $0.type.last!.isNumber }
        if structure.contains(where: { $0.type == "H" }) {
            problem("PDF/UA-1 7.4.4", "een document met H1-H6 gebruikt ook H")
        }
        var previous = 0
        for heading in headings {
            let level = Int(String(heading.type.last!)) ?? 0
            if level > previous + 1 {
                problem("PDF/UA-1 7.4.2", "\(heading.type) na H\(previous): een niveau overgeslagen")
            }
            previous = level
            if heading.content.isEmpty && heading.children.isEmpty { problem("PDF/UA-1 7.4.2", "lege \(heading.type)") }
        }
        let headingTitles = headings.map { element -> (Int, String) in
            let level = Int(String(element.type.last!)) ?? 0
            return (level, normalized(text(of: element, separator: "\n")))
        }
        let outlineTitles = outline.map { ($0.level, normalized($0.title)) }
        if headingTitles.count != outlineTitles.count
            || zip(headingTitles, outlineTitles).contains(where: { $0.0 != $1.0 || $0.1 != $1.1 })
        {
            let first = zip(headingTitles, outlineTitles).first { $0.0 != $1.0 || $0.1 != $1.1 }
            problem(
                "PDF/UA-1 7.4",
                "koppen in de structuur (\(headingTitles.count)) zijn niet de bladwijzers (\(outlineTitles.count))"
                    + (first.map { ": H\($0.0.0) '\($0.0.1)' tegenover niveau \($0.1.0) '\($0.1.1)'" } ?? ""))
        }

        // Figures have an alternative description (7.3); table headers a scope (7.5); lists and tables
        // are built from their parts (7.6, 7.5).
        for element in structure {
            switch element.type {
            case "Figure":
                if (element.alt ?? element.actualText ?? "").trimmingCharacters(in: .whitespaces).isEmpty {
                    problem("PDF/UA-1 7.3", "Figure zonder /Alt")
                }
            case "TH":
                if element.scope == nil { problem("PDF/UA-1 7.5", "TH zonder /Scope") }
            case "TR":
                if structure[element.parent].type != "THead" && structure[element.parent].type != "TBody"
                    && structure[element.parent].type != "Table"
                {
                    problem("PDF/UA-1 7.5", "TR buiten een tabel")
                }
                if element.children.contains(where: { structure[$0].type != "TH" && structure[$0].type != "TD" }) {
                    problem("PDF/UA-1 7.5", "TR met iets anders dan TH of TD")
                }
            case "LI":
                if element.parent < 0 || structure[element.parent].type != "L" {
                    problem("PDF/UA-1 7.6", "LI buiten een L")
                }
            case "L":
                if element.children.contains(where: { structure[$0].type != "LI" && structure[$0].type != "Caption" }) {
                    problem("PDF/UA-1 7.6", "L met iets anders dan LI")
                }
                if element.listNumbering == nil { problem("PDF/UA-1 7.6", "L zonder /ListNumbering") }
            case "TOCI":
                if element.parent < 0 || structure[element.parent].type != "TOC" {
                    problem("ISO 32000-1 14.8.4.3", "TOCI buiten een TOC")
                }
            default:
                break
            }
        }
        // Tables: every row as many cells (7.5).
        for (index, element) in structure.enumerated() where element.type == "Table" {
            var widths = Set<Int>()
            func rows(_ e: Int) -> [Int] {
                structure[e].children.flatMap { structure[$0].type == "TR" ? [$0] : rows($0) }
            }
            for row in rows(index) { widths.insert(structure[row].children.count) }
            if widths.count > 1 {
                problem("PDF/UA-1 7.5", "tabel met rijen van verschillend aantal cellen: \(widths.sorted())")
            }
        }

        // Link annotations: described (7.18.5), printable (PDF/A-2 6.3.2), in a Link element reached
        // through the parent tree (7.18.1), on a page with /Tabs /S (7.18.3).
        var annotationOwners: [Int: Int] = [:]
        for (index, element) in structure.enumerated() { for a in element.annotations { annotationOwners[a] = index } }
        for link in links {
            if (link.contents ?? "").isEmpty {
                problem("PDF/UA-1 7.18.5", "link op pagina \(link.page) zonder /Contents")
            }
            if link.flags & 4 == 0 { problem("PDF/A-2 6.3.2", "link op pagina \(link.page) zonder de Print-vlag") }
            guard let owner = annotationOwners[link.object] else {
                problem("PDF/UA-1 7.18.1", "link op pagina \(link.page) staat niet in de structuurboom")
                continue
            }
            if structure[owner].type != "Link" {
                problem("PDF/UA-1 7.18.5", "link op pagina \(link.page) hangt onder een \(structure[owner].type)")
            }
            if let key = link.structParent {
                if parentTree[key]?.first ?? nil != structure[owner].object {
                    problem(
                        "ISO 32000-1 14.7.4.4", "de ParentTree wijst de link op pagina \(link.page) niet naar zijn Link"
                    )
                }
            } else {
                problem("ISO 32000-1 14.7.4.4", "link op pagina \(link.page) zonder /StructParent")
            }
            if pages[link.page - 1]["Tabs"]?.name != "S" {
                problem("PDF/UA-1 7.18.3", "pagina \(link.page) met links heeft geen /Tabs /S")
            }
        }
        return problems
    }

    /// The text an element holds: its own marked content and its children's, in order (each
    /// text-showing operator's text followed by `separator`).
    public func text(of element: Element, separator: String = "") -> String {
        var out = ""
        for (page, mcid) in element.content {
            guard page >= 1 && page <= shownText.count else { continue }
            for shown in shownText[page - 1] where shown.mcid == mcid && !shown.inArtifact {
                out += shown.text + separator
            }
        }
        for child in element.children { out += text(of: structure[child], separator: separator) }
        return out
    }

    /// Spaces of every kind as one space, the hyphen of a line break gone.
    private func normalized(_ text: String) -> String {
        var out = ""
        var space = false
        for scalar in text.unicodeScalars {
            if scalar == "\u{AD}" { continue }
            if scalar == " " || scalar == "\u{A0}" || scalar == "\n" {
                space = true
                continue
            }
            if space && !out.isEmpty { out += " " }
            space = false
            out.unicodeScalars.append(scalar)
        }
        return out
    }

    private func xmlEscaped(_ text: String) -> String { HTMLEscaper.escape(text) }
}
