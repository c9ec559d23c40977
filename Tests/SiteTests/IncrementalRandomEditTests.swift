import Foundation
import TestSupport
import XCTest

@testable import Site

/// Hunts for differences between the incremental builder and a full build with seeded random edits of
/// best practices' front matter (title, date, tags, themes, places, status, summary, category, business
/// model, lessBest, target group, website, aliases) and bodies, on a generated site made for ties: many equal
/// dates, shared title prefixes, tags in two cases.
/// Every round must give the full build's bytes; now and then a round breaks a file on purpose (the
/// build must fail) and the next round repairs it. A failure names the seed, the round, every edit
/// (file and fields) and the differing files; `BREINGEN_RANDOM_SEED=N` runs another seed.
final class IncrementalRandomEditTests: XCTestCase {
    private static let defaultSeed: UInt64 = 20_201_231
    private static let rounds = 40
    private static let practiceCount = 120

    private var site: URL!
    private var work: URL!
    private let fm = FileManager.default
    private var rng = SplitMix64(seed: 0)
    private var practices: [Practice] = []

    override func setUpWithError() throws {
        let repository = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent()
        let base = fm.temporaryDirectory.appendingPathComponent("incremental-random-\(UUID().uuidString)")
        site = base.appendingPathComponent("site")
        work = base.appendingPathComponent("work")
        try fm.createDirectory(at: site.appendingPathComponent("themes"), withIntermediateDirectories: true)
        try fm.createDirectory(at: site.appendingPathComponent("content/themes"), withIntermediateDirectories: true)
        try fm.createDirectory(
            at: site.appendingPathComponent("content/best-practices"), withIntermediateDirectories: true)
        try fm.createDirectory(at: work, withIntermediateDirectories: true)
        try fm.copyItem(
            at: repository.appendingPathComponent("themes/default"), to: site.appendingPathComponent("themes/default"))

        try "title: Willekeurig Brein\nbaseURL: https://test.example.org/\nlanguage: nl\n"
            .write(to: site.appendingPathComponent("content/site.yml"), atomically: true, encoding: .utf8)
        for (i, theme) in Self.themes.enumerated() {
            // The last theme has no number, so it sorts after the numbered ones.
            let number = i < Self.themes.count - 1 ? "number: \"2.\(i + 1)\"\n" : ""
            try """
            ---
            title: \(theme.title)
            \(number)period: "2020-2022"
            objective: Meer samenwerking rond \(theme.title.lowercased()).
            summary: Samen werken aan \(theme.title.lowercased()).
            ---

            ## Het probleem

            Partijen weten te weinig van elkaar.

            """.write(
                to: site.appendingPathComponent("content/themes/\(theme.slug).md"), atomically: true, encoding: .utf8)
        }
        rng = SplitMix64(seed: Self.seed)
        practices = []
        for i in 0..<Self.practiceCount {
            practices.append(makePractice(i))
            try write(i)
        }
    }

    override func tearDownWithError() throws {
        try? fm.removeItem(at: site.deletingLastPathComponent())
    }

    private static var seed: UInt64 {
        ProcessInfo.processInfo.environment["BREINGEN_RANDOM_SEED"].flatMap { UInt64($0) } ?? defaultSeed
    }

