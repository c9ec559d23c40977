/// Which items a load keeps. Validation always covers every item; the options only decide what ends up in
/// the knowledge base (and so in the build).
public struct LoadOptions: Sendable, Equatable {
    /// Keep items with `draft: true`.
    public var includeDrafts: Bool
    /// Keep items with `visibility: internal`.
    public var includeInternal: Bool

    public init(includeDrafts: Bool = false, includeInternal: Bool = false) {
        self.includeDrafts = includeDrafts
        self.includeInternal = includeInternal
    }

    /// The public site: no drafts, nothing internal.
    public static let publicBuild = LoadOptions()
    /// Everything, e.g. for an internal preview.
    public static let everything = LoadOptions(includeDrafts: true, includeInternal: true)

    func keeps(_ info: ItemInfo) -> Bool {
        (includeDrafts || !info.draft) && (includeInternal || info.visibility == .public)
    }
}
