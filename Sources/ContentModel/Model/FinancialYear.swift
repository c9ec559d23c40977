import DataFormats
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

/// The resultaatbestemming: how the year's result is allocated to the reserves.
public struct ResultAppropriation: Sendable, Equatable {
    public var table: FinancialTable
    /// The column with this year's figures.
    public var column: String
    /// The row with the result to allocate; equals the year's stated result in `column`.
    public var resultRow: String
    public var totals: [TotalRule]
}

/// The balans: assets and liabilities at the end of the year (and of the year before), which must balance.
public struct BalanceSheet: Sendable, Equatable {
    public var table: FinancialTable
    /// The column at the end of this year, "31 december 2023".
    public var column: String
    /// The column at the end of the year before, for the change in liquide middelen.
    public var previousColumn: String?
    /// Label of the total assets row (totaal activa).
    public var assetsRow: String
    /// Label of the total liabilities and equity row (totaal passiva).
    public var liabilitiesRow: String
    /// Label of the liquide middelen row.
    public var cashRow: String?
    public var totals: [TotalRule]
}

/// The kasstroomoverzicht: where the cash came from and went to; its change equals the change in liquide
/// middelen on the balans.
public struct CashFlowStatement: Sendable, Equatable {
    public var table: FinancialTable
    /// The column with this year's figures.
    public var column: String
    /// Label of the row with the change in liquide middelen.
    public var changeRow: String
    public var totals: [TotalRule]
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
    public var appropriation: ResultAppropriation?
    public var balanceSheet: BalanceSheet?
    public var cashFlow: CashFlowStatement?

    public init(
        info: ItemInfo, year: Int, illustrative: Bool, note: String? = nil, result: Decimal,
        incomeStatement: IncomeStatement,
        distribution: ExpenseDistribution? = nil, appropriation: ResultAppropriation? = nil,
        balanceSheet: BalanceSheet? = nil,
        cashFlow: CashFlowStatement? = nil
    ) {
        self.info = info
        self.year = year
        self.illustrative = illustrative
        self.note = note
        self.result = result
        self.incomeStatement = incomeStatement
        self.distribution = distribution
        self.appropriation = appropriation
        self.balanceSheet = balanceSheet
        self.cashFlow = cashFlow
    }

    /// Every table of the year, in the order the site and the report print them.
    public var tables: [FinancialTable] {
        [incomeStatement.table]
            + [distribution?.table, appropriation?.table, balanceSheet?.table, cashFlow?.table].compactMap { $0 }
    }

    /// How this year's figures are written, the same in the site, the HTML report and the PDF.
    public var notation: FinanceNotation { FinanceNotation(self) }
}

/// The one way the financial figures are printed everywhere (site, HTML report, PDF), so the same figure
/// always reads the same: amounts with two decimals throughout a year whose accounts have any cents (a
/// column never mixes "470.787,50" with "95.677"), otherwise in whole euros; shares with one decimal
/// ("81,0%"); verdicts "gehaald" or "niet gehaald".
public struct FinanceNotation: Sendable, Equatable {
    /// Whether amounts show cents.
    public var cents: Bool

    public init(cents: Bool) {
        self.cents = cents
    }

    /// Cents when any amount of the year (a table cell or the stated result) has them.
    public init(_ year: FinancialYear) {
        cents =
            Self.hasCents(year.result)
            || year.tables.contains { table in
                table.rows.contains { row in row.values.contains { $0.map(Self.hasCents) ?? false } }
            }
    }

    /// The notation of one table of amounts outside the accounts (a best practice's costs and benefits):
    /// cents when any of them has cents, so its column never mixes "€ 48.250,75" with "€ 0".
    public init(amounts: [Decimal]) {
        cents = amounts.contains(where: Self.hasCents)
    }

    private static func hasCents(_ value: Decimal) -> Bool {
        var copy = value
        var whole = Decimal()
        NSDecimalRound(&whole, &copy, 0, .plain)
        return whole != value
    }

    /// An amount in a table, without the euro sign: "470.787,50", "-312,50", "95.677"; "" for an empty cell.
    public func amount(_ value: Decimal?) -> String {
        value.map { DutchFormat.number($0, decimals: cents ? 2 : 0) } ?? ""
    }

    /// An amount in running text: "€ 470.787,50", "-€ 312,50".
    public func money(_ value: Decimal) -> String {
        let text = DutchFormat.number(abs(value), decimals: cents ? 2 : 0)
        return (value < 0 && text.contains(where: { $0 != "0" && $0 != "," && $0 != "." }) ? "-" : "") + "€\u{00A0}"
            + text
    }

    /// A share of 0 to 1 as a percentage with one decimal: "80,8%", "81,0%".
    public static func share(_ fraction: Decimal) -> String { DutchFormat.share(fraction) }

    /// The verdict on a target: "gehaald" or "niet gehaald".
    public static func verdict(_ met: Bool) -> String { met ? "gehaald" : "niet gehaald" }
}
