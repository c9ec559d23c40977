import Foundation

/// Everything about one theme.
public struct ThemeDigest: Sendable {
    public var theme: Theme
    public var bestPractices: [BestPractice]
    public var insights: [Insight]
    public var activities: [Activity]
    public var alliances: [Alliance]
    public var results: [ResultList]
    public var publications: [Publication]
}

/// A person's role in a body.
public struct Membership: Sendable, Equatable {
    public var person: Person
    public var role: Role

    /// Whether the person sat on the same body before this role, with a break in between (for a member
    /// who joined: someone who comes back, not a new member).
    public var returns: Bool {
        person.roles.contains {
            $0.body == role.body && $0.start.day0 < role.start.day0
                && ($0.end.map { $0.day0 < role.start.day0 } ?? false)
        }
    }
}

/// A change of role within one body without leaving it: a member who becomes chair, a staff member whose
/// fte changes. The new role starts at most a day after the old one ends.
public struct RoleChange: Sendable, Equatable {
    public var person: Person
    public var from: Role
    public var to: Role
    /// The first day in the new role.
    public var date: ContentDate { to.start }
}

/// A body in one year: who sat on it on 31 December, who joined and who left during the year, and who
/// changed role. `end` is the last day in office, so a role ending on 31 December is both in the
/// composition at year end and among those who left in that year.
public struct BodyYear: Sendable {
    public var body: Body
    /// Roles held on 31 December, by rank (voorzitter first) and then sort name.
    public var atYearEnd: [Membership]
    /// Members who came onto the body during the year (not a new role of a member), by date.
    public var joined: [Membership]
    /// Members whose last day on the body fell in the year (not a change of role), by date.
    public var left: [Membership]
    /// Changes of role during the year, by date.
    public var changes: [RoleChange]

    /// Total fte at year end (programmabureau).
    public var fteAtYearEnd: Decimal { atYearEnd.reduce(0) { $0 + ($1.role.fte ?? 0) } }
}

/// One year: its activities and each body's composition.
public struct YearDigest: Sendable {
    public var year: Int
    public var activities: [Activity]
    public var insights: [Insight]
    public var results: [ResultList]
    /// One per body, in the order of `Body.allCases`.
    public var bodies: [BodyYear]

    /// The composition of one body in this year.
    public func body(_ body: Body) -> BodyYear? { bodies.first { $0.body == body } }
}

/// The financial ratios of a year measured against the site's targets.
public struct FinancialRatios: Sendable, Equatable {
    public var year: Int
    public var income: Decimal
    public var expenses: Decimal
    /// Spent on the objectives (nil when neither the statement nor the distribution says).
    public var objectives: Decimal?
    /// Spent on beheer en administratie.
    public var management: Decimal?
    /// objectives / income.
    public var objectivesShareOfIncome: Decimal?
    /// management / expenses.
    public var managementShareOfExpenses: Decimal?
    public var targets: Targets

    /// Whether at least the target share of income went to the objectives; nil when unknown.
    public var meetsObjectivesTarget: Bool? {
        objectivesShareOfIncome.map { $0 >= targets.minimumObjectivesShareOfIncome }
    }

    /// Whether at most the target share of expenses went to beheer en administratie; nil when unknown.
    public var meetsManagementTarget: Bool? {
        managementShareOfExpenses.map { $0 <= targets.maximumManagementShareOfExpenses }
    }
}

/// One scan moment with its level resolved.
public struct ProgressStep: Sendable, Equatable {
    public var phase: Int
    public var date: ContentDate
    /// Nil when the level slug is not in `site.yml` (check reports that).
    public var level: PyramidLevel?
}

/// A scanned school's progress over the phases.
public struct SchoolProgress: Sendable {
    public var scan: SchoolScan
    public var steps: [ProgressStep]
    /// Per class, its steps.
    public var classes: [(name: String, steps: [ProgressStep])]
    /// Levels climbed from the first to the last phase (negative when it dropped).
    public var levelsClimbed: Int?
    /// Whether all three phases are done.
    public var complete: Bool
}

/// The keurmerk outcomes of one school year.
public struct KeurmerkSummary: Sendable, Equatable {
    public var schoolYear: SchoolYear
    public var awarded: [SchoolScan]
    public var furtherGuidance: [SchoolScan]
    public var open: [SchoolScan]
}
