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

    /// Splits a row into trimmed cells (addresses); `\|` becomes `|` (such cells are copied).
    mutating func rowCells(_ q: Bytes, _ s: Int, _ e0: Int, base: Int32) -> [(Int32, Int32)] {
        var e = e0
        while e > s && isASCIIWhitespace(q[e - 1]) { e -= 1 }
        var i = s
        while i < e && isSpaceOrTab(q[i]) { i += 1 }
        if i < e && q[i] == 0x7C { i += 1 }
        var cells: [(Int32, Int32)] = []
        var cellStart = i
        var escapedPipe = false
        while true {
            if i >= e || q[i] == 0x7C {
                var a = cellStart
                var b = i
                while a < b && isSpaceOrTab(q[a]) { a += 1 }
                while b > a && isSpaceOrTab(q[b - 1]) { b -= 1 }
                if i < e || a < b {
                    if escapedPipe {
                        let start = store.textTail
                        var k = a
                        while k < b {
                            if q[k] == 0x5C && k + 1 < b && q[k + 1] == 0x7C {
                                store.text.append(0x7C)
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
                cellStart = i
                escapedPipe = false
                continue
            }
            if q[i] == 0x5C && i + 1 < e {
                if q[i + 1] == 0x7C { escapedPipe = true }
                i += 2
                continue
            }
            i += 1
        }
        return cells
    }

    /// Parses a delimiter row (`|:--|--:|`); nil if the line is not one.
    mutating func delimiterRow(_ s: Int, _ e0: Int) -> [TableAlignment]? {
        var e = e0
        while e > s && isSpaceOrTab(p[e - 1]) { e -= 1 }
        var i = s
        var sawPipe = false
        if i < e && p[i] == 0x7C {
            i += 1
            sawPipe = true
        }
        var result: [TableAlignment] = []
        while i < e {
            while i < e && isSpaceOrTab(p[i]) { i += 1 }
            if i >= e { break }
            var left = false
            var right = false
            if p[i] == 0x3A {
                left = true
                i += 1
            }
            let dashes = i
            while i < e && p[i] == 0x2D { i += 1 }
            guard i > dashes else { return nil }
            if i < e && p[i] == 0x3A {
                right = true
                i += 1
            }
            while i < e && isSpaceOrTab(p[i]) { i += 1 }
            result.append(left && right ? .center : left ? .left : right ? .right : .none)
            if i < e {
                guard p[i] == 0x7C else { return nil }
                sawPipe = true
                i += 1
            }
        }
        guard !result.isEmpty, sawPipe || result.count >= 1 else { return nil }
        return result
    }
}
