/// The content types, by folder under `content/`.
public enum ContentType: String, CaseIterable, Sendable {
    case theme, bestPractice, insight, activity, result, alliance, publication, person, schoolScan, finance, page

    /// The folder under `content/`.
    public var folder: String {
        switch self {
        case .theme: return "themes"
        case .bestPractice: return "best-practices"
        case .insight: return "insights"
        case .activity: return "activities"
        case .result: return "results"
        case .alliance: return "alliances"
        case .publication: return "publications"
        case .person: return "people"
        case .schoolScan: return "wij-school"
        case .finance: return "finance"
        case .page: return "pages"
        }
    }

    /// The name used on the command line (`breingen new best-practice`) and for archetypes.
    public var commandName: String {
        switch self {
        case .theme: return "theme"
        case .bestPractice: return "best-practice"
        case .insight: return "insight"
        case .activity: return "activity"
        case .result: return "result"
        case .alliance: return "alliance"
        case .publication: return "publication"
        case .person: return "person"
        case .schoolScan: return "wij-school"
        case .finance: return "finance"
        case .page: return "page"
        }
    }

    /// Dutch name for messages.
    public var label: String {
        switch self {
        case .theme: return "thema"
        case .bestPractice: return "best practice"
        case .insight: return "inzicht"
        case .activity: return "activiteit"
        case .result: return "resultatenlijst"
        case .alliance: return "alliantie"
        case .publication: return "publicatie"
        case .person: return "persoon"
        case .schoolScan: return "WIJ SCHOOL-scan"
        case .finance: return "financiële staten"
        case .page: return "pagina"
        }
    }

    /// Whether items are Markdown files with front matter (otherwise YAML data files).
    public var isMarkdown: Bool { self != .result && self != .finance }

    static func forFolder(_ folder: String) -> ContentType? {
        allCases.first { $0.folder == folder }
    }
}

/// One decoded item of any type.
enum AnyItem: Sendable {
    case theme(Theme)
    case bestPractice(BestPractice)
    case insight(Insight)
    case activity(Activity)
    case result(ResultList)
    case alliance(Alliance)
    case publication(Publication)
    case person(Person)
    case schoolScan(SchoolScan)
    case finance(FinancialYear)
    case page(Page)

    var info: ItemInfo {
        switch self {
        case .theme(let x): return x.info
        case .bestPractice(let x): return x.info
        case .insight(let x): return x.info
        case .activity(let x): return x.info
        case .result(let x): return x.info
        case .alliance(let x): return x.info
        case .publication(let x): return x.info
        case .person(let x): return x.info
        case .schoolScan(let x): return x.info
        case .finance(let x): return x.info
        case .page(let x): return x.info
        }
    }

    var type: ContentType {
        switch self {
        case .theme: return .theme
        case .bestPractice: return .bestPractice
        case .insight: return .insight
        case .activity: return .activity
        case .result: return .result
        case .alliance: return .alliance
        case .publication: return .publication
        case .person: return .person
        case .schoolScan: return .schoolScan
        case .finance: return .finance
        case .page: return .page
        }
    }
}