    func testRandomFrontMatterEditsGiveTheFullBuildsBytes() throws {
        let builder = IncrementalSiteBuilder(options: BuildOptions(root: site, quiet: true), workDirectory: work)
        defer { builder.waitUntilIdle() }
        let first = try builder.build(changed: nil)
        XCTAssertTrue(first.full)
        // A warning would mean the generator writes something the schema does not know. The tags in two
        // cases are on purpose (they share a tag page), so `check`'s warning about them is expected.
        let warnings = first.warnings.filter { !$0.message.contains("wordt ook anders gespeld") }
        XCTAssertEqual(warnings.map { "\($0.file ?? ""): \($0.message)" }, [], "the generated site has warnings")
        guard try assertSameAsFullBuild(first, "seed \(Self.seed), first build") else { return }

        var broken: [Int] = []
        var rendered = 0
        var pages = 0
        var failedOnPurpose = 0
        for round in 1...Self.rounds {
            var log: [String] = []
            var changed: Set<String> = []
            // Last round's broken file comes back valid (with whatever edits it had).
            for i in broken {
                try write(i)
                changed.insert(practices[i].path)
                log.append("\(practices[i].path): hersteld")
            }
            broken = []
            let count = rng.chance(30) ? 2 + rng.int(2) : 1
            var picked: [Int] = []
            while picked.count < count {
                let i = rng.int(practices.count)
                if !picked.contains(i) { picked.append(i) }
            }
            for i in picked {
                let edits = rng.chance(30) ? 2 + rng.int(2) : 1
                let what = (0..<edits).map { _ in edit(i, round: round) }.joined(separator: "; ")
                log.append("\(practices[i].path): \(what)")
            }
            // Rarely (and surely once), one edited file is broken; never in the last round, whose fix
            // must be checked.
            var breakage: Breakage?
            if round < Self.rounds, round == Self.rounds / 2 || rng.chance(10) {
                let i = rng.pick(picked)
                let kind = rng.pick(Breakage.allCases)
                breakage = kind
                broken = [i]
                log.append("\(practices[i].path): ongeldig gemaakt (\(kind))")
            }
            for i in picked { try write(i, breakage: broken.contains(i) ? breakage : nil) }
            changed.formUnion(picked.map { practices[$0].path })
            let what = "seed \(Self.seed), round \(round): " + log.joined(separator: " | ")

            if breakage != nil {
                XCTAssertThrowsError(try builder.build(changed: changed), "\(what): the build should fail")
                failedOnPurpose += 1
                continue
            }
            let summary: IncrementalSummary
            do {
                summary = try builder.build(changed: changed)
            } catch {
                XCTFail("\(what): the build failed: \(error)")
                return
            }
            XCTAssertFalse(summary.full, "\(what): rebuilt everything")
            rendered += summary.rendered
            pages += summary.pages
            // Once the folders differ, later rounds would only repeat it: stop at the first mismatch.
            guard try assertSameAsFullBuild(summary, what) else { return }
        }
        print(
            "IncrementalRandomEditTests: seed \(Self.seed), \(Self.rounds) rounds (\(failedOnPurpose) failing on purpose), "
                + "\(rendered) of \(pages) pages rendered in the good rounds")
    }

    // MARK: - The generated site

    private static let themes: [(slug: String, title: String)] = [
        ("wonen", "Wonen"), ("onderwijs", "Onderwijs"), ("tolerantie", "Tolerantie"), ("verbinding", "Verbinding"),
    ]
    /// Case variants share a tag page ("Wijk" and "wijk").
    private static let tagPool = [
        "Wijk", "wijk", "Onderwijs", "onderwijs", "jongeren", "Jongeren", "ouderen", "armoede", "schulden", "werk",
        "taal", "inclusie", "zorg", "Zorg & welzijn", "eenzaamheid", "vrijwilligers", "sport", "cultuur",
        "duurzaamheid", "energie", "veiligheid", "coöperatie", "ICT", "mentoren", "stages",
    ]
    private static let places = [
        "Amsterdam", "Rotterdam", "Den Haag", "Utrecht", "Haarlem", "Leiden", "Groningen", "'s-Hertogenbosch",
        "Zwolle", "Maastricht",
    ]
    /// Shared prefixes, so titles tie on their first words and sort by the rest.
    private static let titleHeads = [
        "Samen", "Samen Sterk", "Samen Sterker", "Buurt", "Buurtkracht", "De Wijk", "Wijkteam", "Kans", "Kansrijk",
        "Café", "Zorg & Welzijn", "Thema's", "Leren: de",
    ]
    private static let titleTails = [
        "Noord", "Zuid", "Oost", "West", "Centrum", "Plus", "Lab", "Netwerk", "Huis", "Route", "010",
    ]
    /// Few dates, so many practices tie on the date and sort by title, then file name.
    private static let commonDates = [
        Day(2020, 1, 1), Day(2020, 6, 15), Day(2019, 3, 1), Day(2021, 9, 1), Day(2018, 12, 1), Day(2022, 5, 20),
    ]
    private static let categories = ["Nieuwbouw", "Benutten bestaand vastgoed", "Tijdelijk vastgoed"]
    private static let businessModels = ["delen", "ruilen", "creëren"]
    private static let words = """
        de wijk buurt school leerling bewoner huurder corporatie woning gemeente partner alliantie samen
        netwerk fonds begeleiding aanpak resultaat kansen werk taal groep inzicht kennis lokaal duurzaam
        café coöperatie ideeën één geëvalueerd sterk betaalbaar veilig
        """.split(whereSeparator: { $0 == " " || $0 == "\n" }).map(String.init)

