import Diagnostics
import Markdown

extension ContentLoader {
    /// Cross-file checks (duplicate slugs, references) over every item, then the knowledge base from the
    /// items the options keep.
    /// Without usable site settings (`site` nil, already reported) references to pyramid levels and menus
    /// are not checked: every one of them would repeat that one error.
    static func assemble(site siteSettings: SiteSettings?, results: [FileResult], options: LoadOptions) -> (
        KnowledgeBase, [Diagnostic]
    ) {
        let assembly = assembleParts(site: siteSettings, results: results, options: options)
        var diagnostics: [Diagnostic] = []
        for result in results { diagnostics += result.diagnostics }
        return (assembly.kb, diagnostics + assembly.crossFile + assembly.tagSpellings)
    }

    /// `assemble`, with the problems across files apart from those of each file: the tags' spellings, and
    /// the rest (duplicate slugs, references).
    static func assembleParts(site siteSettings: SiteSettings?, results: [FileResult], options: LoadOptions)
        -> (kb: KnowledgeBase, crossFile: [Diagnostic], tagSpellings: [Diagnostic])
    {
        let site = siteSettings ?? SiteSettings(title: "", baseURL: "", language: "")
        var diagnostics: [Diagnostic] = []

        // Duplicate slugs per type: the first file (files come in path order) keeps it.
        var owners: [ContentType: [String: String]] = [:]
        // Indexes, not copies: a copy of a result retains every field of its item.
        var unique: [Int] = []
        unique.reserveCapacity(results.count)
        for (index, result) in results.enumerated() {
            guard let item = result.item else { continue }
            let info = item.info
            if let first = owners[item.type]?[info.slug] {
                diagnostics.append(
                    Diagnostic(
                        .error, "dubbele slug '\(info.slug)': \(first) heeft die al (\(item.type.label))",
                        file: info.file,
                        line: result.slugLine, column: result.slugColumn, sourceLine: result.slugSourceLine))
                continue
            }
            owners[item.type, default: [:]][info.slug] = info.file
            unique.append(index)
        }
        // A theme and year has one results file; the slug check above covers same-named files only.
        var resultKeys: [String: String] = [:]
        for result in unique.lazy.map({ results[$0] }) {
            guard case .result(let list)? = result.item else { continue }
            let key = "\(list.year)-\(list.theme)"
            if let first = resultKeys[key] {
                diagnostics.append(
                    Diagnostic(
                        .error, "resultaten van \(list.theme) in \(list.year) staan al in \(first)",
                        file: list.info.file, line: 1, column: 1))
            } else {
                resultKeys[key] = list.info.file
            }
        }
        var financeYears: [Int: String] = [:]
        for result in unique.lazy.map({ results[$0] }) {
            guard case .finance(let f)? = result.item else { continue }
            if let first = financeYears[f.year] {
                diagnostics.append(
                    Diagnostic(.error, "financiële staten van \(f.year) staan al in \(first)", file: f.info.file))
            } else {
                financeYears[f.year] = f.info.file
            }
        }

        // References, resolved against every item (drafts and internal ones included).
        var targets: [ReferenceKind: [String: ItemInfo]] = [:]
        for result in unique.lazy.map({ results[$0] }) {
            guard let item = result.item else { continue }
            switch item.type {
            case .theme: targets[.theme, default: [:]][item.info.slug] = item.info
            case .publication: targets[.publication, default: [:]][item.info.slug] = item.info
            default: break
            }
        }
        let levels = Set(site.pyramidLevels.map(\.slug))
        let menus = Set(site.menus.map(\.name))
        var candidates: [ReferenceKind: [String]] = [:]
        func names(_ kind: ReferenceKind) -> [String] {
            if let c = candidates[kind] { return c }
            let c: [String]
            switch kind {
            case .pyramidLevel: c = levels.sorted()
            case .menu: c = menus.sorted()
            default: c = (targets[kind] ?? [:]).keys.sorted()
            }
            candidates[kind] = c
            return c
        }
        for result in results {
            let kept = result.item.map { options.keeps($0.info) } ?? false
            for reference in result.references
            where siteSettings != nil || (reference.kind != .pyramidLevel && reference.kind != .menu) {
                let exists: Bool
                var target: ItemInfo?
                switch reference.kind {
                case .pyramidLevel: exists = levels.contains(reference.slug)
                case .menu: exists = menus.contains(reference.slug)
                default:
                    target = targets[reference.kind]?[reference.slug]
                    exists = target != nil
                }
                if !exists {
                    var message = "\(reference.kind.unknown) '\(reference.slug)'"
                    if let near = nearestSlug(to: reference.slug, in: names(reference.kind)) {
                        message += "; bedoelde je '\(near)'?"
                    }
                    var notes: [String] = []
                    if reference.kind == .pyramidLevel {
                        notes.append("de niveaus staan in content/site.yml onder wijschool.levels")
                    }
                    if reference.kind == .menu { notes.append("de menu's staan in content/site.yml onder menus") }
                    diagnostics.append(
                        Diagnostic(
                            .error, message, file: reference.file, line: reference.line,
                            column: reference.column, sourceLine: reference.sourceLine, notes: notes))
                } else if kept, let target, !options.keeps(target) {
                    let why = target.draft ? "een concept (draft)" : "intern (visibility: internal)"
                    diagnostics.append(
                        Diagnostic(
                            .warning, "\(reference.kind.label) '\(reference.slug)' is \(why) en komt niet in deze bouw",
                            file: reference.file, line: reference.line, column: reference.column,
                            sourceLine: reference.sourceLine))
                }
            }
        }

        let tagDiagnostics = tagSpellings(results)

        var themes: [Theme] = []
        var bestPractices: [BestPractice] = []
        var insights: [Insight] = []
        var activities: [Activity] = []
        var lists: [ResultList] = []
        var alliances: [Alliance] = []
        var publications: [Publication] = []
        var people: [Person] = []
        var scans: [SchoolScan] = []
        var finance: [FinancialYear] = []
        var pages: [Page] = []
        for result in unique.lazy.map({ results[$0] }) {
            guard let item = result.item, options.keeps(item.info) else { continue }
            switch item {
            case .theme(let x): themes.append(x)
            case .bestPractice(let x): bestPractices.append(x)
            case .insight(let x): insights.append(x)
            case .activity(let x): activities.append(x)
            case .result(let x): lists.append(x)
            case .alliance(let x): alliances.append(x)
            case .publication(let x): publications.append(x)
            case .person(let x): people.append(x)
            case .schoolScan(let x): scans.append(x)
            case .finance(let x): finance.append(x)
            case .page(let x): pages.append(x)
            }
        }
        let kb = KnowledgeBase(
            site: site, themes: themes, bestPractices: bestPractices, insights: insights,
            activities: activities, results: lists, alliances: alliances, publications: publications,
            people: people, schoolScans: scans, finance: finance, pages: pages)
        return (kb, diagnostics, tagDiagnostics)
    }
}

