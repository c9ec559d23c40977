/// The six phases of the working method for alliances.
public enum AlliancePhase: Int, CaseIterable, Sendable {
    case verkennen = 1
    case allianceVormen, coCreatie, implementatie, evalueren, borgen

    /// Dutch name.
    public var title: String {
        switch self {
        case .verkennen: return "Verkennen"
        case .allianceVormen: return "Alliantie vormen"
        case .coCreatie: return "Co-creatie"
        case .implementatie: return "Implementatie"
        case .evalueren: return "Evalueren"
        case .borgen: return "Borgen van de impact"
        }
    }
}

/// A date that may be just a year (`founded: 2020`).
public struct YearOrDate: Sendable, Equatable {
    public var year: Int
    /// Present when a full date was given.
    public var date: ContentDate?
}

/// An alliance (`content/alliances/<slug>.md`).
public struct Alliance: ContentItem, Equatable {
    public var info: ItemInfo
    public var title: String
    public var abbreviation: String?
    public var founded: YearOrDate?
    public var members: [String]
    public var collaborators: [String]
    public var themes: [String]
    public var phase: AlliancePhase
    public var summary: String?
}
