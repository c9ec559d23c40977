// GFM tables: a paragraph's last line followed by a delimiter row (`| --- | :-: |`) with as many cells
// becomes a table header; following lines are rows until a blank line or another block starts.

extension BlockParser {
    /// Turns the tip paragraph's last line into a table header if this line is a matching delimiter
    /// row; returns the table node.
    mutating func openTable(_ paragraph: Int32) -> Int32? {
        guard let alignments = delimiterRow(firstNonspace, lineEnd) else { return nil }
        let n = Int(paragraph)
        let headerStart = lastLineAddress
        let headerEnd = store.nodes[n].end
        guard headerStart >= store.nodes[n].start, headerEnd > headerStart else { return nil }
        let header = rowCellsAt(headerStart, headerEnd)
        guard header.count == alignments.count else { return nil }
        structureVersion += 1
        let table: Int32
        if headerStart > store.nodes[n].start {
            table = store.makeNode(.table)
            let t = Int(table)
            store.nodes[t].line = Int32(lineNumber - 1 + lineOffset)
            store.nodes[t].column = store.nodes[n].column
            store.nodes[n].end = headerStart
            store.insertAfter(paragraph, table)
            _ = finalize(paragraph)
        } else {
            table = paragraph
            store.nodes[n].kind = .table
        }
        let t = Int(table)
        store.nodes[t].flags = NodeFlags.open
        store.tableAlignments.append(alignments)
        store.nodes[t].aux = Int32(store.tableAlignments.count - 1)
        appendRow(table, cells: header, header: true)
        return table
    }

    /// Adds a body row from the rest of the current line.
    mutating func addTableRow(_ table: Int32, from: Int) {
        let cells = rowCells(p, from, lineEnd, base: 0)
        appendRow(table, cells: cells, header: false)
    }

    mutating func appendRow(_ table: Int32, cells: [(Int32, Int32)], header: Bool) {
        let alignments = store.tableAlignments[Int(store.nodes[Int(table)].aux)]
        let row = store.makeNode(.tableRow)
        store.nodes[Int(row)].line = Int32(lineNumber + lineOffset - (header ? 1 : 0))
        store.nodes[Int(row)].column = 1
        if header { store.nodes[Int(row)].flags |= NodeFlags.headerRow }
        store.appendChild(table, row)
        for k in 0..<alignments.count {
            let cell = store.makeNode(.tableCell)
            let c = Int(cell)
            store.nodes[c].level = alignments[k].rawValue
            store.nodes[c].line = store.nodes[Int(row)].line
            store.nodes[c].column = 1
            if k < cells.count {
                store.nodes[c].start = cells[k].0
                store.nodes[c].end = cells[k].1
            }
            store.appendChild(row, cell)
        }
    }

    mutating func rowCellsAt(_ s: Int32, _ e: Int32) -> [(Int32, Int32)] {
        if s < Int32(store.sourceCount) { return rowCells(p, Int(s), Int(e), base: 0) }
        let copy = contentBytes(s, e)
        return copy.withUnsafeBufferPointer { rowCells($0, 0, $0.count, base: s) }
    }

    /// Splits a row into trimmed cells (addresses); `\|` becomes `|` (such cells are copied). As in
    /// cmark-gfm, spaces, tabs, vertical tabs and form feeds after a `|` are skipped, and a cell is then
    /// trimmed of spaces and tabs only (a vertical tab at its end stays).
    mutating func rowCells(_ q: Bytes, _ s: Int, _ e0: Int, base: Int32) -> [(Int32, Int32)] {
        var e = e0
        while e > s && (isSpaceOrTab(q[e - 1]) || isLineEnding(q[e - 1])) { e -= 1 }
        var i = s
        while i < e && isSpaceOrTab(q[i]) { i += 1 }
        if i < e && q[i] == .pipe {
            i += 1
            while i < e && isTableSpace(q[i]) { i += 1 }
        }
        var cells: [(Int32, Int32)] = []
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
                        cells.append((start, store.textTail))
                    } else {
                        cells.append((base + Int32(a), base + Int32(b)))
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
