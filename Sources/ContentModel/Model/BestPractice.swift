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
public struct BestPractice: ContentItem, Equatable {
    public var info: ItemInfo
    public var title: String
    public var date: ContentDate
    public var themes: [String]
    public var tags: [String]
    public var places: [String]
    public var status: PracticeStatus
    /// Set when `status` is `gestopt`.
    public var stopped: ContentDate?
    public var category: String?
    public var targetGroup: String?
    public var website: String?
    public var summary: String?
    /// A failed attempt we learn from.
    public var lessBest: Bool
    public var assessment: Assessment?
    public var businessModel: BusinessModel?
    public var costBenefit: [CostBenefitRow]
}