extension ContentLoader {
    /// One tag written in several spellings that differ only in capitals or diacritics ("Wonen", "wonen",
    /// "wönen"): the site shows them as one tag, so the editors should pick one spelling. One warning per
    /// tag, at the first use of a spelling that is not the most common one, naming the files of each.
    static func tagSpellings(_ results: [FileResult]) -> [Diagnostic] {
        var groups: [String: [TagUse]] = [:]
        var order: [String] = []
        // Few spellings on many files: each is slugged once.
        var slugs: [String: String] = [:]
        for result in results {
            for use in result.tagUses {
                let key: String
                if let known = slugs[use.text] {
                    key = known
                } else {
                    key = Slug.make(use.text, asciiOnly: true)
                    slugs[use.text] = key
                }
                if groups[key] == nil { order.append(key) }
                groups[key, default: []].append(use)
            }
        }
        var diagnostics: [Diagnostic] = []
        for key in order {
            let uses = groups[key]!
            var spellings: [String] = []
            for use in uses where !spellings.contains(use.text) { spellings.append(use.text) }
            guard spellings.count > 1 else { continue }
            func files(_ spelling: String) -> [String] {
                var seen = Set<String>()
                return uses.filter { $0.text == spelling && seen.insert($0.file).inserted }.map(\.file)
            }
            // Most files first, as the site chooses the spelling it shows.
            let ranked = TagSpelling.ranked(spellings.map { ($0, files($0).count) })
            let usual = ranked[0]
            guard let at = uses.first(where: { $0.text != usual }) else { continue }
            // A few files per spelling: enough to find them, short enough to read.
            let list = ranked.map { spelling -> String in
                let names = files(spelling)
                let shown = names.prefix(3).joined(separator: ", ")
                return "'\(spelling)' in " + shown + (names.count > 3 ? " en \(names.count - 3) andere" : "")
            }
            diagnostics.append(
                Diagnostic(
                    .warning, "tag '\(at.text)' wordt ook anders gespeld: " + list.joined(separator: "; "),
                    file: at.file,
                    line: at.line, column: at.column, sourceLine: at.sourceLine,
                    notes: ["de site toont ze als één tag; kies één spelling, bijvoorbeeld '\(usual)'"]))
        }
        return diagnostics
    }
}

/// A did-you-mean for slugs: a close spelling, else a slug that contains the name as a part
/// ("huisvesting" → "sociale-huisvesting").
func nearestSlug(to name: String, in candidates: [String]) -> String? {
    if let near = Suggestions.nearest(to: name, in: candidates) { return near }
    guard name.count >= 4 else { return nil }
    let containing = candidates.filter {
        $0.split(separator: "-").contains(Substring(name)) || $0.hasPrefix(name + "-")
    }
    return containing.count == 1 ? containing[0] : nil
}
