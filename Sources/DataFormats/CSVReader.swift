import Diagnostics

/// Reads CSV files as RFC 4180 describes them, plus what Dutch spreadsheets write: the separator is `,` or
/// `;` (or a tab), detected from the first line; UTF-8 with or without a byte order mark; CRLF or LF line
/// ends. Fields may be quoted with `"`, with `""` for a quote and line breaks inside (kept as `\n`).
/// Fields are not trimmed. Blank lines are skipped.
///
/// Errors (with file, line and column): an unterminated quoted field, text after a closing quote, a quote
/// inside an unquoted field, and a row with more or fewer fields than the first row.
public enum CSVReader {
    /// Parses a CSV file.
    ///
    /// - Parameters:
    ///   - hasHeader: whether the first record names the columns (then it is `header`, not a row).
    ///   - separator: the separator to use; detected from the first line when nil.
    /// - Throws: a `Diagnostic` at the first problem.
    public static func parse(_ source: SourceFile, hasHeader: Bool = true, separator: Character? = nil) throws
        -> CSVTable
    {
        try source.bytes.withUnsafeBufferPointer { buffer in
            if let problem = TextCheck.firstProblem(in: buffer) {
                throw Diagnostic.error(problem.message, in: source, at: problem.offset)
            }
            var parser = CSVParser(source: source, bytes: buffer)
            if let separator {
                guard let ascii = separator.asciiValue, ascii != 0x22, ascii != 0x0A, ascii != 0x0D else {
                    throw Diagnostic(.error, "ongeldig scheidingsteken '\(separator)' voor CSV", file: source.name)
                }
                parser.separator = ascii
            } else {
                parser.detectSeparator()
            }
            let records = try parser.parseRecords()
            let sep = Character(Unicode.Scalar(parser.separator))
            guard hasHeader, let first = records.first else {
                return CSVTable(separator: sep, header: nil, rows: records)
            }
            return CSVTable(separator: sep, header: first, rows: Array(records.dropFirst()))
        }
    }
}

/// The byte-level CSV scanner behind `CSVReader`; tracks lines itself.
struct CSVParser {
    let source: SourceFile
    let bytes: UnsafeBufferPointer<UInt8>
    var separator: UInt8 = 0x2C
    /// Field count of the first row, to size the arrays of the next ones.
    private var expectedFields = 4
    var pos = 0
    var lineIndex = 0
    var lineStart = 0
    /// The last offset whose column was computed, and that column.
    private var columnOffset = -1
    private var columnValue = 1

    private static let quote: UInt8 = 0x22
    private static let lf: UInt8 = 0x0A
    private static let cr: UInt8 = 0x0D

    init(source: SourceFile, bytes: UnsafeBufferPointer<UInt8>) {
        self.source = source
        self.bytes = bytes
        if bytes.count >= 3 && bytes[0] == 0xEF && bytes[1] == 0xBB && bytes[2] == 0xBF { pos = 3 }
    }

    /// Picks `;` when the first record has more semicolons than commas (outside quotes), a tab when it has
    /// only tabs, else `,`.
    mutating func detectSeparator() {
        var commas = 0
        var semicolons = 0
        var tabs = 0
        var inQuotes = false
        var i = pos
        while i < bytes.count {
            let c = bytes[i]
            if c == Self.quote {
                inQuotes.toggle()
            } else if !inQuotes {
                if c == Self.lf { break }
                if c == 0x2C { commas += 1 }
                if c == 0x3B { semicolons += 1 }
                if c == 0x09 { tabs += 1 }
            }
            i += 1
        }
        if semicolons > commas {
            separator = 0x3B
        } else if commas == 0 && tabs > 0 {
            separator = 0x09
        } else {
            separator = 0x2C
        }
    }

    mutating func parseRecords() throws -> [CSVRow] {
        var rows: [CSVRow] = []
        var expectedCount: Int? = nil
        while pos < bytes.count {
            // Blank lines are not records.
            if bytes[pos] == Self.lf || (bytes[pos] == Self.cr && pos + 1 < bytes.count && bytes[pos + 1] == Self.lf) {
                consumeBreak()
                continue
            }
            let row = try parseRecord()
            if let expected = expectedCount, row.fields.count != expected {
                let count = row.fields.count
                let message =
                    "deze rij heeft \(count) \(count == 1 ? "veld" : "velden"), de eerste rij \(expected); "
                    + "controleer de scheidingstekens ('\(Character(Unicode.Scalar(separator)))') en aanhalingstekens"
                let column = count > expected ? row.columns[expected] : nil
                throw Diagnostic(
                    .error, message, file: source.name, line: row.line,
                    column: column ?? endColumn(ofLine: row.line), sourceLine: source.lineText(row.line))
            }
            expectedCount = expectedCount ?? row.fields.count
            expectedFields = row.fields.count
            rows.append(row)
        }
        return rows
    }

