import ContentModel
import DataFormats
import Foundation
import Templates

/// Finance per year: the statements from the CSVs with computed totals, the ratios against the
/// targets, and the bar chart of expenses per objective with its table.
extension PagePlanner {
    static func finance(_ data: SiteData) -> [PlannedPage] {
        let years = data.content.finance
        guard !PageReads.untracked({ years.isEmpty }) else { return [] }
        let title = "Financiën"
        var pages = [
            PlannedPage(path: Routes.finance, template: "finances.html") { data in
                var info = PageInfo(kind: "finances", title: title, path: Routes.finance, section: Routes.finance)
                info.breadcrumbs = PageInfo.crumbs([(title, Routes.finance)])
                return [
                    "page": info.value(data),
                    "financeYears": .list(
                        years.reversed().map { f in
                            .object([
                                ("year", .int(f.year)), ("url", .string(data.url(Routes.financeYear(f.year)))),
                                ("resultText", .string(f.notation.money(f.result))),
                            ])
                        }),
                ]
            }
        ]
        for year in PageReads.untracked({ Array(years) }) {
            let path = Routes.financeYear(year.item.year)
            pages.append(
                PlannedPage(path: path, template: "finance.html") { data in
                    var info = PageInfo(
                        kind: "finance", title: "Financiën \(year.year)", path: path, section: Routes.finance)
                    info.breadcrumbs = PageInfo.crumbs([(title, Routes.finance), ("\(year.year)", path)])
                    if let y = years.neighbour(of: year.id, offset: -1) {
                        info.prev = ("Financiën \(y.year)", Routes.financeYear(y.year))
                    }
                    if let y = years.neighbour(of: year.id, offset: 1) {
                        info.next = ("Financiën \(y.year)", Routes.financeYear(y.year))
                    }
                    info.source = year.file
                    return ["page": info.value(data), "finance": financeValue(year, data)]
                })
        }
        return pages
    }

    static func double(_ value: Decimal) -> Double { NSDecimalNumber(decimal: value).doubleValue }

    /// A table with every total row (and column) recomputed from its parts.
    static func statement(
        _ table: FinancialTable, slug: String, title: String, rowTotals: [TotalRule],
        columnTotals: [TotalRule], emphasised: Set<String>, notation: FinanceNotation
    ) -> Value {
        var values: [String: [Decimal?]] = [:]
        for row in table.rows { values[row.label] = row.values }
        for rule in rowTotals {
            values[rule.total] = table.columns.indices.map { column in
                rule.parts.reduce(Decimal(0)) {
                    $0 + ((values[$1].flatMap { column < $0.count ? $0[column] : nil }) ?? 0)
                }
            }
        }
        for rule in columnTotals {
            guard let target = table.columnIndex(rule.total) else { continue }
            let parts = rule.parts.compactMap(table.columnIndex)
            for (label, row) in values {
                var copy = row
                while copy.count <= target { copy.append(nil) }
                copy[target] = parts.reduce(Decimal(0)) { $0 + ((($1 < row.count) ? row[$1] : nil) ?? 0) }
                values[label] = copy
            }
        }
        let totals = Set(rowTotals.map(\.total)).union(emphasised)
        return .object([
            ("slug", .string(slug)),
            ("title", .string(title)),
            ("columns", .texts([table.labelHeader] + table.columns)),
            (
                "rows",
                .list(
                    table.rows.map { row in
                        let cells = values[row.label] ?? row.values
                        return .object([
                            ("label", .string(row.label)),
                            (
                                "cells",
                                .list(
                                    table.columns.indices.map { column in
                                        .string(column < cells.count ? notation.amount(cells[column]) : "")
                                    })
                            ),
                            ("isTotal", .bool(totals.contains(row.label))),
                        ])
                    })
            ),
        ])
    }

