import Foundation

/// The organisation behind the site.
public struct Organisation: Sendable, Equatable {
    public var name: String?
    public var legalName: String?
    public var city: String?
    public var founded: ContentDate?
    public var email: String?
    public var website: String?
    public var address: String?
    public var kvk: String?
}

/// An entry of a menu.
public struct MenuEntry: Sendable, Equatable {
    public var title: String
    public var url: String
    public var weight: Int?
}

/// A named menu, entries in order (by weight, then as written).
public struct Menu: Sendable, Equatable {
    public var name: String
    public var entries: [MenuEntry]
}

/// The report targets the financial ratios are measured against.
public struct Targets: Sendable, Equatable {
    /// At least this share of income goes to the objectives (0.80).
    public var minimumObjectivesShareOfIncome: Decimal = Decimal(string: "0.80")!
    /// At most this share of expenses goes to beheer en administratie (0.07).
    public var maximumManagementShareOfExpenses: Decimal = Decimal(string: "0.07")!
}

/// A level of the inclusion pyramid (WIJ SCHOOL), defined once in `site.yml`.
public struct PyramidLevel: Sendable, Equatable {
    public var slug: String
    public var title: String
    public var description: String?
    /// 1 = bottom of the pyramid.
    public var order: Int
}

/// `content/site.yml`.
public struct SiteSettings: Sendable, Equatable {
    public var title: String
    public var baseURL: String
    public var language: String
    public var description: String?
    public var organisation: Organisation?
    public var mission: String?
    public var menus: [Menu]
    public var targets: Targets
    /// Ordered by `order`.
    public var pyramidLevels: [PyramidLevel]
    /// Where the git host edits a file of the site: the file's path from the site folder
    /// ("content/themes/onderwijs.md") is appended. Nil: no "Bewerk deze pagina" links.
    public var editURL: String?

    public init(title: String, baseURL: String, language: String) {
        self.title = title
        self.baseURL = baseURL
        self.language = language
        self.menus = []
        self.targets = Targets()
        self.pyramidLevels = []
    }

    public func menu(_ name: String) -> Menu? { menus.first { $0.name == name } }
    public func level(_ slug: String) -> PyramidLevel? { pyramidLevels.first { $0.slug == slug } }
}
