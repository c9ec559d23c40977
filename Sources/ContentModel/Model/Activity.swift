/// An activity (`content/activities/<slug>.md`): a meeting, webinar or hand-over on a date.
public struct Activity: ContentItem, Equatable {
    public var info: ItemInfo
    public var title: String
    public var date: ContentDate
    public var theme: String
    public var format: String?
    public var partners: [String]
    public var goal: String?
    public var outcome: String?
}
