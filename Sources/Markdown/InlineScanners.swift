// Byte-level recognisers for inline constructs: raw HTML, autolinks, link labels, destinations and
// titles. Each returns the matched length (0 or -1 for no match) so the caller just advances.

enum InlineScan {
    @inline(__always) static func isTagNameChar(_ c: UInt8) -> Bool { isAlphanumeric(c) || c == 0x2D }
    @inline(__always) static func isAttributeNameStart(_ c: UInt8) -> Bool { isLetter(c) || c == 0x5F || c == 0x3A }
    @inline(__always) static func isAttributeNameChar(_ c: UInt8) -> Bool {
        isAlphanumeric(c) || c == 0x5F || c == 0x3A || c == 0x2E || c == 0x2D
    }

    /// `<name attr="v" ...>` or `.../>`; length or 0.
    static func openTag(_ p: Bytes, _ i: Int, _ end: Int) -> Int {
        var j = i + 1
        guard j < end, isLetter(p[j]) else { return 0 }
        while j < end && isTagNameChar(p[j]) { j += 1 }
        while true {
            let wsStart = j
            while j < end && isASCIIWhitespace(p[j]) { j += 1 }
            guard j < end else { return 0 }
            if p[j] == 0x3E { return j + 1 - i }
            if p[j] == 0x2F { return j + 1 < end && p[j + 1] == 0x3E ? j + 2 - i : 0 }
            // An attribute must be preceded by whitespace.
            guard j > wsStart, isAttributeNameStart(p[j]) else { return 0 }
            while j < end && isAttributeNameChar(p[j]) { j += 1 }
            var k = j
            while k < end && isASCIIWhitespace(p[k]) { k += 1 }
            if k < end && p[k] == 0x3D {
                k += 1
                while k < end && isASCIIWhitespace(p[k]) { k += 1 }
                guard k < end else { return 0 }
                let q = p[k]
                if q == 0x22 || q == 0x27 {
                    k += 1
                    while k < end && p[k] != q { k += 1 }
                    guard k < end else { return 0 }
                    k += 1
                } else {
                    let valueStart = k
                    while k < end {
                        let c = p[k]
                        if isASCIIWhitespace(c) || c == 0x22 || c == 0x27 || c == 0x3D || c == 0x3C || c == 0x3E || c == 0x60 {
                            break
                        }
                        k += 1
                    }
                    guard k > valueStart else { return 0 }
                }
                j = k
            }
        }
    }

    /// `</name  >`; length or 0.
    static func closingTag(_ p: Bytes, _ i: Int, _ end: Int) -> Int {
        var j = i + 2
        guard j < end, isLetter(p[j]) else { return 0 }
        while j < end && isTagNameChar(p[j]) { j += 1 }
        while j < end && isASCIIWhitespace(p[j]) { j += 1 }
        guard j < end, p[j] == 0x3E else { return 0 }
        return j + 1 - i
    }

    /// Searches `word` from `j`; returns the index after it, or -1 when it does not occur before `end`.
    static func find(_ p: Bytes, _ j: Int, _ end: Int, _ word: StaticString) -> Int {
        let first = word.utf8Start[0]
        let n = word.utf8CodeUnitCount
        var k = j
        while k + n <= end {
            if p[k] == first && matchesExactly(p, k, end, word) { return k + n }
            k += 1
        }
        return -1
    }

    /// URI autolink `<scheme:...>`; length or 0.
    static func uriAutolink(_ p: Bytes, _ i: Int, _ end: Int) -> Int {
        var j = i + 1
        guard j < end, isLetter(p[j]) else { return 0 }
        j += 1
        while j < end && (isAlphanumeric(p[j]) || p[j] == 0x2B || p[j] == 0x2E || p[j] == 0x2D) { j += 1 }
        let schemeLength = j - i - 1
        guard schemeLength >= 2 && schemeLength <= 32, j < end, p[j] == 0x3A else { return 0 }
        j += 1
        while j < end {
            let c = p[j]
            if c == 0x3E { return j + 1 - i }
            if c <= 0x20 || c == 0x3C { return 0 }
            j += 1
        }
        return 0
    }

    /// Email autolink `<local@domain>`; length or 0.
    static func emailAutolink(_ p: Bytes, _ i: Int, _ end: Int) -> Int {
        var j = i + 1
        let localStart = j
        while j < end && isEmailLocalChar(p[j]) { j += 1 }
        guard j > localStart, j < end, p[j] == 0x40 else { return 0 }
        j += 1
        while true {
            // One label: alphanumeric at both ends, hyphens inside, at most 63 characters.
            let labelStart = j
            guard j < end, isAlphanumeric(p[j]) else { return 0 }
            while j < end && (isAlphanumeric(p[j]) || p[j] == 0x2D) { j += 1 }
            guard p[j - 1] != 0x2D, j - labelStart <= 63 else { return 0 }
            guard j < end else { return 0 }
            if p[j] == 0x3E { return j + 1 - i }
            guard p[j] == 0x2E else { return 0 }
            j += 1
        }
    }

