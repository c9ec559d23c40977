import Foundation

/// The bodies of the organisation.
public enum Body: String, CaseIterable, Sendable {
    case bestuur
    case raadVanAdvies = "raad-van-advies"
    case programmabureau

    /// Dutch name.
    public var title: String {
        switch self {
        case .bestuur: return "Bestuur"
        case .raadVanAdvies: return "Raad van advies"
        case .programmabureau: return "Programmabureau"
        }
    }
}

/// A dated role in a body.
public struct Role: Sendable, Equatable {
    public var body: Body
    /// "voorzitter", "lid", "directeur", …
    public var role: String
    public var organisation: String?
    /// Function at that organisation.
    public var function: String?
    public var start: ContentDate
    /// Nil while still in office.
    public var end: ContentDate?
    public var fte: Decimal?

    /// Whether the role is held at the end of the given day: started on or before it, and not ended on or
    /// before it (the end date is the last day in office).
    public func isHeld(at date: ContentDate) -> Bool {
        start.day0 <= date && (end.map { $0.day0 > date } ?? true)
    }
}

/// A person (`content/people/<slug>.md`) with their roles over the years.
public struct Person: ContentItem, Equatable {
    public var info: ItemInfo
    public var name: String
    /// Sort key ignoring tussenvoegsels: "Berg, Jan van der".
    public var sortName: String
    public var roles: [Role]
}
