// GFM extended autolinks: `www.example.com`, `https://example.com/path` and `name@example.com` in
// running text, with trailing punctuation, unbalanced `)` and entity-like `&x;` left out.

extension InlineParser {
    enum AutolinkKind { case www, url, email }

    /// Looks for an extended autolink around the trigger byte at `i` (`w`, `:` or `@`); the link may
    /// start before `i` but not before `runStart`.
    func extendedAutolink(at i: Int, runStart: Int) -> (Int, Int, AutolinkKind)? {
        let c = q[i]
        if c == 0x77 {
            guard i + 4 < len, matchesExactly(q, i, len, "www.") else { return nil }
            if i > subjectStart {
                let b = q[i - 1]
                guard isASCIIWhitespace(b) || b == 0x2A || b == 0x5F || b == 0x7E || b == 0x28 else { return nil }
            }
            let domain = domainLength(i, allowShort: false)
            guard domain > 0 else { return nil }
            var end = i + domain
            while end < len && !isASCIIWhitespace(q[end]) { end += 1 }
            end = trimAutolinkEnd(i, end)
            guard end > i + 4 else { return nil }
            return (i, end, .www)
        }
        if c == 0x3A {
            guard i + 3 < len, q[i + 1] == 0x2F, q[i + 2] == 0x2F else { return nil }
            var j = i
            while j > runStart && isLetter(q[j - 1]) { j -= 1 }
            let scheme = i - j
            guard (scheme == 4 && matchesLowercase(q, j, i, "http")) || (scheme == 5 && matchesLowercase(q, j, i, "https"))
                    || (scheme == 3 && matchesLowercase(q, j, i, "ftp")) else { return nil }
            let domain = domainLength(i + 3, allowShort: true)
            guard domain > 0 else { return nil }
            var end = i + 3 + domain
            while end < len && !isASCIIWhitespace(q[end]) { end += 1 }
            end = trimAutolinkEnd(j, end)
            guard end > i + 3 else { return nil }
            return (j, end, .url)
        }
        if c == 0x40 {
            // The local part may reach back into the previous text node (e.g. across an intraword `_`).
            var limit = runStart
            let last = store.nodes[Int(block)].last
            if last >= 0 {
                let r = store.nodes[Int(last)]
                if r.kind == .text && r.flags == 0 && r.end == base + Int32(runStart) && r.start >= base + Int32(subjectStart) {
                    limit = Int(r.start - base)
                }
            }
            var j = i
            while j > limit {
                let b = q[j - 1]
                if isAlphanumeric(b) || b == 0x2E || b == 0x2B || b == 0x2D || b == 0x5F {
                    j -= 1
                } else {
                    break
                }
            }
            guard j < i else { return nil }
            if j > subjectStart && q[j - 1] == 0x2F { return nil }
            var k = i
            var ats = 0
            var periods = 0
            while k < len {
                let b = q[k]
                if isAlphanumeric(b) {
                } else if b == 0x40 {
                    ats += 1
                } else if b == 0x2E && k + 1 < len && isAlphanumeric(q[k + 1]) {
                    periods += 1
                } else if b != 0x2D && b != 0x5F {
                    break
                }
                k += 1
            }
            guard k - i >= 2, ats == 1, periods > 0, isLetter(q[k - 1]) || q[k - 1] == 0x2E else { return nil }
            let end = trimAutolinkEnd(i, k)
            guard end > i + 1 else { return nil }
            return (j, end, .email)
        }
        return nil
    }

    /// Length of a valid domain at `s` (segments of letters, digits, `-`, `_` separated by `.`; no
    /// `_` in the last two segments; at least one `.` unless `allowShort`), or 0.
    func domainLength(_ s: Int, allowShort: Bool) -> Int {
        var i = s + 1
        var periods = 0
        var underscoresBefore = 0
        var underscores = 0
        while i < len - 1 {
            let b = q[i]
            if b == 0x5C && i < len - 2 { i += 1 }
            let c = q[i]
            if c == 0x5F {
                underscores += 1
            } else if c == 0x2E {
                underscoresBefore = underscores
                underscores = 0
                periods += 1
            } else if c < 0x80 {
                if c != 0x2D && (isASCIIWhitespace(c) || isASCIIPunctuation(c)) { break }
            } else {
                let (scalar, length) = decodeScalar(q, i, len)
                if isUnicodeWhitespace(scalar) || isUnicodePunctuation(scalar) { break }
                i += length
                continue
            }
            i += 1
        }
        if underscoresBefore > 0 || underscores > 0 { return 0 }
        if allowShort { return i - s }
        return periods > 0 ? i - s : 0
    }

    /// Drops trailing punctuation, unbalanced `)` and an entity-like `&name;` from a candidate link.
    func trimAutolinkEnd(_ s: Int, _ e: Int) -> Int {
        var end = e
        var k = s
        while k < end {
            if q[k] == 0x3C {
                end = k
                break
            }
            k += 1
        }
        while end > s {
            let last = q[end - 1]
            switch last {
            case 0x3F, 0x21, 0x2E, 0x2C, 0x3A, 0x2A, 0x5F, 0x7E, 0x27, 0x22:
                end -= 1
            case 0x3B:
                var n = end - 2
                while n > s && isAlphanumeric(q[n]) { n -= 1 }
                if n < end - 2 && n >= s && q[n] == 0x26 { end = n } else { end -= 1 }
            case 0x29:
                var opening = 0
                var closing = 0
                for m in s..<end {
                    if q[m] == 0x28 { opening += 1 } else if q[m] == 0x29 { closing += 1 }
                }
                if closing <= opening { return end }
                end -= 1
            default:
                return end
            }
        }
        return end
    }

    mutating func addExtendedAutolink(_ s: Int, _ e: Int, _ kind: AutolinkKind) {
        var destination: [UInt8]
        switch kind {
        case .www: destination = Array("http://".utf8)
        case .url: destination = []
        case .email: destination = Array("mailto:".utf8)
        }
        destination.append(contentsOf: UnsafeBufferPointer(rebasing: q[s..<e]))
        let link = appendLink(destination: destination, s, e)
        if !brackets.isEmpty {
            store.nodes[Int(link)].flags = NodeFlags.extendedAutolink
            autolinksInBrackets = true
        }
    }

    /// Links cannot contain links: turns extended autolinks among a new link's descendants back into
    /// text. Iterative, since emphasis inside the link may nest deeply.
    mutating func unwrapAutolinks(in link: Int32) {
        var pending: [Int32] = [link]
        while let parent = pending.popLast() {
            var child = store.nodes[Int(parent)].first
            while child >= 0 {
                let next = store.nodes[Int(child)].next
                let r = store.nodes[Int(child)]
                if r.kind == .link && r.flags == NodeFlags.extendedAutolink {
                    let text = r.first
                    store.unlink(text)
                    store.nodes[Int(text)].flags = 1  // keep it apart from neighbouring text
                    store.insertAfter(child, text)
                    store.unlink(child)
                } else if r.first >= 0 && (r.kind == .emphasis || r.kind == .strong || r.kind == .strikethrough) {
                    pending.append(child)
                }
                child = next
            }
        }
    }
}
