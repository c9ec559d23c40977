/// Inline Markdown of editor text (emphasis, strong, links, code, escapes) as report inlines.
///
/// A bridge until the Markdown module exposes its AST: it covers what editors write in report texts and
/// theme bodies. Links to other content files (`../themes/x.md`) keep their text and lose the link, since
/// the report stands on its own; web addresses stay clickable.
enum EditorInlines {
    static func parse(_ text: String) -> [ReportInline] {
        let bytes = Array(text.utf8)
        var out: [ReportInline] = []
        var buffer: [UInt8] = []
        var bold = false
        var italic = false

        func flush(link: String? = nil) {
            guard !buffer.isEmpty else { return }
            let piece = String(decoding: buffer, as: UTF8.self)
            buffer.removeAll(keepingCapacity: true)
            if link == nil, let last = out.last, last.bold == bold, last.italic == italic, last.link == nil {
                out[out.count - 1].text += piece
            } else {
                out.append(ReportInline(piece, bold: bold, italic: italic, link: link))
            }
        }
        func find(_ needle: [UInt8], from start: Int) -> Int? {
            guard needle.count <= bytes.count else { return nil }
            var i = start
            while i + needle.count <= bytes.count {
                if bytes[i] == UInt8(ascii: "\\") { i += 2; continue }
                if bytes[i..<(i + needle.count)].elementsEqual(needle) { return i }
                i += 1
            }
            return nil
        }

        var i = 0
        while i < bytes.count {
            let c = bytes[i]
            switch c {
            case UInt8(ascii: "\\") where i + 1 < bytes.count && isPunctuation(bytes[i + 1]):
                buffer.append(bytes[i + 1])
                i += 2
            case UInt8(ascii: "\n"):
                // A soft line break is a space; two trailing spaces would be a hard break, which a report
                // paragraph does not need.
                while buffer.last == UInt8(ascii: " ") { buffer.removeLast() }
                buffer.append(UInt8(ascii: " "))
                i += 1
            case UInt8(ascii: "`"):
                if let close = find([UInt8(ascii: "`")], from: i + 1) {
                    buffer.append(contentsOf: bytes[(i + 1)..<close])
                    i = close + 1
                } else {
                    buffer.append(c)
                    i += 1
                }
            case UInt8(ascii: "*"), UInt8(ascii: "_"):
                let double = i + 1 < bytes.count && bytes[i + 1] == c
                // Underscores inside a word (snake_case) are literal.
                if c == UInt8(ascii: "_") && i > 0 && isWordByte(bytes[i - 1]) && !(bold || italic) {
                    buffer.append(c)
                    i += 1
                    continue
                }
                let marker = double ? [c, c] : [c]
                let closing = double ? bold : italic
                if closing || find(marker, from: i + marker.count) != nil {
                    flush()
                    if double { bold.toggle() } else { italic.toggle() }
                    i += marker.count
                } else {
                    buffer.append(c)
                    i += 1
                }
            case UInt8(ascii: "["):
                if let (label, destination, end) = link(at: i, in: bytes) {
                    flush()
                    let target = isExternal(destination) ? destination : nil
                    for inline in parse(label) {
                        var piece = inline
                        piece.bold = piece.bold || bold
                        piece.italic = piece.italic || italic
                        piece.link = target
                        out.append(piece)
                    }
                    i = end
                } else {
                    buffer.append(c)
                    i += 1
                }
            case UInt8(ascii: "<"):
                if let close = find([UInt8(ascii: ">")], from: i + 1) {
                    let inner = String(decoding: bytes[(i + 1)..<close], as: UTF8.self)
                    if isExternal(inner) && !inner.contains(" ") {
                        flush()
                        buffer.append(contentsOf: Array(inner.utf8))
                        flush(link: inner)
                        i = close + 1
                        continue
                    }
                }
                buffer.append(c)
                i += 1
            default:
                buffer.append(c)
                i += 1
            }
        }
        flush()
        if var last = out.last {
            while last.text.hasSuffix(" ") { last.text.removeLast() }
            out[out.count - 1] = last
            if last.text.isEmpty { out.removeLast() }
        }
        return out
    }

    /// `[label](destination)` starting at `start`: the label, the destination and the offset after `)`.
    private static func link(at start: Int, in bytes: [UInt8]) -> (String, String, Int)? {
        var depth = 0
        var i = start
        var labelEnd: Int?
        while i < bytes.count {
            let c = bytes[i]
            if c == UInt8(ascii: "\\") { i += 2; continue }
            if c == UInt8(ascii: "[") { depth += 1 }
            if c == UInt8(ascii: "]") {
                depth -= 1
                if depth == 0 { labelEnd = i; break }
            }
            i += 1
        }
        guard let labelEnd, labelEnd + 1 < bytes.count, bytes[labelEnd + 1] == UInt8(ascii: "(") else { return nil }
        var j = labelEnd + 2
        while j < bytes.count && bytes[j] != UInt8(ascii: ")") && bytes[j] != UInt8(ascii: "\n") { j += 1 }
        guard j < bytes.count, bytes[j] == UInt8(ascii: ")") else { return nil }
        var destination = String(decoding: bytes[(labelEnd + 2)..<j], as: UTF8.self)
        // A title after the destination ("url" "title") is dropped.
        if let space = destination.firstIndex(of: " ") { destination = String(destination[..<space]) }
        if destination.hasPrefix("<") && destination.hasSuffix(">") { destination = String(destination.dropFirst().dropLast()) }
        return (String(decoding: bytes[(start + 1)..<labelEnd], as: UTF8.self), destination, j + 1)
    }

    static func isExternal(_ destination: String) -> Bool {
        destination.hasPrefix("http://") || destination.hasPrefix("https://") || destination.hasPrefix("mailto:")
    }

    private static func isPunctuation(_ c: UInt8) -> Bool {
        (c >= 0x21 && c <= 0x2F) || (c >= 0x3A && c <= 0x40) || (c >= 0x5B && c <= 0x60) || (c >= 0x7B && c <= 0x7E)
    }

    private static func isWordByte(_ c: UInt8) -> Bool {
        (c >= UInt8(ascii: "a") && c <= UInt8(ascii: "z")) || (c >= UInt8(ascii: "A") && c <= UInt8(ascii: "Z"))
            || (c >= UInt8(ascii: "0") && c <= UInt8(ascii: "9")) || c >= 0x80
    }
}
