import DataFormats
import Diagnostics

/// A CSV file as rows of cells with their positions (header first), for the financial tables.
struct CSVCells {
    struct Cell {
        var text: String
        var line: Int
        var column: Int
    }

    var rows: [[Cell]]

    /// Reads the file with `DataFormats.CSVReader` (separator detected, RFC 4180 quotes, BOM, CRLF).
    static func read(_ source: SourceFile) throws -> CSVCells {
        let table = try CSVReader.parse(source, hasHeader: true)
        func cells(_ row: CSVRow) -> [Cell] {
            row.fields.indices.map { Cell(text: row.fields[$0], line: row.line, column: row.columns[$0]) }
        }
        return CSVCells(rows: (table.header.map { [cells($0)] } ?? []) + table.rows.map(cells))
    }
}
