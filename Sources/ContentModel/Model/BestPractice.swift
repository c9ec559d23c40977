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
    private final class Fields: @unchecked Sendable {
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

        init(
            info: ItemInfo, title: String, date: ContentDate, themes: [String], tags: [String], places: [String],
            status: PracticeStatus, stopped: ContentDate?, category: String?, targetGroup: String?, website: String?,
            summary: String?, lessBest: Bool, assessment: Assessment?, businessModel: BusinessModel?,
            costBenefit: [CostBenefitRow]
        ) {
            self.info = info
            self.title = title
            self.date = date
            self.themes = themes
            self.tags = tags
            self.places = places
            self.status = status
            self.stopped = stopped
            self.category = category
            self.targetGroup = targetGroup
            self.website = website
            self.summary = summary
            self.lessBest = lessBest
            self.assessment = assessment
            self.businessModel = businessModel
            self.costBenefit = costBenefit
        }

        func copy() -> Fields {
            Fields(
                info: info, title: title, date: date, themes: themes, tags: tags, places: places, status: status,
                stopped: stopped, category: category, targetGroup: targetGroup, website: website, summary: summary,
                lessBest: lessBest, assessment: assessment, businessModel: businessModel, costBenefit: costBenefit)
        }
    }

    private var fields: Fields

    public init(
        info: ItemInfo, title: String, date: ContentDate, themes: [String], tags: [String], places: [String],
        status: PracticeStatus, stopped: ContentDate? = nil, category: String? = nil, targetGroup: String? = nil,
        website: String? = nil, summary: String? = nil, lessBest: Bool, assessment: Assessment? = nil,
        businessModel: BusinessModel? = nil, costBenefit: [CostBenefitRow]
    ) {
        fields = Fields(
            info: info, title: title, date: date, themes: themes, tags: tags, places: places, status: status,
            stopped: stopped, category: category, targetGroup: targetGroup, website: website, summary: summary,
            lessBest: lessBest, assessment: assessment, businessModel: businessModel, costBenefit: costBenefit)
    }

    /// The box of this value alone, copied first when another value shares it.
    private mutating func own() -> Fields {
        if !isKnownUniquelyReferenced(&fields) { fields = fields.copy() }
        return fields
    }

    public var info: ItemInfo {
        _read { yield fields.info }
        set { own().info = newValue }
    }

    public var title: String {
        _read { yield fields.title }
        set { own().title = newValue }
    }

    public var date: ContentDate {
        _read { yield fields.date }
        set { own().date = newValue }
    }

    public var themes: [String] {
        _read { yield fields.themes }
        set { own().themes = newValue }
    }

    public var tags: [String] {
        _read { yield fields.tags }
        set { own().tags = newValue }
    }

    public var places: [String] {
        _read { yield fields.places }
        set { own().places = newValue }
    }

    public var status: PracticeStatus {
        _read { yield fields.status }
        set { own().status = newValue }
    }

    /// Set when `status` is `gestopt`.
    public var stopped: ContentDate? {
        _read { yield fields.stopped }
        set { own().stopped = newValue }
    }

    public var category: String? {
        _read { yield fields.category }
        set { own().category = newValue }
    }

    public var targetGroup: String? {
        _read { yield fields.targetGroup }
        set { own().targetGroup = newValue }
    }

    public var website: String? {
        _read { yield fields.website }
        set { own().website = newValue }
    }

    public var summary: String? {
        _read { yield fields.summary }
        set { own().summary = newValue }
    }

    /// A failed attempt we learn from.
    public var lessBest: Bool {
        _read { yield fields.lessBest }
        set { own().lessBest = newValue }
    }

    public var assessment: Assessment? {
        _read { yield fields.assessment }
        set { own().assessment = newValue }
    }

    public var businessModel: BusinessModel? {
        _read { yield fields.businessModel }
        set { own().businessModel = newValue }
    }

    public var costBenefit: [CostBenefitRow] {
        _read { yield fields.costBenefit }
        set { own().costBenefit = newValue }
    }

    /// Whether `other` is a copy of this value that neither has changed since (then every field is
    /// equal): a cheap first test before comparing fields.
    public func isUnchangedCopy(of other: BestPractice) -> Bool { fields === other.fields }

    public static func == (a: BestPractice, b: BestPractice) -> Bool {
        if a.fields === b.fields { return true }
        let (x, y) = (a.fields, b.fields)
        return x.info == y.info
            && x.title == y.title
            && x.date == y.date
            && x.themes == y.themes
            && x.tags == y.tags
            && x.places == y.places
            && x.status == y.status
            && x.stopped == y.stopped
            && x.category == y.category
            && x.targetGroup == y.targetGroup
            && x.website == y.website
            && x.summary == y.summary
            && x.lessBest == y.lessBest
            && x.assessment == y.assessment
            && x.businessModel == y.businessModel
            && x.costBenefit == y.costBenefit
    }
}
