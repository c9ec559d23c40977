/// The kind of an insight list.
public enum InsightKind: String, CaseIterable, Sendable {
    case succesvoorwaarden, belemmeringen
    case actiesVoorOpschaling = "acties-voor-opschaling"
    case werkzameMechanismen = "werkzame-mechanismen"

    /// Dutch heading.
    public var title: String {
        switch self {
        case .succesvoorwaarden: return "Succesvoorwaarden"
        case .belemmeringen: return "Belemmeringen"
        case .actiesVoorOpschaling: return "Acties voor opschaling"
        case .werkzameMechanismen: return "Werkzame mechanismen"
        }
    }
}

/// An insight (`content/insights/<slug>.md`): an ordered list of lessons for a theme in a year.
public struct Insight: ContentItem, Equatable {
    public var info: ItemInfo
    public var title: String
    public var theme: String
    public var year: Int
    public var kind: InsightKind
    public var items: [String]
    /// Slug of the publication it comes from.
    public var source: String?
}