    private func makePractice(_ i: Int) -> Practice {
        let title = randomTitle()
        var themes = [rng.pick(Self.themes).slug]
        if rng.chance(35) { themes.append(rng.pick(Self.themes.map(\.slug).filter { $0 != themes[0] })) }
        let date = rng.chance(70) ? rng.pick(Self.commonDates) : randomDay()
        var p = Practice(
            slug: TextSlug.make(title) + "-\(i)", title: title, date: date, themes: themes, tags: [], places: [],
            stopped: nil, summary: rng.chance(80) ? sentence() : nil,
            category: rng.chance(30) ? rng.pick(Self.categories) : nil,
            businessModel: rng.chance(30) ? rng.pick(Self.businessModels) : nil, lessBest: rng.chance(10),
            targetGroup: rng.chance(30) ? sentence() : nil, website: rng.chance(30) ? "https://example.org/\(i)" : nil,
            blockLists: rng.chance(25), aliases: [], body: "")
        for _ in 0..<rng.int(6) { addTag(&p) }
        for _ in 0..<rng.int(3) { p.places.append(rng.pick(Self.places.filter { !p.places.contains($0) })) }
        if rng.chance(20) { p.stopped = date.plus(days: 30 * rng.int(40)) }
        if rng.chance(15) { p.aliases = [rng.pick(["/oud/\(p.slug)/", "/oud/gedeeld/", "/themas/"])] }
        p.body = body(slug: p.slug)
        return p
    }

    private func randomTitle() -> String {
        let title = rng.pick(Self.titleHeads) + " " + rng.pick(Self.titleTails)
        return rng.chance(30) ? title + " " + rng.pick(Self.places) : title
    }

    private func randomDay() -> Day { Day(2012 + rng.int(13), 1 + rng.int(12), 1 + rng.int(28)) }

    private func sentence() -> String {
        let text = (0..<(5 + rng.int(8))).map { _ in rng.pick(Self.words) }.joined(separator: " ")
        return text.prefix(1).uppercased() + text.dropFirst() + "."
    }

    private func body(slug: String) -> String {
        var text = "## Aanpak\n\n\(sentence()) \(sentence())\n\n- \(sentence())\n- \(sentence())\n"
        if rng.chance(30), let other = practices.isEmpty ? nil : rng.pick(practices), other.slug != slug {
            text += "\nZie ook [\(other.title)](../best-practices/\(other.slug).md).\n"
        }
        return text
    }

    private func write(_ i: Int, breakage: Breakage? = nil) throws {
        try practices[i].text(breakage).write(
            to: site.appendingPathComponent(practices[i].path), atomically: true, encoding: .utf8)
    }

    // MARK: - Edits

