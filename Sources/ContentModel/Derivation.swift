import DataFormats
import Foundation

/// Computes the derived indexes once, from the sorted items (so every list keeps the items' order).
enum Derivation {
    static func themes(_ kb: KnowledgeBase) -> [String: ThemeDigest] {
        var digests: [String: ThemeDigest] = [:]
        for theme in kb.themes {
            digests[theme.slug] = ThemeDigest(
                theme: theme, bestPractices: [], insights: [], activities: [],
                alliances: [], results: [], publications: [])
        }
        for item in kb.bestPractices {
            for slug in Set(item.themes) { digests[slug]?.bestPractices.append(item) }
        }
        for item in kb.insights { digests[item.theme]?.insights.append(item) }
        for item in kb.activities { digests[item.theme]?.activities.append(item) }
        for item in kb.alliances {
            for slug in Set(item.themes) { digests[slug]?.alliances.append(item) }
        }
        for item in kb.results { digests[item.theme]?.results.append(item) }
        for item in kb.publications {
            for slug in Set(item.themes) { digests[slug]?.publications.append(item) }
        }
        return digests
    }

    static func years(_ kb: KnowledgeBase) -> [Int: YearDigest] {
        var years = Set<Int>()
        kb.activities.forEach { years.insert($0.date.year) }
        kb.insights.forEach { years.insert($0.year) }
        kb.results.forEach { years.insert($0.year) }
        kb.finance.forEach { years.insert($0.year) }
        let lastContentYear = years.max()
        for person in kb.people {
            for role in person.roles {
                // Every year a role covers; an open role up to the last year the other content speaks of.
                let last = role.end?.year ?? max(role.start.year, lastContentYear ?? role.start.year)
                if last >= role.start.year { for y in role.start.year...last { years.insert(y) } }
            }
        }
        var digests: [Int: YearDigest] = [:]
        for year in years {
            digests[year] = YearDigest(year: year, activities: [], insights: [], results: [], bodies: [])
        }
        for a in kb.activities { digests[a.date.year]?.activities.append(a) }
        for i in kb.insights { digests[i.year]?.insights.append(i) }
        for r in kb.results { digests[r.year]?.results.append(r) }
        let periods = membershipPeriods(kb)
        for year in years { digests[year]!.bodies = bodies(in: year, periods: periods) }
        return digests
    }

    /// Every person's uninterrupted stretches on each body, per body in `Body.allCases` order.
    static func membershipPeriods(_ kb: KnowledgeBase) -> [[MembershipPeriod]] {
        Body.allCases.map { body in kb.people.flatMap { MembershipPeriod.periods(of: $0, in: body) } }
    }

    /// Each body in one year: composition on 31 December, who joined, who left, who changed role.
    static func bodies(in year: Int, periods: [[MembershipPeriod]]) -> [BodyYear] {
        let end = DateCheck.yearEnd(year)
        var bodies: [BodyYear] = []
        for (body, periods) in zip(Body.allCases, periods) {
            var entry = BodyYear(body: body, atYearEnd: [], joined: [], left: [], changes: [])
            for period in periods {
                for role in period.roles where role.isHeld(at: end) {
                    entry.atYearEnd.append(Membership(person: period.person, role: role))
                }
                if period.roles[0].start.year == year {
                    entry.joined.append(Membership(person: period.person, role: period.roles[0]))
                }
                if let last = period.lastRole, let e = last.end, e.year == year {
                    entry.left.append(Membership(person: period.person, role: last))
                }
                for (from, to) in zip(period.roles, period.roles.dropFirst()) where to.start.year == year {
                    entry.changes.append(RoleChange(person: period.person, from: from, to: to))
                }
            }
            entry.atYearEnd = ordered(
                entry.atYearEnd, key: { ($0.role.rank, PersonName.sortKey($0.person.sortName), $0.person.slug) }, by: <)
            entry.joined = ordered(
                entry.joined, key: { ($0.role.start, PersonName.sortKey($0.person.sortName)) }, by: <)
            entry.left = ordered(entry.left, key: { ($0.role.end!, PersonName.sortKey($0.person.sortName)) }, by: <)
            entry.changes = ordered(entry.changes, key: { ($0.date, PersonName.sortKey($0.person.sortName)) }, by: <)
            bodies.append(entry)
        }
        return bodies
    }