    /// Parses one record; `pos` ends after its line break.
    private mutating func parseRecord() throws -> CSVRow {
        let line = lineIndex + source.firstLine
        var fields: [String] = []
        var columns: [Int] = []
        fields.reserveCapacity(expectedFields)
        columns.reserveCapacity(expectedFields)
        while true {
            columns.append(column(at: pos))
            if pos < bytes.count && bytes[pos] == Self.quote {
                fields.append(try parseQuotedField())
            } else {
                let start = pos
                while pos < bytes.count {
                    let c = bytes[pos]
                    if c == separator || c == Self.lf
                        || (c == Self.cr && pos + 1 < bytes.count && bytes[pos + 1] == Self.lf)
                    {
                        break
                    }
                    if c == Self.quote {
                        throw error(
                            "aanhalingsteken midden in een veld; zet het hele veld tussen \"...\" en schrijf een \" erin als \"\"",
                            at: pos)
                    }
                    pos += 1
                }
                fields.append(String(decoding: UnsafeBufferPointer(rebasing: bytes[start..<pos]), as: UTF8.self))
            }
            if pos < bytes.count && bytes[pos] == separator {
                pos += 1
                continue
            }
            consumeBreak()
            return CSVRow(fields: fields, line: line, columns: columns)
        }
    }

    /// Parses `"..."` at `pos`: `""` is a quote, line breaks are kept (as `\n`).
    private mutating func parseQuotedField() throws -> String {
        let open = pos
        pos += 1
        var out: [UInt8] = []
        var segment = pos
        while true {
            guard pos < bytes.count else {
                throw error("aanhalingsteken wordt niet gesloten; voeg een \" toe aan het einde van het veld", at: open)
            }
            let c = bytes[pos]
            if c == Self.quote {
                out.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[segment..<pos]))
                if pos + 1 < bytes.count && bytes[pos + 1] == Self.quote {
                    out.append(Self.quote)
                    pos += 2
                    segment = pos
                    continue
                }
                pos += 1
                break
            }
            if c == Self.cr && pos + 1 < bytes.count && bytes[pos + 1] == Self.lf {
                out.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[segment..<pos]))
                out.append(Self.lf)
                consumeBreak()
                segment = pos
                continue
            }
            if c == Self.lf {
                out.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[segment..<pos]))
                out.append(Self.lf)
                consumeBreak()
                segment = pos
                continue
            }
            pos += 1
        }
        if pos < bytes.count {
            let c = bytes[pos]
            let atBreak = c == Self.lf || (c == Self.cr && pos + 1 < bytes.count && bytes[pos + 1] == Self.lf)
            if c != separator && !atBreak {
                throw error(
                    "na het sluitende aanhalingsteken hoort een scheidingsteken of het einde van de regel", at: pos)
            }
        }
        return String(decoding: out, as: UTF8.self)
    }

    private mutating func consumeBreak() {
        if pos < bytes.count && bytes[pos] == Self.cr { pos += 1 }
        if pos < bytes.count && bytes[pos] == Self.lf {
            pos += 1
            lineIndex += 1
            lineStart = pos
        }
    }

    /// 1-based column of an offset on the current line.
    /// Counted on from the previous field of the same line, so a row costs one pass.
    private mutating func column(at offset: Int) -> Int {
        if columnOffset < lineStart {
            columnOffset = lineStart
            columnValue = 1
        }
        var i = columnOffset
        while i < offset {
            if bytes[i] & 0xC0 != 0x80 { columnValue += 1 }
            i += 1
        }
        columnOffset = offset
        return columnValue
    }

    /// The column just past the last character of a (reported) line.
    private func endColumn(ofLine line: Int) -> Int {
        (source.lineText(line)?.unicodeScalars.count ?? 0) + 1
    }

    private func error(_ message: String, at offset: Int) -> Diagnostic {
        Diagnostic.error(message, in: source, at: offset)
    }
}
