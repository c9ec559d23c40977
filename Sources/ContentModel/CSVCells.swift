import Diagnostics

/// A CSV file as rows of cells with their positions, for the financial tables.
struct CSVCells {
    struct Cell {
        var text: String
        var line: Int
        var column: Int
    }

    var rows: [[Cell]]

    /// Reads `;`- or `,`-separated values (whichever the first line uses more), RFC 4180 quotes.
    static func read(_ source: SourceFile) throws -> CSVCells {
        // Stand-in until DataFormats.CSVReader lands on this branch.
        var bytes = source.bytes
        var offset = 0
        if bytes.count >= 3, bytes[0] == 0xEF, bytes[1] == 0xBB, bytes[2] == 0xBF { offset = 3 }
        bytes = Array(bytes[offset...])
        let firstLine = bytes.prefix { $0 != 0x0A }
        let separator: UInt8 = firstLine.filter { $0 == 0x3B }.count >= firstLine.filter { $0 == 0x2C }.count ? 0x3B : 0x2C
        var rows: [[Cell]] = []
        var row: [Cell] = []
        var field: [UInt8] = []
        var fieldStart = 0
        var i = 0
        var quoted = false
        var inQuotes = false
        func cell(_ start: Int) -> Cell {
            let p = source.position(ofByteOffset: start + offset)
            return Cell(text: String(decoding: field, as: UTF8.self), line: p.line, column: p.column)
        }
        while i < bytes.count {
            let b = bytes[i]
            if inQuotes {
                if b == 0x22 {
                    if i + 1 < bytes.count, bytes[i + 1] == 0x22 { field.append(0x22); i += 2; continue }
                    inQuotes = false
                } else {
                    field.append(b)
                }
                i += 1
                continue
            }
            if b == 0x22, field.isEmpty, !quoted {
                inQuotes = true
                quoted = true
            } else if b == separator {
                row.append(cell(fieldStart)); field = []; quoted = false; fieldStart = i + 1
            } else if b == 0x0A || b == 0x0D {
                row.append(cell(fieldStart)); field = []; quoted = false
                if b == 0x0D, i + 1 < bytes.count, bytes[i + 1] == 0x0A { i += 1 }
                if !(row.count == 1 && row[0].text.isEmpty) { rows.append(row) }
                row = []
                fieldStart = i + 1
            } else {
                field.append(b)
            }
            i += 1
        }
        if inQuotes {
            throw Diagnostic.error("aanhalingsteken wordt niet gesloten", in: source, at: fieldStart + offset)
        }
        if !field.isEmpty || !row.isEmpty {
            row.append(cell(fieldStart))
            rows.append(row)
        }
        return CSVCells(rows: rows)
    }
}