    static func ratios(_ kb: KnowledgeBase) -> [Int: FinancialRatios] {
        var ratios: [Int: FinancialRatios] = [:]
        for year in kb.finance {
            let s = year.incomeStatement
            guard let income = s.table.value(row: s.incomeRow, column: s.column),
                let expenses = s.table.value(row: s.expensesRow, column: s.column)
            else { continue }
            var objectives = s.objectivesRow.flatMap { s.table.value(row: $0, column: s.column) }
            var management = s.managementRow.flatMap { s.table.value(row: $0, column: s.column) }
            if let d = year.distribution {
                // The distribution's detail rows (not its total rows) summed per column.
                let totalRows = Set(d.totals.map(\.total))
                let detail = d.table.rows.filter { !totalRows.contains($0.label) }
                func columnSum(_ name: String) -> Decimal? {
                    guard let index = d.table.columnIndex(name) else { return nil }
                    return detail.reduce(Decimal(0)) { $0 + (index < $1.values.count ? $1.values[index] ?? 0 : 0) }
                }
                if objectives == nil {
                    let parts = d.objectives.compactMap(columnSum)
                    if parts.count == d.objectives.count { objectives = parts.reduce(0, +) }
                }
                if management == nil { management = columnSum(d.management) }
            }
            ratios[year.year] = FinancialRatios(
                year: year.year, income: income, expenses: expenses, objectives: objectives, management: management,
                objectivesShareOfIncome: income == 0 ? nil : objectives.map { $0 / income },
                managementShareOfExpenses: expenses == 0 ? nil : management.map { $0 / expenses },
                targets: kb.site.targets)
        }
        return ratios
    }

    static func schoolProgress(_ kb: KnowledgeBase) -> [String: SchoolProgress] {
        var result: [String: SchoolProgress] = [:]
        func steps(_ phases: [ScanPhase]) -> [ProgressStep] {
            phases.map { ProgressStep(phase: $0.phase, date: $0.date, level: kb.site.level($0.level)) }
        }
        for scan in kb.schoolScans {
            let s = steps(scan.phases)
            var climbed: Int?
            if let first = s.first?.level, let last = s.last?.level { climbed = last.order - first.order }
            result[scan.slug] = SchoolProgress(
                scan: scan, steps: s, classes: scan.classes.map { ($0.name, steps($0.phases)) },
                levelsClimbed: climbed, complete: scan.phases.contains { $0.phase == 3 })
        }
        return result
    }

    static func keurmerken(_ kb: KnowledgeBase) -> [SchoolYear: KeurmerkSummary] {
        var result: [SchoolYear: KeurmerkSummary] = [:]
        for scan in kb.schoolScans {
            var entry =
                result[scan.schoolYear]
                ?? KeurmerkSummary(schoolYear: scan.schoolYear, awarded: [], furtherGuidance: [], open: [])
            switch scan.keurmerk {
            case .toegekend: entry.awarded.append(scan)
            case .vervolgbegeleiding: entry.furtherGuidance.append(scan)
            case .open: entry.open.append(scan)
            }
            result[scan.schoolYear] = entry
        }
        return result
    }
}

/// One uninterrupted stretch of a person on a body: roles that follow each other (the next starts at most a
/// day after the previous ends, or while it still runs) are one membership, so a new role within it is a
/// change, not a departure and an arrival.
struct MembershipPeriod {
    var person: Person
    /// By start date.
    var roles: [Role]

    /// The role that ends last; nil while any role of the period is open.
    var lastRole: Role? {
        guard roles.allSatisfy({ $0.end != nil }) else { return nil }
        return roles.max { $0.end!.day0 < $1.end!.day0 }
    }

    static func periods(of person: Person, in body: Body) -> [MembershipPeriod] {
        let roles = ordered(person.roles.filter { $0.body == body }, key: { $0.start.day0 }, by: <)
        var periods: [MembershipPeriod] = []
        var reach: ContentDate?? = .none  // .none: no period yet; .some(nil): the current one is open
        for role in roles {
            if case .some(let end) = reach, end.map({ role.start.day0 <= $0.day0.nextDay }) ?? true {
                periods[periods.count - 1].roles.append(role)
                if let e = end, let roleEnd = role.end {
                    reach = .some(max(e.day0, roleEnd.day0))
                } else {
                    reach = .some(nil)
                }
            } else {
                periods.append(MembershipPeriod(person: person, roles: [role]))
                reach = .some(role.end?.day0)
            }
        }
        return periods
    }
}

extension YAMLDate {
    /// The calendar day after this one.
    var nextDay: YAMLDate {
        if day < DateCheck.daysIn(month: month, year: year) { return YAMLDate(year: year, month: month, day: day + 1) }
        if month < 12 { return YAMLDate(year: year, month: month + 1, day: 1) }
        return YAMLDate(year: year + 1, month: 1, day: 1)
    }
}
