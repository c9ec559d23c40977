import DataFormats
import Diagnostics
import Foundation

/// A financial table with where each cell was written, so a wrong total points at its cell in the CSV.
struct PositionedTable {
    var table: FinancialTable
    var header: [CSVCells.Cell]
    /// Data rows (header excluded), in the order of `table.rows`.
    var cells: [[CSVCells.Cell]]
    var source: SourceFile
    /// Cells (row, amount column) that held no valid amount: already reported, so sums over them are skipped.
    var invalid: Set<[Int]> = []

    func isInvalid(row: Int, column: Int) -> Bool { invalid.contains([row, column]) }

    /// The cell of a data row and amount column, or the row's label cell when the cell is missing.
    func cell(row: Int, column: Int) -> CSVCells.Cell {
        let cells = self.cells[row]
        return column + 1 < cells.count ? cells[column + 1] : cells[0]
    }
}

/// A total rule with the YAML node it was written at.
struct PositionedRule {
    var rule: TotalRule
    var node: YAMLNode
    var partNodes: [YAMLNode]
}

extension FinanceDecoder {
    static func readTotals(_ r: FieldReader, key: String) -> [PositionedRule] {
        let totalKey = key == "columnTotals" ? "column" : "row"
        var rules: [PositionedRule] = []
        for node in r.list(key) ?? [] {
            let t = FieldReader(node, context: r.context, what: key == "columnTotals" ? "kolomtotaal" : "totaal")
            let total = t.text(totalKey, required: true)
            let parts = t.texts("sumOf", required: true)
            let partNodes = t.raw("sumOf")?.sequence ?? []
            t.finish()
            if let total, let parts {
                rules.append(
                    PositionedRule(rule: TotalRule(total: total, parts: parts), node: node, partNodes: partNodes))
            }
        }
        return rules
    }

    static func unknownColumn(_ name: String, _ table: FinancialTable) -> String {
        var message = "kolom '\(name)' staat niet in \(table.file)"
        if let near = Suggestions.nearest(to: name, in: table.columns) { message += "; bedoelde je '\(near)'?" }
        return message
    }

    static func unknownRow(_ label: String, _ table: FinancialTable) -> String {
        var message = "rij '\(label)' staat niet in \(table.file)"
        if let near = Suggestions.nearest(to: label, in: table.rows.map(\.label)) {
            message += "; bedoelde je '\(near)'?"
        }
        return message
    }

    static func checkColumn(_ name: String?, key: String, in table: FinancialTable, reader: FieldReader) {
        guard let name, table.columnIndex(name) == nil, let node = reader.raw(key) else { return }
        reader.context.error(unknownColumn(name, table), at: node)
    }

    static func checkRow(_ label: String?, key: String, in table: FinancialTable, reader: FieldReader) {
        guard let label, table.row(label) == nil, let node = reader.raw(key) else { return }
        reader.context.error(unknownRow(label, table), at: node)
    }

    /// Every total equals the sum of its parts exactly, in every column (row totals) or every row (column
    /// totals). An empty cell counts as zero.
    static func checkTotals(
        _ rules: [PositionedRule], in positioned: PositionedTable, rows: Bool, reader: FieldReader,
        into diagnostics: inout [Diagnostic]
    ) {
        let table = positioned.table
        for rule in rules {
            if rows {
                guard let totalIndex = table.rows.firstIndex(where: { $0.label == rule.rule.total }) else {
                    reader.context.error(unknownRow(rule.rule.total, table), at: rule.node)
                    continue
                }
                var partIndexes: [Int] = []
                for (i, part) in rule.rule.parts.enumerated() {
                    if let index = table.rows.firstIndex(where: { $0.label == part }) {
                        partIndexes.append(index)
                    } else {
                        reader.context.error(
                            unknownRow(part, table), at: i < rule.partNodes.count ? rule.partNodes[i] : rule.node)
                    }
                }
                guard partIndexes.count == rule.rule.parts.count else { continue }
                for column in table.columns.indices
                where !([totalIndex] + partIndexes).contains(where: { positioned.isInvalid(row: $0, column: column) }) {
                    let total = table.rows[totalIndex].values[column] ?? 0
                    let sum = partIndexes.reduce(Decimal(0)) { $0 + (table.rows[$1].values[column] ?? 0) }
                    if total != sum {
                        let cell = positioned.cell(row: totalIndex, column: column)
                        diagnostics.append(
                            diagnostic(
                                .error,
                                "'\(rule.rule.total)' in kolom '\(table.columns[column])' is \(DutchFormat.money(total)), maar de som van \(DutchFormat.count(rule.rule.parts.count, "rij", "rijen")) is \(DutchFormat.money(sum)) (verschil \(DutchFormat.money(total - sum)))",
                                positioned.source, cell))
                    }
                }
            } else {
                guard let totalIndex = table.columnIndex(rule.rule.total) else {
                    reader.context.error(unknownColumn(rule.rule.total, table), at: rule.node)
                    continue
                }
                var partIndexes: [Int] = []
                for (i, part) in rule.rule.parts.enumerated() {
                    if let index = table.columnIndex(part) {
                        partIndexes.append(index)
                    } else {
                        reader.context.error(
                            unknownColumn(part, table), at: i < rule.partNodes.count ? rule.partNodes[i] : rule.node)
                    }
                }
                guard partIndexes.count == rule.rule.parts.count else { continue }
                for (rowIndex, row) in table.rows.enumerated()
                where !([totalIndex] + partIndexes).contains(where: { positioned.isInvalid(row: rowIndex, column: $0) })
                {
                    let total = row.values[totalIndex] ?? 0
                    let sum = partIndexes.reduce(Decimal(0)) { $0 + (row.values[$1] ?? 0) }
                    if total != sum {
                        diagnostics.append(
                            diagnostic(
                                .error,
                                "'\(rule.rule.total)' van rij '\(row.label)' is \(DutchFormat.money(total)), maar de som van \(DutchFormat.count(rule.rule.parts.count, "kolom", "kolommen")) is \(DutchFormat.money(sum)) (verschil \(DutchFormat.money(total - sum)))",
                                positioned.source, positioned.cell(row: rowIndex, column: totalIndex)))
                    }
                }
            }
        }
    }

    /// The result row equals income minus expenses in every column where all three are filled in.
    static func checkResult(
        _ positioned: PositionedTable, income: String, expenses: String, result: String,
        into diagnostics: inout [Diagnostic]
    ) {
        let table = positioned.table
        guard let i = table.row(income), let e = table.row(expenses),
            let resultIndex = table.rows.firstIndex(where: { $0.label == result })
        else { return }
        for column in table.columns.indices {
            guard let inc = i.values[column], let exp = e.values[column],
                let res = table.rows[resultIndex].values[column]
            else { continue }
            if inc - exp != res {
                diagnostics.append(
                    diagnostic(
                        .error,
                        "'\(result)' in kolom '\(table.columns[column])' is \(DutchFormat.money(res)), maar baten min lasten is \(DutchFormat.money(inc)) − \(DutchFormat.money(exp)) = \(DutchFormat.money(inc - exp))",
                        positioned.source, positioned.cell(row: resultIndex, column: column)))
            }
        }
    }
}
