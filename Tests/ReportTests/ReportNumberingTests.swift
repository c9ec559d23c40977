import XCTest

@testable import Report

/// Automatic numbering: chapters 1, 2, …; sections 1.1, 2.1.3; unnumbered parts skipped; unique anchors.
final class ReportNumberingTests: XCTestCase {
    func testNumbersAndAnchors() {
        var appendix = ReportSection(title: "Bijlage", level: 1, numbered: false)
        appendix.subsections = [ReportSection(title: "Afkortingen", level: 2, numbered: false)]
        var document = ReportDocument(
            year: 2020, title: "Jaarverslag 2020", subtitle: nil, coverLines: [], author: "MA", runningHeader: "",
            foreword: ReportSection(title: "Voorwoord", level: 1, numbered: false),
            chapters: [
                ReportSection(
                    title: "Visie", level: 1,
                    subsections: [
                        ReportSection(title: "Missie", level: 2),
                        ReportSection(
                            title: "Missie", level: 2, subsections: [ReportSection(title: "Details", level: 3)]),
                    ]),
                appendix,
                ReportSection(title: "Financiën", level: 1, subsections: [ReportSection(title: "Resultaat", level: 2)]),
            ])
        ReportNumbering.apply(to: &document)
        XCTAssertEqual(
            document.outline,
            [
                "Voorwoord", "1 Visie", "1.1 Missie", "1.2 Missie", "1.2.1 Details", "Bijlage",
                "Afkortingen", "2 Financiën", "2.1 Resultaat",
            ])
        let anchors = document.allSections.map(\.anchor)
        XCTAssertEqual(anchors[0], "h-voorwoord")
        XCTAssertEqual(anchors[2], "h-1-1-missie")
        XCTAssertEqual(anchors[7], "h-2-financien")
        XCTAssertEqual(Set(anchors).count, anchors.count)
    }
}
