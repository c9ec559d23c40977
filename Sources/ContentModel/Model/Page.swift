/// A free page (`content/pages/<slug>.md`).
public struct Page: ContentItem, Equatable {
    public var info: ItemInfo
    public var title: String
    /// The menu (from `site.yml`) it appears in.
    public var menu: String?
    public var weight: Int?
    public var summary: String?
}
