// GFM tables: a paragraph's last line followed by a delimiter row (`| --- | :-: |`) with as many cells
// becomes a table header; following lines are rows until a blank line or another block starts.

/// A table cell's text as an address range, and the address where it was written.
struct TableCellText {
    var start: Int32
    var end: Int32
    var position: Int32
}

extension BlockParser {
    /// Turns the tip paragraph's last line into a table header if this line is a matching delimiter
    /// row; returns the table node.
    mutating func openTable(_ paragraph: NodeIndex) -> NodeIndex? {
        guard let alignments = delimiterRow(firstNonspace, lineEnd) else { return nil }
        let headerStart = lastLineAddress
        let headerEnd = store[paragraph].end
        guard headerStart >= store[paragraph].start, headerEnd > headerStart else { return nil }
        let header = rowCellsAt(headerStart, headerEnd)
        guard header.count == alignments.count else { return nil }
        structureVersion += 1
        let table: NodeIndex
        if headerStart > store[paragraph].start {
            table = store.makeNode(.table, position: lastLineSourceOffset)
            store[paragraph].end = headerStart
            store.insertAfter(paragraph, table)
            finalize(paragraph)
        } else {
            table = paragraph
            store[paragraph].kind = .table
        }
        store[table].flags = .open
        store.tableAlignments.append(alignments)
        store[table].data = Int32(store.tableAlignments.count - 1)
        appendRow(table, cells: header, header: true, position: lastLineSourceOffset)
        return table
    }

    /// Adds a body row from the rest of the current line.
    mutating func addTableRow(_ table: NodeIndex, from: Int) {
        let cells = rowCells(p, from, lineEnd, base: 0)
        appendRow(table, cells: cells, header: false, position: Int32(from))
        cellBuffer = cells  // its storage serves the next row
    }

    mutating func appendRow(_ table: NodeIndex, cells: [TableCellText], header: Bool, position: Int32) {
        let alignments = store.tableAlignments[Int(store[table].data)]
        let row = store.makeNode(.tableRow, position: position)
        if header { store[row].flags.insert(.headerRow) }
        store.appendChild(table, row)
        for k in 0..<alignments.count {
            // A row with fewer cells gets empty ones, at the end of the row.
            let cell = store.makeNode(.tableCell, position: k < cells.count ? cells[k].position : Int32(lineEnd))
            store[cell].level = alignments[k].rawValue
            if k < cells.count {
                store[cell].start = cells[k].start
                store[cell].end = cells[k].end
            }
            store.appendChild(row, cell)
        }
    }

    mutating func rowCellsAt(_ s: Int32, _ e: Int32) -> [TableCellText] {
        if s < Int32(store.sourceCount) { return rowCells(p, Int(s), Int(e), base: 0) }
        let copy = contentBytes(s, e)
        return copy.withUnsafeBufferPointer { rowCells($0, 0, $0.count, base: s) }
    }

    /// Splits a row into trimmed cells (addresses); `\|` becomes `|` (such cells are copied). As in
    /// cmark-gfm, spaces, tabs, vertical tabs and form feeds after a `|` are skipped, and a cell is then
    /// trimmed of spaces and tabs only (a vertical tab at its end stays).
    mutating func rowCells(_ q: Bytes, _ s: Int, _ e0: Int, base: Int32) -> [TableCellText] {
        var e = e0
        while e > s && (isSpaceOrTab(q[e - 1]) || isLineEnding(q[e - 1])) { e -= 1 }
        var i = s
        while i < e && isSpaceOrTab(q[i]) { i += 1 }
        if i < e && q[i] == .pipe {
            i += 1
            while i < e && isTableSpace(q[i]) { i += 1 }
        }
        var cells: [TableCellText] = []
        swap(&cells, &cellBuffer)
        cells.removeAll(keepingCapacity: true)
        var cellStart = i
        var escapedPipe = false
        while true {
            if i >= e || q[i] == .pipe {
                var a = cellStart
                var b = i
                while a < b && isSpaceOrTab(q[a]) { a += 1 }
                while b > a && isSpaceOrTab(q[b - 1]) { b -= 1 }
                if i < e || a < b {
                    if escapedPipe {
                        let start = store.textTail
                        var k = a
                        while k < b {
                            if q[k] == .backslash && k + 1 < b && q[k + 1] == .pipe {
                                store.text.append(.pipe)
                                k += 2
                            } else {
                                store.text.append(q[k])
                                k += 1
                            }
                        }
                        cells.append(TableCellText(start: start, end: store.textTail, position: base + Int32(a)))
                    } else {
                        cells.append(
                            TableCellText(start: base + Int32(a), end: base + Int32(b), position: base + Int32(a)))
                    }
                }
                if i >= e { break }
                i += 1
                while i < e && isTableSpace(q[i]) { i += 1 }
                cellStart = i
                escapedPipe = false
                continue
            }
            if q[i] == .backslash && i + 1 < e {
                if q[i + 1] == .pipe { escapedPipe = true }
                i += 2
                continue
            }
            i += 1
        }
        return cells
    }

    /// Parses a delimiter row (`|:--|--:|`); nil if the line is not one. Its cells are dashes with an
    /// optional colon at either end, with spaces, tabs, vertical tabs and form feeds around them (what
    /// cmark-gfm accepts); a colon counts for the alignment only where trimming spaces and tabs leaves
    /// it at the edge of the cell.
    mutating func delimiterRow(_ s: Int, _ e: Int) -> [TableAlignment]? {
        var i = s
        var afterPipe = false
        if i < e && p[i] == .pipe {
            i += 1
            afterPipe = true
        }
        var result: [TableAlignment] = []
        while true {
            var cellStart = i
            while i < e && isTableSpace(p[i]) { i += 1 }
            if afterPipe { cellStart = i }
            if i >= e { break }  // only spacing after the last pipe
            if p[i] == .colon { i += 1 }
            let dashes = i
            while i < e && p[i] == .hyphen { i += 1 }
            guard i > dashes else { return nil }
            if i < e && p[i] == .colon { i += 1 }
            while i < e && isTableSpace(p[i]) { i += 1 }
            var a = cellStart
            var b = i
            while a < b && isSpaceOrTab(p[a]) { a += 1 }
            while b > a && isSpaceOrTab(p[b - 1]) { b -= 1 }
            let left = p[a] == .colon
            let right = p[b - 1] == .colon
            result.append(left && right ? .center : left ? .left : right ? .right : .none)
            if i >= e { break }
            guard p[i] == .pipe else { return nil }
            i += 1
            afterPipe = true
        }
        return result.isEmpty ? nil : result
    }

    /// The spacing cmark-gfm allows around table cells: space, tab, vertical tab, form feed.
    @inline(__always) func isTableSpace(_ c: UInt8) -> Bool { isSpaceOrTab(c) || c == .verticalTab || c == .formFeed }
}