    /// One random change of practice `i` that changes its file; returns what it did.
    private func edit(_ i: Int, round: Int) -> String {
        var p = practices[i]
        let before = p
        var what = ""
        while p == before {
            switch rng.int(100) {
            case 0..<14: what = editTitle(&p)
            case 14..<26: what = editDate(&p)
            case 26..<44: what = editTags(&p, round: round)
            case 44..<54: what = editThemes(&p)
            case 54..<62: what = editPlaces(&p)
            case 62..<72: what = editStatus(&p)
            case 72..<80: what = editSummary(&p)
            case 80..<88: what = editExtras(&p)
            case 88..<96:
                p.body = body(slug: p.slug)
                what = "body and " + editSummaryOrTitle(&p)
            default:
                p.body = body(slug: p.slug)
                what = "body only"
            }
        }
        practices[i] = p
        return what
    }

    private func editSummaryOrTitle(_ p: inout Practice) -> String {
        rng.chance(50) ? editSummary(&p) : editTitle(&p)
    }

    private func editTitle(_ p: inout Practice) -> String {
        let old = p.title
        let other = rng.pick(practices).title
        switch rng.int(6) {
        case 0: p.title = randomTitle()
        case 1: p.title = other  // a tie: the file name decides
        case 2: p.title = other + " B"  // right after another
        case 3: p.title = old + " Plus"  // a longer title with the same prefix
        case 4: p.title = "Aan de " + old  // to the front of its date
        default: p.title = "Zuid " + old
        }
        return "title \(quote(old)) → \(quote(p.title))"
    }

    private func editDate(_ p: inout Practice) -> String {
        let old = p.date
        let dates = practices.map(\.date)
        let kind: String
        switch rng.int(7) {
        case 0:
            p.date = rng.pick(Self.commonDates)
            kind = "common"
        case 1:
            p.date = dates.max()!
            kind = "the newest (tie)"
        case 2:
            p.date = dates.max()!.plus(days: 1)
            kind = "newer than all"
        case 3:
            p.date = dates.min()!
            kind = "the oldest (tie)"
        case 4:
            p.date = dates.min()!.plus(days: -1)
            kind = "older than all"
        case 5:
            p.date = rng.pick(practices).date
            kind = "another's"
        default:
            p.date = randomDay()
            kind = "random"
        }
        var what = "date \(old.iso) → \(p.date.iso) (\(kind))"
        if let stopped = p.stopped, stopped < p.date {
            p.stopped = p.date
            what += ", stopped \(stopped.iso) → \(p.date.iso)"
        }
        return what
    }

    private func addTag(_ p: inout Practice) {
        let slugs = Set(p.tags.map(TextSlug.make))
        let free = Self.tagPool.filter { !slugs.contains(TextSlug.make($0)) }
        if !free.isEmpty { p.tags.insert(rng.pick(free), at: rng.int(p.tags.count + 1)) }
    }

    private func editTags(_ p: inout Practice, round: Int) -> String {
        let old = p.tags
        switch rng.int(8) {
        case 0, 1: addTag(&p)
        case 2:
            if !p.tags.isEmpty { p.tags.remove(at: rng.int(p.tags.count)) }
        case 3, 4:
            // Another case of the same tag: the tag page stays, its title may change.
            if !p.tags.isEmpty {
                let k = rng.int(p.tags.count)
                let tag = p.tags[k]
                let first = tag.prefix(1)
                p.tags[k] = (first == first.uppercased() ? first.lowercased() : first.uppercased()) + tag.dropFirst()
            }
        case 5:
            if !p.tags.contains("Nieuw \(round)") { p.tags.insert("Nieuw \(round)", at: rng.int(p.tags.count + 1)) }
        case 6: p.tags = []
        default: p.tags.reverse()
        }
        return "tags \(list(old)) → \(list(p.tags))"
    }

