import DataFormats
import Diagnostics
import Foundation

/// Reads `content/finance/<year>/`: `finance.yml` and the CSV tables it describes, and checks that every
/// total adds up to the cent and that the stated result is income minus expenses.
enum FinanceDecoder {
    static func decode(folder: String, name: String) -> FileResult {
        let yamlName = name + "/finance.yml"
        let data: [UInt8]
        do {
            data = try FileContents.read(folder + "/finance.yml")
        } catch let error as FileSystemError where error.code != ENOENT {
            return FileResult(diagnostics: [error.diagnostic("kan \(yamlName) niet lezen", file: yamlName)])
        } catch {
            return FileResult(diagnostics: [Diagnostic(.error, "financiële staten zonder finance.yml", file: yamlName)])
        }
        let source = SourceFile(name: yamlName, bytes: data)
        let root: YAMLNode
        do {
            root = try YAMLParsing.parse(source)
        } catch let d as Diagnostic {
            return FileResult(diagnostics: [d])
        } catch let e as DiagnosticError {
            return FileResult(diagnostics: e.diagnostics)
        } catch {
            return FileResult(diagnostics: [Diagnostic(.error, "\(error)", file: yamlName)])
        }
        let context = DecodeContext(source: source)
        var extra: [Diagnostic] = []
        let r = FieldReader(root, context: context, what: "financiële staten")
        let folderName = (folder as NSString).lastPathComponent
        let info = ItemDecoding.info(r, defaultSlug: folderName, body: nil)
        let year = r.year("year", required: true)
        if let year, String(year) != folderName, let n = r.raw("year") {
            context.error(
                "jaar \(year) staat in de map content/finance/\(folderName)/", at: n,
                notes: ["de map heet naar het jaar: content/finance/\(year)/"])
        }
        let illustrative = r.bool("illustrative") ?? false
        let note = r.text("note")
        let statedResult = r.amount("result", required: true)

        var statement: IncomeStatement?
        if let s = r.mapping("incomeAndExpenses", required: true, what: "staat van baten en lasten") {
            let table = readTable(s, folder: folder, folderName: name, extra: &extra)
            let column = s.text("column", required: true)
            let income = s.text("income", required: true)
            let expenses = s.text("expenses", required: true)
            let result = s.text("result", required: true)
            let objectives = s.text("objectives")
            let management = s.text("management")
            let totals = readTotals(s, key: "totals")
            if let table {
                checkColumn(column, key: "column", in: table.table, reader: s)
                for (key, label) in [
                    ("income", income), ("expenses", expenses), ("result", result),
                    ("objectives", objectives), ("management", management),
                ] {
                    checkRow(label, key: key, in: table.table, reader: s)
                }
                checkTotals(totals, in: table, rows: true, reader: s, into: &extra)
                if let income, let expenses, let result {
                    checkResult(table, income: income, expenses: expenses, result: result, into: &extra)
                    if let column, let stated = statedResult,
                        let value = table.table.value(row: result, column: column),
                        value != stated, let n = r.raw("result")
                    {
                        context.error(
                            "het opgegeven resultaat \(DutchFormat.money(stated)) verschilt van '\(result)' in '\(column)': \(DutchFormat.money(value))",
                            at: n)
                    }
                }
            }
            s.finish()
            if let table, let column, let income, let expenses, let result {
                statement = IncomeStatement(
                    table: table.table, column: column, incomeRow: income, expensesRow: expenses,
                    resultRow: result, objectivesRow: objectives, managementRow: management,
                    totals: totals.map(\.rule))
            }
        }

        var distribution: ExpenseDistribution?
        if let d = r.mapping("distribution", what: "verdeling van de lasten") {
            let table = readTable(d, folder: folder, folderName: name, extra: &extra)
            let objectives = d.texts("objectives", required: true)
            let management = d.text("management", required: true)
            let totals = readTotals(d, key: "totals")
            let columnTotals = readTotals(d, key: "columnTotals")
            var columnsKnown = true
            if let table {
                if let objectives, let node = d.raw("objectives") {
                    for (i, name) in objectives.enumerated() where table.table.columnIndex(name) == nil {
                        let at = node.sequence.map { $0[i] } ?? node
                        context.error(unknownColumn(name, table.table), at: at)
                        columnsKnown = false
                    }
                }
                if let management, table.table.columnIndex(management) == nil { columnsKnown = false }
                checkColumn(management, key: "management", in: table.table, reader: d)
                checkTotals(totals, in: table, rows: true, reader: d, into: &extra)
                checkTotals(columnTotals, in: table, rows: false, reader: d, into: &extra)
            }
            d.finish()
            if let table, let objectives, let management {
                let result = ExpenseDistribution(
                    table: table.table, objectives: objectives, management: management,
                    totals: totals.map(\.rule), columnTotals: columnTotals.map(\.rule))
                distribution = result
                if let statement, columnsKnown {
                    checkDistribution(result, positioned: table, against: statement, into: &extra)
                }
            }
        }

        var appropriation: ResultAppropriation?
        if let a = r.mapping("appropriation", what: "resultaatbestemming") {
            appropriation = readAppropriation(
                a, folder: folder, folderName: name, defaultColumn: statement?.column,
                statedResult: statedResult, extra: &extra)
        }
        var balanceSheet: BalanceSheet?
        let balanceNode = r.mapping("balanceSheet", what: "balans")
        if let b = balanceNode {
            balanceSheet = readBalanceSheet(b, folder: folder, folderName: name, extra: &extra)?.0
        }
        var cashFlow: CashFlowStatement?
        if let c = r.mapping("cashFlow", what: "kasstroomoverzicht") {
            cashFlow = readCashFlow(
                c, folder: folder, folderName: name, balance: balanceSheet, hasBalance: balanceNode != nil,
                extra: &extra)
        }
        r.finish()
        var result = FileResult()
        result.diagnostics = context.diagnostics + extra
        if let year, let statedResult, let statement {
            result.item = .finance(
                FinancialYear(
                    info: info, year: year, illustrative: illustrative, note: note,
                    result: statedResult, incomeStatement: statement, distribution: distribution,
                    appropriation: appropriation, balanceSheet: balanceSheet, cashFlow: cashFlow))
        }
        return result
    }

