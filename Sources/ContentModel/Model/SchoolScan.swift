/// The outcome of a WIJ SCHOOL year.
public enum Keurmerk: String, CaseIterable, Sendable {
    /// The WIJ SCHOOL keurmerk was awarded.
    case toegekend
    /// Limited further guidance is needed.
    case vervolgbegeleiding
    /// Not decided yet.
    case open
}

/// Who carries out an intervention.
public enum InterventionBy: String, CaseIterable, Sendable {
    /// The school itself, with remote guidance.
    case school
    /// External professionals.
    case extern
}

/// One scan moment: phase 1 at the start, 2 halfway, 3 at the end, placing the school on the pyramid.
public struct ScanPhase: Sendable, Equatable {
    public var phase: Int
    public var date: ContentDate
    /// Slug of a pyramid level from `site.yml`.
    public var level: String
    public var note: String?
}

/// A WIJ KLAS scan of one class.
public struct ClassScan: Sendable, Equatable {
    public var name: String
    public var phases: [ScanPhase]
}

/// An advice at school level (no class) or for one class.
public struct Advice: Sendable, Equatable {
    public var id: String
    public var text: String
    public var className: String?
}

/// An intervention that carries out an advice.
public struct Intervention: Sendable, Equatable {
    public var title: String
    public var by: InterventionBy
    /// The advice id it belongs to.
    public var advice: String
}

/// A two-year school year, "2020-2021".
public struct SchoolYear: Sendable, Hashable, Comparable, CustomStringConvertible {
    public var startYear: Int
    public init(startYear: Int) { self.startYear = startYear }
    public var description: String { "\(startYear)-\(startYear + 1)" }
    public static func < (a: SchoolYear, b: SchoolYear) -> Bool { a.startYear < b.startYear }
}

/// A WIJ SCHOOL scan (`content/wij-school/<slug>.md`): one school in one school year.
public struct SchoolScan: ContentItem, Equatable {
    public var info: ItemInfo
    public var school: String
    public var place: String
    public var schoolYear: SchoolYear
    public var projectLeader: String
    public var phases: [ScanPhase]
    public var classes: [ClassScan]
    public var advice: [Advice]
    public var interventions: [Intervention]
    public var keurmerk: Keurmerk
}