    private func editThemes(_ p: inout Practice) -> String {
        let old = p.themes
        let others = Self.themes.map(\.slug).filter { !p.themes.contains($0) }
        switch rng.int(4) {
        case 0: if !others.isEmpty { p.themes[0] = rng.pick(others) }  // the first theme decides the related practices
        case 1: if !others.isEmpty { p.themes.insert(rng.pick(others), at: rng.int(p.themes.count + 1)) }
        case 2: if p.themes.count > 1 { p.themes.remove(at: rng.int(p.themes.count)) }
        default: p.themes.reverse()
        }
        return "themes \(list(old)) → \(list(p.themes))"
    }

    private func editPlaces(_ p: inout Practice) -> String {
        let old = p.places
        let free = Self.places.filter { !p.places.contains($0) }
        switch rng.int(4) {
        case 0: if !free.isEmpty { p.places.append(rng.pick(free)) }
        case 1: if !p.places.isEmpty { p.places.remove(at: rng.int(p.places.count)) }
        case 2: if !free.isEmpty { p.places = [rng.pick(free)] + p.places.dropFirst() }
        default: p.places = []
        }
        return "places \(list(old)) → \(list(p.places))"
    }

    private func editStatus(_ p: inout Practice) -> String {
        guard let stopped = p.stopped else {
            p.stopped = p.date.plus(days: 30 * rng.int(30))
            return "status actief → gestopt, stopped \(p.stopped!.iso)"
        }
        if rng.chance(70) {
            p.stopped = nil
            return "status gestopt → actief"
        }
        p.stopped = p.date.plus(days: 30 * rng.int(30))
        return "stopped \(stopped.iso) → \(p.stopped!.iso)"
    }

    private func editSummary(_ p: inout Practice) -> String {
        let old = p.summary
        p.summary = old != nil && rng.chance(40) ? nil : sentence()
        return "summary \(old.map(quote) ?? "-") → \(p.summary.map(quote) ?? "-")"
    }

    private func editExtras(_ p: inout Practice) -> String {
        switch rng.int(6) {
        case 5:
            // An alias: a redirect page with the practice's title, unless a page or an earlier alias has the
            // address (another practice's page, a shared old address, a section).
            let old = p.aliases
            if !old.isEmpty && rng.chance(40) {
                p.aliases.remove(at: rng.int(p.aliases.count))
            } else {
                let other = rng.pick(practices).slug
                let alias = rng.pick([
                    "/oud/\(p.slug)/", "/oud/gedeeld/", "/best-practices/\(other)/", "/themas/", "/oud/\(other)/",
                ])
                if !p.aliases.contains(alias) { p.aliases.append(alias) }
            }
            return "aliases \(list(old)) → \(list(p.aliases))"
        case 0:
            let old = p.category
            p.category = old != nil && rng.chance(40) ? nil : rng.pick(Self.categories)
            return "category \(old ?? "-") → \(p.category ?? "-")"
        case 1:
            let old = p.businessModel
            p.businessModel = old != nil && rng.chance(40) ? nil : rng.pick(Self.businessModels)
            return "businessModel \(old ?? "-") → \(p.businessModel ?? "-")"
        case 2:
            // Shown on the practice's own page only.
            let old = p.targetGroup
            p.targetGroup = old != nil && rng.chance(40) ? nil : sentence()
            return "targetGroup \(old.map(quote) ?? "-") → \(p.targetGroup.map(quote) ?? "-")"
        case 3:
            let old = p.website
            p.website = old != nil && rng.chance(40) ? nil : "https://example.org/\(rng.int(1000))/"
            return "website \(old ?? "-") → \(p.website ?? "-")"
        default:
            p.lessBest.toggle()
            return "lessBest → \(p.lessBest)"
        }
    }

    private func list(_ values: [String]) -> String { "[" + values.joined(separator: ", ") + "]" }

    // MARK: - Comparing with a full build