    // MARK: - Reading a table

    /// The CSV named by `file`, as a table with its cell positions; nil (with diagnostics) when unusable.
    static func readTable(_ r: FieldReader, folder: String, folderName: String, extra: inout [Diagnostic])
        -> PositionedTable?
    {
        guard let fileNode = r.raw("file", required: true),
            let file = FieldReader.text(fileNode, key: "file", context: r.context)
        else {
            return nil
        }
        var data: [UInt8]?
        // A name, not a path: the tables sit beside finance.yml.
        if !file.contains("/") && file != "" && file != "." && file != ".." {
            do {
                data = try FileContents.read(folder + "/" + file)
            } catch let error as FileSystemError where error.code != ENOENT {
                r.context.error("kan \(folderName)/\(file) niet lezen: \(error.cause)", at: fileNode)
                return nil
            } catch {}
        }
        guard let data else {
            let present = ((try? DirectoryListing.entries(of: folder)) ?? []).map(\.name).filter {
                $0.hasSuffix(".csv")
            }
            var message = "CSV-bestand '\(file)' niet gevonden in \(folderName)/"
            if let near = Suggestions.nearest(to: file, in: present) { message += "; bedoelde je '\(near)'?" }
            r.context.error(message, at: fileNode)
            return nil
        }
        let source = SourceFile(name: folderName + "/" + file, bytes: data)
        let cells: CSVCells
        do {
            cells = try CSVCells.read(source)
        } catch let d as Diagnostic {
            extra.append(d)
            return nil
        } catch {
            extra.append(Diagnostic(.error, "\(error)", file: source.name))
            return nil
        }
        guard let header = cells.rows.first, header.count >= 2 else {
            extra.append(
                Diagnostic(
                    .error,
                    "de tabel heeft een kopregel nodig: een kolom met omschrijvingen en minstens één kolom bedragen",
                    file: source.name, line: 1, column: 1, sourceLine: source.lineText(1)))
            return nil
        }
        var rows: [FinancialRow] = []
        var invalid: Set<[Int]> = []
        var seen: Set<String> = []
        for cellsOfRow in cells.rows.dropFirst() {
            let label = cellsOfRow[0].text.trimmingCharacters(in: .whitespaces)
            if !seen.insert(label).inserted, !label.isEmpty {
                extra.append(diagnostic(.error, "rij '\(label)' staat twee keer in de tabel", source, cellsOfRow[0]))
            }
            if cellsOfRow.count > header.count {
                extra.append(
                    diagnostic(
                        .error,
                        "rij heeft \(DutchFormat.count(cellsOfRow.count, "cel", "cellen")), de kopregel \(header.count)",
                        source, cellsOfRow[header.count]))
            }
            var values: [Decimal?] = []
            for index in 1..<header.count {
                guard index < cellsOfRow.count else {
                    values.append(nil)
                    continue
                }
                let cell = cellsOfRow[index]
                let text = cell.text.trimmingCharacters(in: .whitespaces)
                if text.isEmpty || text == "-" {
                    values.append(nil)
                    continue
                }
                if let amount = DutchNumber.parseAmount(text) {
                    values.append(amount)
                } else {
                    extra.append(
                        diagnostic(.error, "'\(text)' is geen bedrag (zoals 95.677, 1.234,56 of (2.500))", source, cell)
                    )
                    invalid.insert([rows.count, index - 1])
                    values.append(nil)
                }
            }
            rows.append(FinancialRow(label: label, values: values, line: cellsOfRow[0].line))
        }
        let table = FinancialTable(
            file: source.name, labelHeader: header[0].text,
            columns: header.dropFirst().map {
                $0.text.trimmingCharacters(in: .whitespaces)
            }, rows: rows)
        return PositionedTable(
            table: table, header: header, cells: Array(cells.rows.dropFirst()), source: source, invalid: invalid)
    }

    static func diagnostic(_ severity: Severity, _ message: String, _ source: SourceFile, _ cell: CSVCells.Cell)
        -> Diagnostic
    {
        Diagnostic(
            severity, message, file: source.name, line: cell.line, column: cell.column,
            sourceLine: source.lineText(cell.line))
    }
}
