/// An activity (`content/activities/<slug>.md`): a meeting, webinar or hand-over on a date.
public struct Activity: ContentItem, Equatable {
    public var info: ItemInfo
    public var title: String
    public var date: ContentDate
    public var theme: String
    public var format: String?
    /// Where it takes place ("Buurthuis De Pijler, Den Haag"); online activities need none.
    public var location: String?
    public var partners: [String]
    public var goal: String?
    public var outcome: String?
}
