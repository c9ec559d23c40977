import ContentModel
import Foundation

/// The WIJ SCHOOL programme in a calendar year: how many schools had each scan, how many earned the
/// keurmerk. Internal scans count in every figure but are named only in an internal report.
struct WijSchoolYear {
    let kb: KnowledgeBase
    let year: Int
    let includeInternal: Bool

    /// The counts, for the section and for tests.
    struct Figures: Equatable {
        /// Schools with a scan of phase 1, 2, 3 dated in the year.
        var phaseCounts: [Int]
        var awarded: Int
        var furtherGuidance: Int
        var schools: Int
        /// Schools left unnamed because their data are internal.
        var unnamed: Int
    }

    /// Scans of the school years that overlap the calendar year (2019-2020 and 2020-2021 for 2020) with a
    /// scan moment in the year.
    var scans: [SchoolScan] {
        kb.schoolScans.filter { scan in
            (scan.schoolYear.startYear == year || scan.schoolYear.startYear == year - 1)
                && scan.phases.contains { $0.date.year == year }
        }
    }

    /// The year a scan's keurmerk outcome falls in: the date of its last phase.
    private func outcomeYear(_ scan: SchoolScan) -> Int? {
        scan.phases.first { $0.phase == 3 }?.date.year
    }

    var figures: Figures {
        let scans = self.scans
        let counts = (1...3).map { phase in
            scans.filter { $0.phases.contains { $0.phase == phase && $0.date.year == year } }.count
        }
        let decided = scans.filter { outcomeYear($0) == year }
        return Figures(
            phaseCounts: counts,
            awarded: decided.filter { $0.keurmerk == .toegekend }.count,
            furtherGuidance: decided.filter { $0.keurmerk == .vervolgbegeleiding }.count,
            schools: scans.count,
            unnamed: includeInternal ? 0 : scans.filter { $0.info.visibility != .public }.count)
    }

    func section() -> ReportSection {
        let f = figures
        var blocks: [ReportBlock] = []
        let schoolWord = f.schools == 1 ? "school" : "scholen"
        blocks.append(
            .paragraph([
                ReportInline(
                    "WIJ SCHOOL is een programma van een jaar per school. Een scan aan het begin (fase 1), halverwege (fase 2) en aan het eind (fase 3) "
                        + "plaatst de school op de inclusiepiramide; wie aan het eind hoog genoeg staat, krijgt het WIJ SCHOOL keurmerk. "
                        + "In \(year) "
                        + (f.schools == 1 ? "deed één school" : "deden \(DutchWords.count(f.schools)) \(schoolWord)")
                        + " mee.")
            ]))
        blocks.append(
            .table(
                ReportTable(
                    caption: "WIJ SCHOOL in \(year)", header: ["", "Scholen"], alignments: [.left, .right],
                    rows: [
                        .init(["Scan fase 1 (start)", String(f.phaseCounts[0])]),
                        .init(["Scan fase 2 (halverwege)", String(f.phaseCounts[1])]),
                        .init(["Scan fase 3 (eind)", String(f.phaseCounts[2])]),
                        .init(["Keurmerk toegekend", String(f.awarded)], bold: true),
                        .init(["Beperkte vervolgbegeleiding", String(f.furtherGuidance)]),
                    ])))
        let named = scans.filter { includeInternal || $0.info.visibility == .public }
        if !named.isEmpty {
            blocks.append(
                .list(
                    ReportList(
                        ordered: false,
                        items: named.map { scan in
                            var inlines = [
                                ReportInline(scan.school, bold: true),
                                ReportInline(" (\(scan.place), schooljaar \(scan.schoolYear))"),
                            ]
                            let reached = scan.phases.filter { $0.date.year == year }.last
                            if let reached {
                                let level = kb.site.level(reached.level)?.title ?? reached.level
                                inlines.append(ReportInline(": na fase \(reached.phase) op de trede ‘\(level)’"))
                            }
                            if outcomeYear(scan) == year {
                                switch scan.keurmerk {
                                case .toegekend: inlines.append(ReportInline("; keurmerk toegekend"))
                                case .vervolgbegeleiding: inlines.append(ReportInline("; beperkte vervolgbegeleiding"))
                                case .open: break
                                }
                            }
                            if includeInternal && scan.info.visibility != .public {
                                inlines.append(ReportInline(" (intern)", italic: true))
                            }
                            inlines.append(ReportInline("."))
                            return ReportListItem(inlines)
                        })))
        }
        if f.unnamed > 0 {
            let text =
                f.unnamed == 1
                ? "Eén school staat in de cijfers, maar wordt niet bij naam genoemd: haar scangegevens zijn intern."
                : "\(f.unnamed) scholen staan in de cijfers, maar worden niet bij naam genoemd: hun scangegevens zijn intern."
            blocks.append(.paragraph([ReportInline(text, italic: true)]))
        }
        return ReportSection(title: "WIJ SCHOOL in \(year)", level: 3, blocks: blocks)
    }
}
