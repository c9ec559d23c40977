/// The kind of a publication.
public enum PublicationKind: String, CaseIterable, Sendable {
    case rapport, onepager, manifest, boek, artikel, brochure, overig
}

/// A publication (`content/publications/<slug>.md`).
public struct Publication: ContentItem, Equatable {
    public var info: ItemInfo
    public var title: String
    public var kind: PublicationKind
    public var date: ContentDate
    public var partners: [String]
    public var link: String?
    public var themes: [String]
    public var summary: String?
}
