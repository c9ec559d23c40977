import ContentModel
import Foundation
import Markdown
import Parallel
import Search

/// The site's pages as records for the search index: a pass of its own after the pages, over the raw
/// knowledge base (no page reads). The bodies' plain text comes from `BodyTextMemo`, filled as the pages
/// render their bodies; a body no page rendered in this build (the live preview renders only what
/// changed) is found there from an earlier build, or parsed again.
enum SearchRecords {
    /// Every record, kinds in this order: themes, best practices, insights, activities, alliances,
    /// publications, school scans, pages (the filter offers them so). `reused(k)` is the record of the
    /// k-th best practice when an earlier build's still holds (the live preview, after a practice came or
    /// went), so that its body is not looked at again.
    static func make(_ data: SiteData, reused: ((Int) -> SearchRecord?)? = nil) -> [SearchRecord] {
        let maker = Maker(data)
        var records = maker.themes()
        let count = data.kb.bestPractices.count
        records.reserveCapacity(count + records.count + 64)
        // The practices' records are most of the work on a big site: made on every core.
        let kept: [SearchRecord?] = (0..<count).map { reused?($0) }
        records += Parallel.fill(kept, chunk: 64, maker.practice)
        records += maker.others()
        return records
    }

    /// The live preview: brings the last build's `records` (`make` of a build with the same practices in
    /// the same order and the same theme titles) up to this build's in place, making anew only the records
    /// of the practices at `changedPractices` and the few records of the other kinds. Returns the places
    /// of the records that changed; nil, with `records` untouched, when the other kinds' records are not
    /// as many as before (then `make` it is).
    static func update(_ records: inout [SearchRecord], _ data: SiteData, changedPractices: [Int]) -> [Int]? {
        let maker = Maker(data)
        let themes = maker.themes()
        let practices = data.kb.bestPractices.count
        let others = maker.others()
        guard records.count == themes.count + practices + others.count else { return nil }
        var changed: [Int] = []
        for (k, record) in themes.enumerated() where records[k] != record {
            records[k] = record
            changed.append(k)
        }
        let made = Parallel.map(changedPractices.count, chunk: 64) { maker.practice(changedPractices[$0]) }
        for (i, k) in changedPractices.enumerated() where records[themes.count + k] != made[i] {
            records[themes.count + k] = made[i]
            changed.append(themes.count + k)
        }
        let first = themes.count + practices
        for (k, record) in others.enumerated() where records[first + k] != record {
            records[first + k] = record
            changed.append(first + k)
        }
        return changed
    }

    /// Makes the records of one build.
    private struct Maker {
        let data: SiteData
        let kb: KnowledgeBase
        let themeTitle: [String: String]
        let memo: BodyTextMemo

        init(_ data: SiteData) {
            self.data = data
            kb = data.kb
            var themeTitle: [String: String] = [:]
            for theme in kb.themes { themeTitle[theme.slug] = theme.title }
            self.themeTitle = themeTitle
            memo = data.bodyTexts
        }

        func titles(_ slugs: [String]) -> [String] { slugs.compactMap { themeTitle[$0] } }

        func body(_ info: ItemInfo) -> (text: String, headings: [String]) {
            guard let body = info.body, !body.text.isEmpty else { return ("", []) }
            return memo.text(of: body)
        }

        func themes() -> [SearchRecord] {
            kb.themes.map { theme in
                let b = body(theme.info)
                return SearchRecord(
                    title: theme.title, url: data.url(Routes.theme(theme.slug)), kind: "Thema", filterKind: "Thema",
                    themes: [theme.title],
                    summary: theme.summary, meta: [theme.number, theme.periodText].compactMap { $0 },
                    headings: b.headings,
                    text: [theme.objective ?? "", b.text].joined(separator: "\n"))
            }
        }

        /// The record of the k-th best practice.
        func practice(_ k: Int) -> SearchRecord {
            let bp = kb.bestPractices[k]
            let b = body(bp.info)
            let themes = titles(bp.themes)
            return SearchRecord(
                title: bp.title, url: data.url(Routes.bestPractice(bp.slug)), kind: "Best practice",
                filterKind: "Best practice",
                themes: themes, summary: bp.summary, meta: bp.tags + bp.places + themes + [bp.category ?? ""],
                headings: b.headings,
                text: b.text)
        }