    @inline(__always) static func isEmailLocalChar(_ c: UInt8) -> Bool {
        if isAlphanumeric(c) { return true }
        switch c {
        case 0x2E, 0x21, 0x23, 0x24, 0x25, 0x26, 0x27, 0x2A, 0x2B, 0x2F, 0x3D, 0x3F, 0x5E, 0x5F, 0x60, 0x7B, 0x7C,
             0x7D, 0x7E, 0x2D:
            return true
        default:
            return false
        }
    }

    /// A link label `[...]` starting at `i`: length including the brackets, or 0. At most 999
    /// characters inside, no unescaped brackets, not only whitespace.
    static func linkLabel(_ p: Bytes, _ i: Int, _ end: Int) -> Int {
        guard i < end, p[i] == 0x5B else { return 0 }
        var j = i + 1
        var nonBlank = false
        while j < end {
            let c = p[j]
            if c == 0x5D {
                guard nonBlank, j - i - 1 <= 999 else { return 0 }
                return j + 1 - i
            }
            if c == 0x5B { return 0 }
            if c == 0x5C && j + 1 < end && isASCIIPunctuation(p[j + 1]) {
                j += 2
                nonBlank = true
                continue
            }
            if !isASCIIWhitespace(c) { nonBlank = true }
            j += 1
            if j - i > 1001 { return 0 }
        }
        return 0
    }

    /// A link destination at `i`: `<...>` or a raw destination with balanced parentheses (nested at most
    /// 32 deep, which keeps hostile input linear). Returns (length, pointy) or nil. A raw destination
    /// may be empty (the caller decides whether that is allowed).
    static func linkDestination(_ p: Bytes, _ i: Int, _ end: Int) -> (length: Int, pointy: Bool)? {
        var j = i
        if j < end && p[j] == 0x3C {
            j += 1
            while j < end {
                let c = p[j]
                if c == 0x3E { return (j + 1 - i, true) }
                if c == 0x3C || isLineEnding(c) { return nil }
                if c == 0x5C && j + 1 < end && isASCIIPunctuation(p[j + 1]) { j += 2 } else { j += 1 }
            }
            return nil
        }
        var depth = 0
        while j < end {
            let c = p[j]
            if c == 0x5C && j + 1 < end && isASCIIPunctuation(p[j + 1]) {
                j += 2
                continue
            }
            if c == 0x28 {
                depth += 1
                if depth > 32 { return nil }
            } else if c == 0x29 {
                if depth == 0 { break }
                depth -= 1
            } else if c <= 0x20 || c == 0x7F {
                break
            }
            j += 1
        }
        guard depth == 0 else { return nil }
        return (j - i, false)
    }

    /// A link title `"..."`, `'...'` or `(...)` at `i`; length or 0.
    static func linkTitle(_ p: Bytes, _ i: Int, _ end: Int) -> Int {
        guard i < end else { return 0 }
        let open = p[i]
        let close: UInt8
        switch open {
        case 0x22: close = 0x22
        case 0x27: close = 0x27
        case 0x28: close = 0x29
        default: return 0
        }
        var j = i + 1
        while j < end {
            let c = p[j]
            if c == close { return j + 1 - i }
            if open == 0x28 && c == 0x28 { return 0 }
            if c == 0x5C && j + 1 < end && isASCIIPunctuation(p[j + 1]) { j += 2 } else { j += 1 }
        }
        return 0
    }

    /// The destination and title as they mean: without `<>` or quotes, escapes and entities resolved.
    static func decodeTarget(_ p: Bytes, destination: Range<Int>, pointy: Bool, title: Range<Int>?)
        -> (destination: [UInt8], title: [UInt8]) {
        var decodedDestination: [UInt8] = []
        let inner = pointy ? (destination.lowerBound + 1)..<(destination.upperBound - 1) : destination
        Entities.unescape(p, inner.lowerBound, inner.upperBound, into: &decodedDestination)
        var decodedTitle: [UInt8] = []
        if let title, title.count >= 2 {
            Entities.unescape(p, title.lowerBound + 1, title.upperBound - 1, into: &decodedTitle)
        }
        return (decodedDestination, decodedTitle)
    }

    /// Skips spaces and tabs, at most one line ending, then spaces and tabs again.
    static func skipSpacesAndOneNewline(_ p: Bytes, _ i: Int, _ end: Int) -> Int {
        var j = i
        while j < end && isSpaceOrTab(p[j]) { j += 1 }
        if j < end && p[j] == 0x0D {
            j += 1
            if j < end && p[j] == 0x0A { j += 1 }
        } else if j < end && p[j] == 0x0A {
            j += 1
        }
        while j < end && isSpaceOrTab(p[j]) { j += 1 }
        return j
    }
}
