import ContentModel
import DataFormats
import Foundation

/// Chapter 4: the result, the staat van baten en lasten, the verdeling van de lasten over doelstellingen,
/// and the two ratios against the site's targets, with a clear mark when a target is missed.
struct FinanceChapter {
    let kb: KnowledgeBase
    let finance: FinancialYear

    /// Computed once: deciding on cents looks at every amount of the year.
    let notation: FinanceNotation

    init(kb: KnowledgeBase, finance: FinancialYear) {
        self.kb = kb
        self.finance = finance
        notation = finance.notation
    }

    var year: Int { finance.year }

    func build() -> ReportSection {
        var chapter = ReportSection(title: "Financiën", level: 1)
        if finance.illustrative {
            var text = "Illustratieve cijfers. "
            text +=
                finance.note.map { $0.trimmingBlanks() }
                ?? "Een deel van de bedragen is een voorbeeld en komt niet uit de jaarrekening."
            chapter.blocks.append(.callout(ReportCallout(kind: .note, inlines: [ReportInline(text)])))
        }
        chapter.subsections.append(resultSection())
        chapter.subsections.append(statementSection())
        if let distribution = finance.distribution {
            chapter.subsections.append(distributionSection(distribution))
        }
        if let a = finance.appropriation {
            chapter.subsections.append(
                tableSection(
                    "Resultaatbestemming", caption: "Bestemming van het resultaat \(year), bedragen in euro",
                    table: a.table,
                    bold: Set(a.totals.map(\.total) + [a.resultRow])))
        }
        if let b = finance.balanceSheet {
            chapter.subsections.append(
                tableSection(
                    "Balans per 31 december \(year)", caption: "Balans, bedragen in euro", table: b.table,
                    bold: Set(b.totals.map(\.total) + [b.assetsRow, b.liabilitiesRow])))
        }
        if let c = finance.cashFlow {
            chapter.subsections.append(
                tableSection(
                    "Kasstroomoverzicht", caption: "Kasstroomoverzicht \(year), bedragen in euro", table: c.table,
                    bold: Set(c.totals.map(\.total) + [c.changeRow])))
        }
        return chapter
    }

    // MARK: 4.1

    private func resultSection() -> ReportSection {
        let s = finance.incomeStatement
        var blocks: [ReportBlock] = []
        var rows: [ReportTable.Row] = []
        for (label, row) in [("Baten", s.incomeRow), ("Lasten", s.expensesRow)] {
            rows.append(.init([label] + s.table.columns.map { amount(s.table.value(row: row, column: $0)) }))
        }
        rows.append(
            .init(
                ["Resultaat"]
                    + s.table.columns.map { column in
                        column == s.column
                            ? amount(finance.result) : amount(s.table.value(row: s.resultRow, column: column))
                    }, bold: true))
        blocks.append(
            .table(
                ReportTable(
                    caption: caption("Resultaat \(year) in één oogopslag"), header: [""] + s.table.columns,
                    alignments: [.left] + s.table.columns.map { _ in .right }, rows: rows)))

        // Without the rows for the objectives and beheer en administratie there is nothing to measure.
        if let ratios = kb.financialRatios[year],
            ratios.objectivesShareOfIncome != nil || ratios.managementShareOfExpenses != nil
        {
            blocks.append(.subheading("Kengetallen"))
            var ratioRows: [ReportTable.Row] = []
            var callouts: [ReportBlock] = []
            let minimum = ratios.targets.minimumObjectivesShareOfIncome
            let maximum = ratios.targets.maximumManagementShareOfExpenses
            if let share = ratios.objectivesShareOfIncome, let met = ratios.meetsObjectivesTarget {
                ratioRows.append(
                    .init(
                        [
                            "Besteed aan doelstellingen, in % van de baten", percent(share),
                            "minimaal " + percent(minimum), verdict(met),
                        ], bold: !met, warning: !met))
                if !met {
                    callouts.append(
                        .callout(
                            ReportCallout(
                                kind: .warning,
                                inlines: [
                                    ReportInline("Norm niet gehaald: ", bold: true),
                                    ReportInline(
                                        "in \(year) ging \(percent(share)) van de baten naar de doelstellingen; de norm is minimaal \(percent(minimum))."
                                    ),
                                ])))
                }
            }
            if let share = ratios.managementShareOfExpenses, let met = ratios.meetsManagementTarget {
                ratioRows.append(
                    .init(
                        [
                            "Beheer en administratie, in % van de lasten", percent(share),
                            "maximaal " + percent(maximum), verdict(met),
                        ], bold: !met, warning: !met))
                if !met {
                    callouts.append(
                        .callout(
                            ReportCallout(
                                kind: .warning,
                                inlines: [
                                    ReportInline("Norm niet gehaald: ", bold: true),
                                    ReportInline(
                                        "in \(year) ging \(percent(share)) van de lasten naar beheer en administratie; de norm is maximaal \(percent(maximum))."
                                    ),
                                ])))
                }
            }
            blocks.append(
                .table(
                    ReportTable(
                        caption: "Kengetallen \(year) getoetst aan de normen",
                        header: ["Kengetal", String(year), "Norm", "Oordeel"],
                        alignments: [.left, .right, .right, .left], rows: ratioRows)))
            if callouts.isEmpty && !ratioRows.isEmpty {
                blocks.append(
                    .callout(
                        ReportCallout(
                            kind: .success, inlines: [ReportInline("Beide normen gehaald in \(year).", bold: true)])))
            }
            blocks += callouts
            blocks += ratioCharts(minimum: minimum, maximum: maximum)
        }
        return ReportSection(title: "Financieel resultaat \(year)", level: 2, blocks: blocks)
    }