        /// The records of the kinds after the practices.
        func others() -> [SearchRecord] {
            var records: [SearchRecord] = []
            for theme in kb.themes {
                for insight in kb.insights where insight.theme == theme.slug {
                    let b = body(insight.info)
                    records.append(
                        SearchRecord(
                            title: insight.title, url: data.url(Routes.insight(insight.slug)), kind: "Inzicht",
                            filterKind: "Inzicht",
                            themes: [theme.title], summary: insight.items.first,
                            meta: [theme.title, insight.kind.title],
                            headings: b.headings,
                            text: insight.items.joined(separator: "\n") + "\n" + b.text))
                }
            }
            for activity in kb.activities {
                let b = body(activity.info)
                records.append(
                    SearchRecord(
                        title: activity.title, url: data.url(Routes.activity(activity.slug)),
                        kind: "Activiteit · " + activity.date.dutch,
                        filterKind: "Activiteit", themes: titles([activity.theme].compactMap { $0 }),
                        summary: activity.goal,
                        meta: activity.partners + [activity.format ?? ""], headings: b.headings,
                        text: [activity.goal ?? "", activity.outcome ?? "", b.text].joined(separator: "\n")))
            }
            for alliance in kb.alliances {
                let b = body(alliance.info)
                records.append(
                    SearchRecord(
                        title: alliance.title, url: data.url(Routes.alliance(alliance.slug)), kind: "Alliantie",
                        filterKind: "Alliantie",
                        themes: titles(alliance.themes), summary: alliance.summary,
                        meta: [alliance.abbreviation ?? ""] + alliance.members + alliance.collaborators,
                        headings: b.headings, text: b.text))
            }
            for p in kb.publications {
                records.append(
                    SearchRecord(
                        title: p.title, url: data.href(p.link) ?? data.url(Routes.publication(p.slug)),
                        kind: "Publicatie",
                        filterKind: "Publicatie", summary: p.summary, meta: p.partners + [p.kind.rawValue],
                        text: p.summary ?? ""))
            }
            for scan in kb.schoolScans {
                let b = body(scan.info)
                records.append(
                    SearchRecord(
                        title: scan.school, url: data.url(Routes.scan(scan.slug)),
                        kind: "WIJ SCHOOL-scan · " + scan.schoolYear.description,
                        filterKind: "WIJ SCHOOL-scan", meta: [scan.place], headings: b.headings,
                        text: scan.advice.map(\.text).joined(separator: "\n") + "\n" + b.text))
            }
            for page in kb.pages {
                let b = body(page.info)
                records.append(
                    SearchRecord(
                        title: page.title, url: data.url(Routes.page(page.slug)), kind: "Pagina", filterKind: "Pagina",
                        summary: page.summary,
                        headings: b.headings, text: b.text))
            }
            return records
        }
    }
}

/// The plain text and headings of Markdown bodies by their source: the pages leave them here as they
/// render (a body is parsed once per build), the search pass takes them. Kept by the build session from
/// build to build; `keepOnly` drops the bodies that are gone.
final class BodyTextMemo: @unchecked Sendable {
    private let lock = NSLock()
    /// By the hash of the body's source (`ContentHash`: hashing a `String` itself costs far more).
    private var texts: [UInt64: (text: String, headings: [String])] = [:]
    private var used: Set<UInt64> = []

    private static func key(_ body: MarkdownBody) -> UInt64 {
        var source = body.text
        return source.withUTF8 { ContentHash.of(UnsafeRawBufferPointer($0)) }
    }

    /// Notes what rendering `body` gave.
    func store(_ body: MarkdownBody, text: String, headings: [String]) {
        let key = Self.key(body)
        lock.lock()
        texts[key] = (text, headings)
        lock.unlock()
    }

    /// The plain text and headings of `body`: remembered, or parsed now.
    func text(of body: MarkdownBody) -> (text: String, headings: [String]) {
        let key = Self.key(body)
        lock.lock()
        let known = texts[key]
        used.insert(key)
        lock.unlock()
        if let known { return known }
        let document = Markdown.parse(body.text, options: MarkdownBridge.options, firstLine: body.firstLine)
        let made = (text: document.plainText, headings: document.headings.map(\.text))
        lock.lock()
        texts[key] = made
        lock.unlock()
        return made
    }

    /// Forgets every body: a one-off build needs none once its search records are made.
    func removeAll() {
        lock.lock()
        texts = [:]
        used = []
        lock.unlock()
    }

    /// Forgets the bodies not asked for since the last call.
    func keepOnlyUsed() {
        lock.lock()
        if texts.count > used.count { texts = texts.filter { used.contains($0.key) } }
        used = []
        lock.unlock()
    }
}
