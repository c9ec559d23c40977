import DataFormats
import Diagnostics
import Foundation

/// The optional statements of a financial year (resultaatbestemming, balans, kasstroomoverzicht) and the
/// checks across tables: each in the same CSV + YAML form as the staat van baten en lasten, each checked to
/// the cent, every mismatch an error at the offending cell of the CSV.
extension FinanceDecoder {
    /// `appropriation`: the result row equals the year's stated result, and the allocations (the rows that
    /// are neither the result nor a declared total) add up to it in every column.
    static func readAppropriation(
        _ r: FieldReader, folder: String, folderName: String, defaultColumn: String?,
        statedResult: Decimal?, extra: inout [Diagnostic]
    ) -> ResultAppropriation? {
        let table = readTable(r, folder: folder, folderName: folderName, extra: &extra)
        let column = r.text("column") ?? defaultColumn
        let resultRow = r.text("result", required: true)
        let totals = readTotals(r, key: "totals")
        r.finish()
        guard let table, let column, let resultRow else { return nil }
        checkColumn(column, key: "column", in: table.table, reader: r)
        checkRow(resultRow, key: "result", in: table.table, reader: r)
        checkTotals(totals, in: table, rows: true, reader: r, into: &extra)
        guard let resultIndex = table.table.rows.firstIndex(where: { $0.label == resultRow }) else { return nil }
        let totalRows = Set(totals.map(\.rule.total)).union([resultRow])
        let parts = table.table.rows.indices.filter { !totalRows.contains(table.table.rows[$0].label) }
        for c in table.table.columns.indices
        where !([resultIndex] + parts).contains(where: { table.isInvalid(row: $0, column: c) }) {
            let total = table.table.rows[resultIndex].values[c] ?? 0
            let sum = parts.reduce(Decimal(0)) { $0 + (table.table.rows[$1].values[c] ?? 0) }
            if total != sum {
                extra.append(
                    diagnostic(
                        .error,
                        "de bestemming van het resultaat telt op tot \(DutchFormat.money(sum)), maar '\(resultRow)' in kolom '\(table.table.columns[c])' is \(DutchFormat.money(total)) (verschil \(DutchFormat.money(total - sum)))",
                        table.source, table.cell(row: resultIndex, column: c)))
            }
        }
        if let stated = statedResult, let c = table.table.columnIndex(column),
            !table.isInvalid(row: resultIndex, column: c),
            let value = table.table.rows[resultIndex].values[c], value != stated
        {
            extra.append(
                diagnostic(
                    .error,
                    "'\(resultRow)' in kolom '\(column)' is \(DutchFormat.money(value)), maar het resultaat van het jaar (result in finance.yml) is \(DutchFormat.money(stated))",
                    table.source, table.cell(row: resultIndex, column: c)))
        }
        return ResultAppropriation(table: table.table, column: column, resultRow: resultRow, totals: totals.map(\.rule))
    }

    /// `balanceSheet`: total assets equal total liabilities in every column.
    static func readBalanceSheet(
        _ r: FieldReader, folder: String, folderName: String,
        extra: inout [Diagnostic]
    ) -> (BalanceSheet, PositionedTable)? {
        let table = readTable(r, folder: folder, folderName: folderName, extra: &extra)
        let column = r.text("column", required: true)
        let previousColumn = r.text("previousColumn")
        let assets = r.text("assets", required: true)
        let liabilities = r.text("liabilities", required: true)
        let cash = r.text("cash")
        let totals = readTotals(r, key: "totals")
        r.finish()
        guard let table, let column, let assets, let liabilities else { return nil }
        checkColumn(column, key: "column", in: table.table, reader: r)
        checkColumn(previousColumn, key: "previousColumn", in: table.table, reader: r)
        for (key, label) in [("assets", assets), ("liabilities", liabilities), ("cash", cash)] {
            checkRow(label, key: key, in: table.table, reader: r)
        }
        checkTotals(totals, in: table, rows: true, reader: r, into: &extra)
        if let a = table.table.rows.firstIndex(where: { $0.label == assets }),
            let l = table.table.rows.firstIndex(where: { $0.label == liabilities })
        {
            for c in table.table.columns.indices
            where !table.isInvalid(row: a, column: c) && !table.isInvalid(row: l, column: c) {
                let left = table.table.rows[a].values[c] ?? 0
                let right = table.table.rows[l].values[c] ?? 0
                if left != right {
                    extra.append(
                        diagnostic(
                            .error,
                            "de balans sluit niet in kolom '\(table.table.columns[c])': '\(liabilities)' is \(DutchFormat.money(right)), maar '\(assets)' is \(DutchFormat.money(left)) (verschil \(DutchFormat.money(right - left)))",
                            table.source, table.cell(row: l, column: c)))
                }
            }
        }
        let sheet = BalanceSheet(
            table: table.table, column: column, previousColumn: previousColumn, assetsRow: assets,
            liabilitiesRow: liabilities, cashRow: cash, totals: totals.map(\.rule))
        return (sheet, table)
    }

