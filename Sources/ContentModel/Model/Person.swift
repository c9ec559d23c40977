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

    /// Whether the role is held on the given day. `end` is the last day in office ("tot en met"): a role
    /// with `end: 2020-12-31` is held on 31 December 2020 and is part of that year's composition.
    public func isHeld(at date: ContentDate) -> Bool {
        start.day0 <= date.day0 && (end.map { date.day0 <= $0.day0 } ?? true)
    }

    /// Whether the role is that of an ordinary member ("lid"), with no office in the body.
    public var isPlainMember: Bool { role.lowercased().trimmingCharacters(in: .whitespaces) == "lid" }

    /// Where the role comes in a body's list: voorzitter, vice-voorzitter, secretaris and penningmeester,
    /// directeur, then everyone else (leden), as the jaarverslag lists a body.
    public var rank: Int {
        let name = role.lowercased().trimmingCharacters(in: .whitespaces)
        if name == "voorzitter" { return 0 }
        if name.hasPrefix("vice") && name.hasSuffix("voorzitter") { return 1 }
        if name.contains("secretaris") || name.contains("penningmeester") { return 2 }
        if name == "directeur" { return 3 }
        return 4
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
