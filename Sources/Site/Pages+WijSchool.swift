import ContentModel
import Foundation
import Templates

/// The WIJ SCHOOL overview (counts per pyramid level, keurmerken per school year) and a page per
/// published scan with the progress chart.
extension PagePlanner {
    static func keurmerkLabel(_ keurmerk: Keurmerk) -> String {
        switch keurmerk {
        case .toegekend: return "keurmerk toegekend"
        case .vervolgbegeleiding: return "vervolgbegeleiding nodig"
        case .open: return "nog geen uitkomst"
        }
    }

    /// The pyramid levels of `site.yml`, lowest first.
    static func levels(_ data: SiteData) -> [PyramidLevel] {
        data.content.site.pyramidLevels.sorted { $0.order < $1.order }
    }

    static func wijSchool(_ data: SiteData) -> [PlannedPage] {
        let scans = data.content.scans
        guard PageReads.untracked({ !scans.isEmpty || !levels(data).isEmpty }) else { return [] }
        let title = "WIJ SCHOOL"
        var pages = [
            PlannedPage(path: Routes.wijschool, template: "wijschool.html") { data in
                var info = PageInfo(kind: "wijschool", title: title, path: Routes.wijschool, section: Routes.wijschool)
                info.breadcrumbs = PageInfo.crumbs([(title, Routes.wijschool)])
                let levelRows: [Value] = levels(data).reversed().map { level in
                    let start = scans.filter { $0.phases.first?.level == level.slug }.count
                    let latest = scans.filter { $0.phases.last?.level == level.slug }.count
                    return .object([
                        ("title", .string(level.title)), ("description", .text(level.description)),
                        ("startCount", .int(start)), ("latestCount", .int(latest)),
                    ])
                }
                let keurmerken = data.keurmerken
                let years = keurmerken.keys.sorted()
                let keurmerkValues: Value = .list(
                    years.map { year in
                        let summary = keurmerken[year]!
                        return .object([
                            ("schoolYear", .string(year.description)), ("toegekend", .int(summary.awarded.count)),
                            ("vervolgbegeleiding", .int(summary.furtherGuidance.count)),
                            ("open", .int(summary.open.count)),
                        ])
                    })
                return [
                    "page": info.value(data),
                    "wijschool": .object([
                        ("levels", .list(levelRows)), ("keurmerken", years.isEmpty ? .none : keurmerkValues),
                    ]),
                    "scans": .list(
                        scans.map { scan in
                            .object([
                                ("url", .string(data.url(Routes.scan(scan.slug)))), ("school", .string(scan.school)),
                                ("place", .string(scan.place)), ("schoolYear", .string(scan.schoolYear.description)),
                                ("keurmerkLabel", .string(keurmerkLabel(scan.keurmerk))),
                            ])
                        }),
                ]
            }
        ]
        for scan in PageReads.untracked({ Array(scans) }) {
            let path = Routes.scan(scan.item.slug)
            pages.append(
                PlannedPage(path: path, template: "scan.html") { data in
                    let levels = levels(data)
                    let levelsValue: Value = .list(
                        levels.enumerated().map { rank, level in
                            let lines = labelLines(level.title)
                            return .object([
                                ("slug", .string(level.slug)), ("title", .string(level.title)),
                                ("rank", .int(rank + 1)),
                                ("lines", .texts(lines)), ("longestLine", .int(lines.map(\.count).max() ?? 0)),
                            ])
                        })
                    let rankOf = Dictionary(
                        levels.enumerated().map { ($1.slug, $0 + 1) }, uniquingKeysWith: { a, _ in a })
                    let titleOf = Dictionary(levels.map { ($0.slug, $0.title) }, uniquingKeysWith: { a, _ in a })
                    func series(_ name: String, _ phases: [ScanPhase], school: Bool) -> Value {
                        let points: [Value] = phases.compactMap { phase in
                            rankOf[phase.level].map { .object([("phase", .int(phase.phase)), ("rank", .int($0))]) }
                        }
                        let cells: [Value] = (1...3).map { number in
                            .string(
                                phases.first { $0.phase == number }.map { titleOf[$0.level] ?? $0.level }
                                    ?? "nog niet gescand")
                        }
                        return .object([
                            ("name", .string(name)), ("isSchool", .bool(school)), ("points", .list(points)),
                            ("cells", .list(cells)),
                        ])
                    }
                    var info = PageInfo(
                        kind: "scan", title: "\(scan.school) (\(scan.schoolYear))", path: path,
                        section: Routes.wijschool)
                    info.breadcrumbs = PageInfo.crumbs([(title, Routes.wijschool), (scan.school, path)])
                    if let s = scans.neighbour(of: scan.id, offset: -1) { info.prev = (s.school, Routes.scan(s.slug)) }
                    if let s = scans.neighbour(of: scan.id, offset: 1) { info.next = (s.school, Routes.scan(s.slug)) }
                    let body = data.body(of: scan)
                    info.show(body, of: scan)
                    let adviceText = Dictionary(scan.advice.map { ($0.id, $0.text) }, uniquingKeysWith: { a, _ in a })
                    return PageContext([
                        "page": info.value(data),
                        "levels": levelsValue,
                        "scan": .object([
                            ("school", .string(scan.school)), ("place", .string(scan.place)),
                            ("schoolYear", .string(scan.schoolYear.description)),
                            ("projectLeader", .string(scan.projectLeader)),
                            ("keurmerkLabel", .string(keurmerkLabel(scan.keurmerk))),
                            (
                                "series",
                                .list(
                                    [series("De school", scan.phases, school: true)]
                                        + scan.classes.map { series($0.name, $0.phases, school: false) })
                            ),
                            (
                                "advice",
                                .list(
                                    scan.advice.map { a in
                                        .object([
                                            ("id", .string(a.id)), ("text", .string(a.text)),
                                            ("forClass", .text(a.className)),
                                        ])
                                    })
                            ),
                            (
                                "interventions",
                                .list(
                                    scan.interventions.map { i in
                                        .object([
                                            ("title", .string(i.title)),
                                            (
                                                "byLabel",
                                                .string(i.by == .school ? "de school zelf" : "externe professionals")
                                            ),
                                            ("advice", .string(adviceText[i.advice] ?? i.advice)),
                                        ])
                                    })
                            ),
                            ("content", body.map { .safe($0.html) } ?? .none),
                        ]),
                    ])
                })
        }
        return pages
    }

    /// A level's name as the lines of a chart label, each at most `width` characters where the words allow:
    /// the label column of the scan chart is as wide as its longest line, and a wider chart is drawn smaller
    /// on a phone, so "Verankeren in het hele team" goes on two lines rather than shrink every label.
    static func labelLines(_ title: String, width: Int = 14) -> [String] {
        var lines: [String] = []
        for word in title.split(separator: " ") {
            if let last = lines.last, last.count + 1 + word.count <= width {
                lines[lines.count - 1] = last + " " + word
            } else {
                lines.append(String(word))
            }
        }
        return lines
    }
}