    /// `cashFlow`: the change in `column` equals the change in liquide middelen on the balans, from its
    /// previous column to its current one.
    static func readCashFlow(
        _ r: FieldReader, folder: String, folderName: String, balance: BalanceSheet?,
        hasBalance: Bool, extra: inout [Diagnostic]
    ) -> CashFlowStatement? {
        let table = readTable(r, folder: folder, folderName: folderName, extra: &extra)
        let column = r.text("column", required: true)
        let change = r.text("change", required: true)
        let totals = readTotals(r, key: "totals")
        r.finish()
        guard let table, let column, let change else { return nil }
        checkColumn(column, key: "column", in: table.table, reader: r)
        checkRow(change, key: "change", in: table.table, reader: r)
        checkTotals(totals, in: table, rows: true, reader: r, into: &extra)
        guard let changeIndex = table.table.rows.firstIndex(where: { $0.label == change }),
            let c = table.table.columnIndex(column)
        else { return nil }
        if !hasBalance {
            if let node = r.raw("change") {
                r.context.error(
                    "de mutatie van het kasstroomoverzicht wordt gecontroleerd tegen de balans: voeg 'balanceSheet' toe met 'cash' en 'previousColumn'",
                    at: node)
            }
        } else if let balance {
            guard let cashRow = balance.cashRow, let previous = balance.previousColumn else {
                if let node = r.raw("change") {
                    r.context.error(
                        "de mutatie van het kasstroomoverzicht wordt gecontroleerd tegen de liquide middelen op de balans: geef bij 'balanceSheet' ook 'cash' en 'previousColumn'",
                        at: node)
                }
                return CashFlowStatement(
                    table: table.table, column: column, changeRow: change, totals: totals.map(\.rule))
            }
            if let end = balance.table.value(row: cashRow, column: balance.column),
                let start = balance.table.value(row: cashRow, column: previous),
                !table.isInvalid(row: changeIndex, column: c)
            {
                let stated = table.table.rows[changeIndex].values[c] ?? 0
                if stated != end - start {
                    extra.append(
                        diagnostic(
                            .error,
                            "'\(change)' is \(DutchFormat.money(stated)), maar de liquide middelen op de balans gingen van \(DutchFormat.money(start)) naar \(DutchFormat.money(end)): een mutatie van \(DutchFormat.money(end - start)) (verschil \(DutchFormat.money(stated - (end - start))))",
                            table.source, table.cell(row: changeIndex, column: c)))
                }
            }
        }
        return CashFlowStatement(table: table.table, column: column, changeRow: change, totals: totals.map(\.rule))
    }

    /// The verdeling van de lasten against the staat van baten en lasten, to the cent: each objective's total
    /// equals its own row in the staat (or, when the staat has no row per objective, all objectives together
    /// equal the row of the objectives), beheer en administratie equals its row, and a grand total column
    /// equals the expenses. Every mismatch is an error at the verdeling's total cell.
    static func checkDistribution(
        _ d: ExpenseDistribution, positioned: PositionedTable, against s: IncomeStatement,
        into diagnostics: inout [Diagnostic]
    ) {
        let table = positioned.table
        // The total of a column: its cell in the first declared total row, or else the sum of every row.
        let totalRow = d.totals.first.flatMap { rule in table.rows.firstIndex { $0.label == rule.total } }
        func total(_ column: String) -> (value: Decimal, cell: CSVCells.Cell)? {
            guard let c = table.columnIndex(column) else { return nil }
            if let totalRow {
                if positioned.isInvalid(row: totalRow, column: c) { return nil }
                return (table.rows[totalRow].values[c] ?? 0, positioned.cell(row: totalRow, column: c))
            }
            guard !table.rows.indices.contains(where: { positioned.isInvalid(row: $0, column: c) }) else { return nil }
            let sum = table.rows.reduce(Decimal(0)) { $0 + ($1.values[c] ?? 0) }
            return (sum, positioned.header[min(c + 1, positioned.header.count - 1)])
        }
        func statement(_ row: String) -> Decimal? { s.table.value(row: row, column: s.column) }
        func compare(
            _ label: String, _ found: (value: Decimal, cell: CSVCells.Cell), _ row: String, _ expected: Decimal
        ) {
            guard found.value != expected else { return }
            diagnostics.append(
                diagnostic(
                    .error,
                    "'\(label)' is in de verdeling van de lasten \(DutchFormat.money(found.value)), maar in de staat van baten en lasten (rij '\(row)', kolom '\(s.column)') \(DutchFormat.money(expected)) (verschil \(DutchFormat.money(found.value - expected)))",
                    positioned.source, found.cell))
        }
        let perObjective = d.objectives.allSatisfy { s.table.row($0) != nil }
        if perObjective {
            for objective in d.objectives {
                if let found = total(objective), let expected = statement(objective) {
                    compare(objective, found, objective, expected)
                }
            }
        } else if let row = s.objectivesRow, let expected = statement(row) {
            let found = d.objectives.compactMap(total)
            if found.count == d.objectives.count, let first = found.first {
                compare("samen de doelstellingen", (found.reduce(0) { $0 + $1.value }, first.cell), row, expected)
            }
        }
        if let row = s.managementRow, let expected = statement(row), let found = total(d.management) {
            compare(d.management, found, row, expected)
        }
        // A column that totals every objective and beheer en administratie is the sum of the expenses.
        let everything = Set(d.objectives + [d.management])
        if let expected = statement(s.expensesRow),
            let rule = d.columnTotals.first(where: { Set($0.parts) == everything }), let found = total(rule.total)
        {
            compare(rule.total, found, s.expensesRow, expected)
        }
    }
}