    /// The ratios for every column of the statement (actual, budget, last year), each against its norm.
    private func ratioCharts(minimum: Decimal, maximum: Decimal) -> [ReportBlock] {
        let s = finance.incomeStatement
        var objectiveBars: [ReportChart.Bar] = []
        var managementBars: [ReportChart.Bar] = []
        for column in s.table.columns {
            guard let income = s.table.value(row: s.incomeRow, column: column),
                let expenses = s.table.value(row: s.expensesRow, column: column)
            else { continue }
            if let row = s.objectivesRow, let objectives = s.table.value(row: row, column: column), income != 0 {
                let share = objectives / income
                objectiveBars.append(
                    .init(
                        label: column, value: double(share * 100), valueLabel: percent(share),
                        highlighted: share < minimum))
            }
            if let row = s.managementRow, let management = s.table.value(row: row, column: column), expenses != 0 {
                let share = management / expenses
                managementBars.append(
                    .init(
                        label: column, value: double(share * 100), valueLabel: percent(share),
                        highlighted: share > maximum))
            }
        }
        var out: [ReportBlock] = []
        if !objectiveBars.isEmpty {
            out.append(
                .chart(
                    ReportChart(
                        title: "Besteed aan doelstellingen, in % van de baten", bars: objectiveBars,
                        reference: .init(value: double(minimum * 100), label: "norm " + percent(minimum)))))
        }
        if !managementBars.isEmpty {
            out.append(
                .chart(
                    ReportChart(
                        title: "Beheer en administratie, in % van de lasten", bars: managementBars,
                        reference: .init(value: double(maximum * 100), label: "norm " + percent(maximum)))))
        }
        return out
    }

    // MARK: 4.2

    private func statementSection() -> ReportSection {
        let s = finance.incomeStatement
        return tableSection(
            "Staat van baten en lasten", caption: "Staat van baten en lasten \(year), bedragen in euro",
            table: s.table, bold: Set(s.totals.map(\.total) + [s.incomeRow, s.expensesRow, s.resultRow]))
    }

    /// A statement printed as its CSV: labels, then the amount columns; totals bold.
    private func tableSection(_ title: String, caption text: String, table: FinancialTable, bold: Set<String>)
        -> ReportSection
    {
        let rows = table.rows.map { row in
            ReportTable.Row(
                [row.label] + table.columns.indices.map { amount($0 < row.values.count ? row.values[$0] : nil) },
                bold: bold.contains(row.label))
        }
        let reportTable = ReportTable(
            caption: caption(text), header: [table.labelHeader] + table.columns,
            alignments: [.left] + table.columns.map { _ in .right }, rows: rows)
        return ReportSection(title: title, level: 2, blocks: [.table(reportTable)])
    }

    // MARK: 4.3

    /// Transposed: one row per objective (and beheer en administratie), one column per cost kind, so the
    /// table fits the width of an A4 page.
    private func distributionSection(_ d: ExpenseDistribution) -> ReportSection {
        let table = d.table
        let totalColumns = Set(d.columnTotals.map(\.total))
        let totalRows = Set(d.totals.map(\.total))
        let kinds = table.rows.map(\.label)
        var rows: [ReportTable.Row] = []
        for column in table.columns {
            rows.append(
                .init(
                    [column] + kinds.map { amount(table.value(row: $0, column: column)) },
                    bold: totalColumns.contains(column)))
        }
        let header = [table.labelHeader == "Kostensoort" ? "Doelstelling" : ""] + kinds
        var blocks: [ReportBlock] = [
            .table(
                ReportTable(
                    caption: caption("Verdeling van de lasten over doelstellingen \(year), bedragen in euro"),
                    header: header,
                    alignments: [.left] + kinds.map { _ in .right }, rows: rows))
        ]

        // The chart: each objective's total, and beheer en administratie (highlighted when over its norm).
        if let totalRow = totalRows.first ?? kinds.last {
            let overNorm = kb.financialRatios[year]?.meetsManagementTarget == false
            let bars: [ReportChart.Bar] = (d.objectives + [d.management]).compactMap { column in
                guard let value = table.value(row: totalRow, column: column) else { return nil }
                return .init(
                    label: column, value: double(value), valueLabel: notation.money(value),
                    highlighted: column == d.management && overNorm)
            }
            if !bars.isEmpty {
                blocks.append(.chart(ReportChart(title: "Lasten per doelstelling \(year)", bars: bars, reference: nil)))
            }
        }
        return ReportSection(title: "Verdeling van de lasten over doelstellingen", level: 2, blocks: blocks)
    }

    // MARK: formatting

    private func caption(_ text: String) -> String { finance.illustrative ? text + " (illustratief)" : text }

    private func amount(_ value: Decimal?) -> String { notation.amount(value) }

    /// A share (0.8076) as "80,8%".
    private func percent(_ share: Decimal) -> String { FinanceNotation.share(share) }

    private func verdict(_ met: Bool) -> String { FinanceNotation.verdict(met) }

    private func double(_ value: Decimal) -> Double { NSDecimalNumber(decimal: value).doubleValue }
}
