/// One record of a CSV file, with where it and each of its fields start.
public struct CSVRow: Equatable, Sendable {
    public var fields: [String]
    /// 1-based line on which the record starts (a quoted field may continue on later lines).
    public var line: Int
    /// 1-based column (in Unicode scalars) where each field starts; a quoted field starts at its quote.
    public var columns: [Int]

    /// A record; `columns` has one entry per field.
    public init(fields: [String], line: Int, columns: [Int]) {
        self.fields = fields
        self.line = line
        self.columns = columns
    }

    /// The field at `index`, or nil when the row is shorter.
    public subscript(index: Int) -> String? {
        index >= 0 && index < fields.count ? fields[index] : nil
    }
}

/// A parsed CSV file: the header (when the file has one) and the data rows, in file order.
public struct CSVTable: Equatable, Sendable {
    /// The field separator that was used: `,`, `;` or a tab.
    public var separator: Character
    /// The first record when the file was read with a header; nil for an empty file or without header.
    public var header: CSVRow?
    /// The data records (after the header), blank lines left out.
    public var rows: [CSVRow]

    /// A table as `CSVReader` builds it (also handy for tests).
    public init(separator: Character, header: CSVRow?, rows: [CSVRow]) {
        self.separator = separator
        self.header = header
        self.rows = rows
    }

    /// The index of the header column named `name`, ignoring surrounding blanks and case.
    public func columnIndex(_ name: String) -> Int? {
        guard let header else { return nil }
        let wanted = Self.normalised(name)
        return header.fields.firstIndex { Self.normalised($0) == wanted }
    }

    /// The value of the column named `name` in `row`, or nil when there is no such column.
    public func value(_ row: CSVRow, _ name: String) -> String? {
        columnIndex(name).flatMap { row[$0] }
    }

    private static func normalised(_ s: String) -> String {
        s.trimmingBlanks().lowercased()
    }
}

extension String {
    /// The string without leading and trailing spaces, tabs and no-break spaces.
    func trimmingBlanks() -> String {
        let scalars = unicodeScalars
        func isBlank(_ s: Unicode.Scalar) -> Bool { s == " " || s == "\t" || s == "\u{A0}" || s == "\u{202F}" }
        guard let first = scalars.firstIndex(where: { !isBlank($0) }) else { return "" }
        let last = scalars.lastIndex(where: { !isBlank($0) })!
        return String(scalars[first...last])
    }
}