    static func financeValue(_ year: Tracked<FinancialYear>, _ data: SiteData) -> Value {
        let notation = year.notation
        let income = year.incomeStatement
        var statements = [
            statement(
                income.table, slug: "baten-en-lasten", title: "Staat van baten en lasten", rowTotals: income.totals,
                columnTotals: [], emphasised: [income.incomeRow, income.expensesRow, income.resultRow],
                notation: notation)
        ]
        var bars: [Value] = []
        if let distribution = year.distribution {
            statements.append(
                statement(
                    distribution.table, slug: "verdeling-lasten",
                    title: "Verdeling van de lasten over doelstellingen", rowTotals: distribution.totals,
                    columnTotals: distribution.columnTotals, emphasised: [], notation: notation))
            // Per objective (and beheer en administratie): the total of its column.
            let columns = distribution.objectives + [distribution.management]
            let amounts: [(String, Decimal)] = columns.map { column in
                let index = distribution.table.columnIndex(column)
                let totalRow = distribution.totals.first.flatMap { distribution.table.row($0.total) }
                let sum: Decimal
                if let index, let totalRow, index < totalRow.values.count, let value = totalRow.values[index] {
                    sum = value
                } else if let index {
                    sum = distribution.table.rows.reduce(Decimal(0)) {
                        $0 + ((index < $1.values.count ? $1.values[index] : nil) ?? 0)
                    }
                } else {
                    sum = 0
                }
                return (column, sum)
            }
            let largest = amounts.map { double($0.1) }.max() ?? 0
            let total = amounts.reduce(Decimal(0)) { $0 + $1.1 }
            bars = amounts.map { label, amount in
                .object([
                    ("label", .string(label)), ("amountText", .string(notation.money(amount))),
                    ("share", .double(largest > 0 ? max(0, double(amount)) / largest : 0)),
                    ("shareText", .string(total > 0 ? FinanceNotation.share(amount / total) : "")),
                ])
            }
        }
        if let a = year.appropriation {
            statements.append(
                statement(
                    a.table, slug: "resultaatbestemming", title: "Resultaatbestemming", rowTotals: a.totals,
                    columnTotals: [], emphasised: [a.resultRow], notation: notation))
        }
        if let b = year.balanceSheet {
            statements.append(
                statement(
                    b.table, slug: "balans", title: "Balans", rowTotals: b.totals, columnTotals: [],
                    emphasised: [b.assetsRow, b.liabilitiesRow], notation: notation))
        }
        if let c = year.cashFlow {
            statements.append(
                statement(
                    c.table, slug: "kasstroomoverzicht", title: "Kasstroomoverzicht", rowTotals: c.totals,
                    columnTotals: [], emphasised: [c.changeRow], notation: notation))
        }
        var ratios: [Value] = []
        if let r = data.financialRatios(year.year) {
            if let share = r.objectivesShareOfIncome, let met = r.meetsObjectivesTarget {
                ratios.append(
                    .object([
                        ("label", .string("Besteed aan de doelstellingen, als deel van de baten:")),
                        ("valueText", .string(FinanceNotation.share(share))),
                        (
                            "targetText",
                            .string("minimaal " + FinanceNotation.share(r.targets.minimumObjectivesShareOfIncome))
                        ),
                        ("ok", .bool(met)), ("verdict", .string(FinanceNotation.verdict(met))),
                    ]))
            }
            if let share = r.managementShareOfExpenses, let met = r.meetsManagementTarget {
                ratios.append(
                    .object([
                        ("label", .string("Beheer en administratie, als deel van de lasten:")),
                        ("valueText", .string(FinanceNotation.share(share))),
                        (
                            "targetText",
                            .string("maximaal " + FinanceNotation.share(r.targets.maximumManagementShareOfExpenses))
                        ),
                        ("ok", .bool(met)), ("verdict", .string(FinanceNotation.verdict(met))),
                    ]))
            }
        }
        var note = year.note
        if year.illustrative && note == nil { note = "Let op: een deel van deze cijfers is illustratief." }
        return .object([
            ("year", .int(year.year)),
            ("resultText", .string(notation.money(year.result))),
            ("note", .text(note)),
            ("ratios", .list(ratios)),
            ("statements", .list(statements)),
            ("chart", bars.isEmpty ? .none : .object([("bars", .list(bars))])),
        ])
    }
}
