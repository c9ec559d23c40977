/// A theme (`content/themes/<slug>.md`): a field the organisation works on, e.g. 2.1 Sociale huisvesting.
public struct Theme: ContentItem, Equatable {
    public var info: ItemInfo
    public var title: String
    /// Paragraph number in the jaarverslag, "2.1".
    public var number: String?
    /// "2020-2022".
    public var period: String?
    /// The doelstelling.
    public var objective: String?
    public var summary: String?
}