    /// Whether the incremental folder equals a full build of the same content; fails with `what` if not.
    private func assertSameAsFullBuild(_ summary: IncrementalSummary, _ what: String) throws -> Bool {
        try FullBuildComparison(site: site, scratch: work.appendingPathComponent("full")).assertSame(
            summary.folder, what)
    }
}

// MARK: - Helpers

/// A date with days 1–28 only, so stepping by days never makes an impossible date.
private struct Day: Comparable, Equatable {
    var year, month, day: Int
    init(_ year: Int, _ month: Int, _ day: Int) { (self.year, self.month, self.day) = (year, month, day) }

    var iso: String { String(format: "%04d-%02d-%02d", year, month, day) }

    static func < (a: Day, b: Day) -> Bool { (a.year, a.month, a.day) < (b.year, b.month, b.day) }

    /// `days` later (earlier when negative), in a calendar of 28-day months.
    func plus(days: Int) -> Day {
        let n = ((year * 12 + month - 1) * 28 + day - 1) + days
        return Day(n / (12 * 28), n / 28 % 12 + 1, n % 28 + 1)
    }
}

/// Ways a round breaks a file: each must fail the build.
private enum Breakage: CaseIterable {
    case unknownTheme, noThemes, stoppedMissing, stoppedBeforeDate, stoppedWhileActive, unknownStatus, unclosedQuote,
        missingTitle
}

private func quote(_ text: String) -> String {
    "\"" + text.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: "\"", with: "\\\"") + "\""
}

/// A generated best practice; `text` writes its file.
private struct Practice: Equatable {
    var slug: String
    var title: String
    var date: Day
    var themes: [String]
    var tags: [String]
    var places: [String]
    /// nil: actief.
    var stopped: Day?
    var summary: String?
    var category: String?
    var businessModel: String?
    var lessBest: Bool
    var targetGroup: String?
    var website: String?
    /// Tags and places as block lists (`- item` lines) instead of `[a, b]`.
    var blockLists: Bool
    var aliases: [String]
    var body: String

    var path: String { "content/best-practices/\(slug).md" }

    func text(_ breakage: Breakage? = nil) -> String {
        var lines = ["---"]
        switch breakage {
        case .missingTitle: break
        case .unclosedQuote: lines.append("title: \"\(title)")
        default: lines.append("title: \(quote(title))")
        }
        lines.append("date: \(date.iso)")
        switch breakage {
        case .unknownTheme: lines.append("themes: [\((themes + ["onbekend-thema"]).joined(separator: ", "))]")
        case .noThemes: lines.append("themes: []")
        default: lines.append("themes: [\(themes.joined(separator: ", "))]")
        }
        for (key, values) in [("tags", tags), ("places", places)] {
            if blockLists && !values.isEmpty {
                lines += ["\(key):"] + values.map { "  - \(quote($0))" }
            } else {
                lines.append("\(key): [\(values.map(quote).joined(separator: ", "))]")
            }
        }
        switch breakage {
        case .stoppedMissing: lines.append("status: gestopt")
        case .stoppedBeforeDate: lines += ["status: gestopt", "stopped: \(date.plus(days: -1).iso)"]
        case .stoppedWhileActive: lines += ["status: actief", "stopped: \((stopped ?? date).iso)"]
        case .unknownStatus: lines.append("status: misschien")
        default:
            if let stopped {
                lines += ["status: gestopt", "stopped: \(stopped.iso)"]
            } else {
                lines.append("status: actief")
            }
        }
        if let summary { lines.append("summary: \(quote(summary))") }
        if let category { lines.append("category: \(quote(category))") }
        if let businessModel { lines.append("businessModel: \(businessModel)") }
        if lessBest { lines.append("lessBest: true") }
        if let targetGroup { lines.append("targetGroup: \(quote(targetGroup))") }
        if let website { lines.append("website: \(website)") }
        if !aliases.isEmpty { lines.append("aliases: \(aliases)") }
        lines.append("---")
        return lines.joined(separator: "\n") + "\n\n" + body
    }
}
