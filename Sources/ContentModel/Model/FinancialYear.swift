import Foundation

/// A row of a financial table: its label and one amount per amount column (nil for an empty cell).
public struct FinancialRow: Sendable, Equatable {
    public var label: String
    public var values: [Decimal?]
    /// 1-based line in the CSV file.
    public var line: Int
}

/// A financial table read from CSV: the first column holds the labels, the others amounts.
public struct FinancialTable: Sendable, Equatable {
    /// Path relative to the site root.
    public var file: String
    /// Header of the label column.
    public var labelHeader: String
    /// Headers of the amount columns.
    public var columns: [String]
    public var rows: [FinancialRow]

    public func row(_ label: String) -> FinancialRow? { rows.first { $0.label == label } }
    public func columnIndex(_ name: String) -> Int? { columns.firstIndex(of: name) }

    /// The amount in a row and column, nil when either is missing or the cell is empty.
    public func value(row label: String, column name: String) -> Decimal? {
        guard let row = row(label), let index = columnIndex(name), index < row.values.count else { return nil }
        return row.values[index]
    }
}

/// A total declared in `finance.yml`: a row (or column) that must be the sum of others.
public struct TotalRule: Sendable, Equatable {
    /// The total row's label (or column's name).
    public var total: String
    public var parts: [String]
}

/// The staat van baten en lasten and which of its rows mean what.
public struct IncomeStatement: Sendable, Equatable {
    public var table: FinancialTable
    /// The column with this year's actual figures.
    public var column: String
    public var incomeRow: String
    public var expensesRow: String
    public var resultRow: String
    public var objectivesRow: String?
    public var managementRow: String?
    public var totals: [TotalRule]
}

/// The verdeling van de lasten over doelstellingen.
public struct ExpenseDistribution: Sendable, Equatable {
    public var table: FinancialTable
    /// Column names of the objectives.
    public var objectives: [String]
    /// Column name of beheer en administratie.
    public var management: String
    public var totals: [TotalRule]
    public var columnTotals: [TotalRule]
}

/// The financial statements of one year (`content/finance/<year>/`).
public struct FinancialYear: ContentItem, Equatable {
    public var info: ItemInfo
    public var year: Int
    /// Some figures are examples, not the real accounts.
    public var illustrative: Bool
    public var note: String?
    /// The stated result.
    public var result: Decimal
    public var incomeStatement: IncomeStatement
    public var distribution: ExpenseDistribution?
}
