import Foundation

/// Whether an initiative still runs.
public enum PracticeStatus: String, CaseIterable, Sendable {
    case actief, gestopt
}

/// The business model of an initiative (delen, ruilen, creëren).
public enum BusinessModel: String, CaseIterable, Sendable {
    case delen, ruilen, creëren
}

/// A judgement on one criterion of the 4+1 assessment.
public enum Judgement: String, CaseIterable, Sendable {
    case sterk, matig, zwak
}

/// One criterion of the 4+1 assessment.
public struct Criterion: Sendable, Equatable {
    public var judgement: Judgement
    public var note: String?
}

/// The "+1": the chosen strategy to make the initiative last.
public struct Sustainability: Sendable, Equatable {
    public var strategy: String
    public var note: String?
}

/// The 4+1 assessment: methodiek, meten, vitale coalitie, entrepreneurschap, plus sustainability.
public struct Assessment: Sendable, Equatable {
    public var methodiek: Criterion?
    public var meten: Criterion?
    public var vitaleCoalitie: Criterion?
    public var entrepreneurschap: Criterion?
    public var sustainability: Sustainability?
}

/// A row of the cost-benefit table: Partij | Investering | Baten.
public struct CostBenefitRow: Sendable, Equatable {
    public var party: String
    public var investment: Decimal?
    public var benefits: String?
    public var note: String?
}

/// A best practice (`content/best-practices/<slug>.md`): an initiative worth copying, or a failed one.
///
/// Its fields live in one box that a copy shares until one of them is changed (copy on write): the live
/// preview patches a knowledge base of 10,000 practices on every edit while the last build still holds
/// it, and copying a practice is then one reference count instead of one for each of its strings and
/// arrays. The fields are read in place (`_read`): reading `info.file` does not copy the whole `info`.
public struct BestPractice: ContentItem, Equatable {
    /// The fields themselves, a plain value (its memberwise initializer and `==` are the compiler's).
    private struct Fields: Equatable {
        var info: ItemInfo
        var title: String
        var date: ContentDate
        var themes: [String]
        var tags: [String]
        var places: [String]
        var status: PracticeStatus
        var stopped: ContentDate?
        var category: String?
        var targetGroup: String?
        var website: String?
        var summary: String?
        var lessBest: Bool
        var assessment: Assessment?
        var businessModel: BusinessModel?
        var costBenefit: [CostBenefitRow]
    }

    private final class Box: @unchecked Sendable {
        var fields: Fields
        init(_ fields: Fields) { self.fields = fields }
    }

    private var box: Box

    public init(
        info: ItemInfo, title: String, date: ContentDate, themes: [String], tags: [String], places: [String],
        status: PracticeStatus, stopped: ContentDate? = nil, category: String? = nil, targetGroup: String? = nil,
        website: String? = nil, summary: String? = nil, lessBest: Bool, assessment: Assessment? = nil,
        businessModel: BusinessModel? = nil, costBenefit: [CostBenefitRow]
    ) {
        box = Box(
            Fields(
                info: info, title: title, date: date, themes: themes, tags: tags, places: places, status: status,
                stopped: stopped, category: category, targetGroup: targetGroup, website: website, summary: summary,
                lessBest: lessBest, assessment: assessment, businessModel: businessModel, costBenefit: costBenefit))
    }

    /// The fields of this value alone, their box copied first when another value shares it.
    private var own: Box {
        mutating get {
            if !isKnownUniquelyReferenced(&box) { box = Box(box.fields) }
            return box
        }
    }

    public var info: ItemInfo {
        _read { yield box.fields.info }
        set { own.fields.info = newValue }
    }

    public var title: String {
        _read { yield box.fields.title }
        set { own.fields.title = newValue }
    }

    public var date: ContentDate {
        _read { yield box.fields.date }
        set { own.fields.date = newValue }
    }

    public var themes: [String] {
        _read { yield box.fields.themes }
        set { own.fields.themes = newValue }
    }

    public var tags: [String] {
        _read { yield box.fields.tags }
        set { own.fields.tags = newValue }
    }

    public var places: [String] {
        _read { yield box.fields.places }
        set { own.fields.places = newValue }
    }

    public var status: PracticeStatus {
        _read { yield box.fields.status }
        set { own.fields.status = newValue }
    }

    /// Set when `status` is `gestopt`.
    public var stopped: ContentDate? {
        _read { yield box.fields.stopped }
        set { own.fields.stopped = newValue }
    }

    public var category: String? {
        _read { yield box.fields.category }
        set { own.fields.category = newValue }
    }

    public var targetGroup: String? {
        _read { yield box.fields.targetGroup }
        set { own.fields.targetGroup = newValue }
    }

    public var website: String? {
        _read { yield box.fields.website }
        set { own.fields.website = newValue }
    }

    public var summary: String? {
        _read { yield box.fields.summary }
        set { own.fields.summary = newValue }
    }

    /// A failed attempt we learn from.
    public var lessBest: Bool {
        _read { yield box.fields.lessBest }
        set { own.fields.lessBest = newValue }
    }

    public var assessment: Assessment? {
        _read { yield box.fields.assessment }
        set { own.fields.assessment = newValue }
    }

    public var businessModel: BusinessModel? {
        _read { yield box.fields.businessModel }
        set { own.fields.businessModel = newValue }
    }

    public var costBenefit: [CostBenefitRow] {
        _read { yield box.fields.costBenefit }
        set { own.fields.costBenefit = newValue }
    }

    /// Whether `other` is a copy of this value that neither has changed since (then every field is
    /// equal): a cheap first test before comparing fields.
    public func isUnchangedCopy(of other: BestPractice) -> Bool { box === other.box }

    public static func == (a: BestPractice, b: BestPractice) -> Bool {
        a.box === b.box || a.box.fields == b.box.fields
    }
}
