import ContentModel

/// What the changed paths of a build (relative to the site root, as the watcher reports them) touch.
struct ChangedPaths {
    /// Content files (`content/...`, `site.yml` and the report definitions included).
    var content: Set<String> = []
    /// Templates by their name in the template folders ("partials/card.html").
    var templates: Set<String> = []
    var assets = false
    var statics = false
    /// Something whose effect is unknown (another file of the theme): everything is built again.
    var unknown = false

    /// Nothing changed (a build that serves output an earlier build left for later).
    var isEmpty: Bool { content.isEmpty && templates.isEmpty && !assets && !statics && !unknown }

    init(_ paths: Set<String>) {
        for path in paths {
            if path.hasPrefix("content/") {
                content.insert(path)
            } else if path.hasPrefix("templates/") {
                templates.insert(String(path.dropFirst("templates/".count)))
            } else if path.hasPrefix("assets/") {
                assets = true
            } else if path.hasPrefix("static/") {
                statics = true
            } else if path.hasPrefix("themes/") {
                let parts = path.split(separator: "/", maxSplits: 3, omittingEmptySubsequences: false)
                if parts.count == 4 && parts[2] == "templates" {
                    templates.insert(String(parts[3]))
                } else if parts.count == 4 && parts[2] == "assets" {
                    assets = true
                } else {
                    unknown = true
                }
            } else {
                unknown = true
            }
        }
    }

    /// The items of `kb` that come from `path` (a finance year comes from a folder of files).
    static func items(from path: String, in kb: KnowledgeBase) -> [(file: String, item: ItemValue)] {
        func matches(_ file: String) -> Bool { file == path || path.hasPrefix(file + "/") }
        var found: [(String, ItemValue)] = []
        if matches(ItemTable.siteFile) { found.append((ItemTable.siteFile, .site(kb.site))) }
        for x in kb.themes where matches(x.info.file) { found.append((x.info.file, .theme(x))) }
        for i in kb.bestPractices.indices where matches(kb.bestPractices[i].info.file) {
            found.append((kb.bestPractices[i].info.file, .bestPractice(kb.bestPractices[i])))
        }
        for x in kb.insights where matches(x.info.file) { found.append((x.info.file, .insight(x))) }
        for x in kb.activities where matches(x.info.file) { found.append((x.info.file, .activity(x))) }
        for x in kb.results where matches(x.info.file) { found.append((x.info.file, .result(x))) }
        for x in kb.alliances where matches(x.info.file) { found.append((x.info.file, .alliance(x))) }
        for x in kb.publications where matches(x.info.file) { found.append((x.info.file, .publication(x))) }
        for x in kb.people where matches(x.info.file) { found.append((x.info.file, .person(x))) }
        for x in kb.schoolScans where matches(x.info.file) { found.append((x.info.file, .scan(x))) }
        for x in kb.finance where matches(x.info.file) { found.append((x.info.file, .finance(x))) }
        for x in kb.pages where matches(x.info.file) { found.append((x.info.file, .page(x))) }
        return found
    }
}

/// A content item of any type, to compare two versions of it.
enum ItemValue: Equatable {
    case site(SiteSettings)
    case theme(Theme)
    case bestPractice(BestPractice)
    case insight(Insight)
    case activity(Activity)
    case result(ResultList)
    case alliance(Alliance)
    case publication(Publication)
    case person(Person)
    case scan(SchoolScan)
    case finance(FinancialYear)
    case page(Page)

    /// The item itself, for reading its fields.
    var value: Any {
        switch self {
        case .site(let x): return x
        case .theme(let x): return x
        case .bestPractice(let x): return x
        case .insight(let x): return x
        case .activity(let x): return x
        case .result(let x): return x
        case .alliance(let x): return x
        case .publication(let x): return x
        case .person(let x): return x
        case .scan(let x): return x
        case .finance(let x): return x
        case .page(let x): return x
        }
    }
}
