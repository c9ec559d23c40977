// GFM extended autolinks: `www.example.com`, `https://example.com/path` and `name@example.com` in
// running text, with trailing punctuation, unbalanced `)` and entity-like `&x;` left out.

extension InlineParser {
    enum AutolinkKind { case www, url, email }

    /// Looks for an extended autolink around the trigger byte at `i` (`w`, `:` or `@`); the link may
    /// start before `i` but not before `runStart`.
    func extendedAutolink(at i: Int, runStart: Int) -> (Int, Int, AutolinkKind)? {
        let c = q[i]
        if c == UInt8(ascii: "w") {
            guard i + 4 < len, matchesExactly(q, i, len, "www.") else { return nil }
            if i > subjectStart {
                let b = q[i - 1]
                guard isASCIIWhitespace(b) || b == .asterisk || b == .underscore || b == .tilde || b == .leftParenthesis
                else {
                    return nil
                }
            }
            let domain = domainLength(i, allowShort: false)
            guard domain > 0 else { return nil }
            var end = i + domain
            while end < len && !isASCIIWhitespace(q[end]) { end += 1 }
            end = trimAutolinkEnd(i, end)
            guard end > i + 4 else { return nil }
            return (i, end, .www)
        }
        if c == .colon {
            guard i + 3 < len, q[i + 1] == .slash, q[i + 2] == .slash else { return nil }
            var j = i
            while j > runStart && isLetter(q[j - 1]) { j -= 1 }
            let scheme = i - j
            guard
                (scheme == 4 && matchesLowercase(q, j, i, "http"))
                    || (scheme == 5 && matchesLowercase(q, j, i, "https"))
                    || (scheme == 3 && matchesLowercase(q, j, i, "ftp"))
            else { return nil }
            let domain = domainLength(i + 3, allowShort: true)
            guard domain > 0 else { return nil }
            var end = i + 3 + domain
            while end < len && !isASCIIWhitespace(q[end]) { end += 1 }
            end = trimAutolinkEnd(j, end)
            guard end > i + 3 else { return nil }
            return (j, end, .url)
        }
        if c == .atSign {
            // The local part may reach back into the previous text node (e.g. across an intraword `_`).
            var limit = runStart
            if let last = store[block].last {
                let r = store[last]
                if r.kind == .text && !r.flags.contains(.standalone) && r.end == address(runStart)
                    && r.start >= address(subjectStart)
                {
                    limit = Int(r.start - base)
                }
            }
            var j = i
            while j > limit {
                let b = q[j - 1]
                if isAlphanumeric(b) || b == .period || b == .plusSign || b == .hyphen || b == .underscore {
                    j -= 1
                } else {
                    break
                }
            }
            guard j < i else { return nil }
            if j > subjectStart && q[j - 1] == .slash { return nil }
            var k = i
            var ats = 0
            var periods = 0
            while k < len {
                let b = q[k]
                if isAlphanumeric(b) {
                } else if b == .atSign {
                    ats += 1
                } else if b == .period && k + 1 < len && isAlphanumeric(q[k + 1]) {
                    periods += 1
                } else if b != .hyphen && b != .underscore {
                    break
                }
                k += 1
            }
            guard k - i >= 2, ats == 1, periods > 0, isLetter(q[k - 1]) || q[k - 1] == .period else { return nil }
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
            if isAlphanumeric(b) {  // most of a domain
                i += 1
                continue
            }
            if b == .backslash && i < len - 2 { i += 1 }
            let c = q[i]
            if c == .underscore {
                underscores += 1
            } else if c == .period {
                underscoresBefore = underscores
                underscores = 0
                periods += 1
            } else if isASCII(c) {
                if c != .hyphen && (isASCIIWhitespace(c) || isASCIIPunctuation(c)) { break }
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
            if q[k] == .lessThan {
                end = k
                break
            }
            k += 1
        }
        while end > s {
            let last = q[end - 1]
            switch last {
            case .questionMark, .exclamationMark, .period, .comma, .colon, .asterisk, .underscore, .tilde,
                .apostrophe, .quotationMark:
                end -= 1
            case .semicolon:
                // An entity-like `&name;` goes as a whole.
                var n = end - 2
                while n > s && isAlphanumeric(q[n]) { n -= 1 }
                if n < end - 2 && n >= s && q[n] == .ampersand { end = n } else { end -= 1 }
            case .rightParenthesis:
                var opening = 0
                var closing = 0
                for m in s..<end {
                    if q[m] == .leftParenthesis { opening += 1 } else if q[m] == .rightParenthesis { closing += 1 }
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
        let destination: Range<Int32>
        switch kind {
        case .url:
            destination = address(s)..<address(e)
        case .www, .email:
            let start = store.textTail
            store.text.append(kind == .www ? "http://" : "mailto:")
            store.text.append(contentsOf: Bytes(rebasing: q[s..<e]))
            destination = start..<store.textTail
        }
        let link = appendLink(destination: destination, s, e)
        if !brackets.isEmpty {
            store[link].flags = .extendedAutolink
            autolinksInBrackets = true
        }
    }

    /// Links cannot contain links: turns extended autolinks among a new link's descendants back into
    /// text. Iterative, since emphasis inside the link may nest deeply.
    mutating func unwrapAutolinks(in link: NodeIndex) {
        var pending: [NodeIndex] = [link]
        while let parent = pending.popLast() {
            var child = store[parent].first
            while let current = child {
                let next = store[current].next
                let r = store[current]
                if r.kind == .link && r.flags.contains(.extendedAutolink), let text = r.first {
                    store.unlink(text)
                    store[text].flags = .standalone  // keep it apart from neighbouring text
                    store.insertAfter(current, text)
                    store.unlink(current)
                } else if r.hasChildren && (r.kind == .emphasis || r.kind == .strong || r.kind == .strikethrough) {
                    pending.append(current)
                }
                child = next
            }
        }
    }
}
