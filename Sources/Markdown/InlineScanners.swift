// Byte-level recognisers for inline constructs: raw HTML, autolinks, link labels, destinations and
// titles. Each returns the matched length (0 or -1 for no match) so the caller just advances.

enum InlineScan {
    @inline(__always) static func isTagNameChar(_ c: UInt8) -> Bool { isAlphanumeric(c) || c == .hyphen }
    @inline(__always) static func isAttributeNameStart(_ c: UInt8) -> Bool {
        isLetter(c) || c == .underscore || c == .colon
    }
    @inline(__always) static func isAttributeNameChar(_ c: UInt8) -> Bool {
        isAlphanumeric(c) || c == .underscore || c == .colon || c == .period || c == .hyphen
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
            if p[j] == .greaterThan { return j + 1 - i }
            if p[j] == .slash { return j + 1 < end && p[j + 1] == .greaterThan ? j + 2 - i : 0 }
            // An attribute must be preceded by whitespace.
            guard j > wsStart, isAttributeNameStart(p[j]) else { return 0 }
            while j < end && isAttributeNameChar(p[j]) { j += 1 }
            var k = j
            while k < end && isASCIIWhitespace(p[k]) { k += 1 }
            if k < end && p[k] == .equalsSign {
                k += 1
                while k < end && isASCIIWhitespace(p[k]) { k += 1 }
                guard k < end else { return 0 }
                let quote = p[k]
                if quote == .quotationMark || quote == .apostrophe {
                    k += 1
                    while k < end && p[k] != quote { k += 1 }
                    guard k < end else { return 0 }
                    k += 1
                } else {
                    let valueStart = k
                    while k < end {
                        let c = p[k]
                        if isASCIIWhitespace(c) || c == .quotationMark || c == .apostrophe || c == .equalsSign
                            || c == .lessThan
                            || c == .greaterThan || c == .backtick
                        {
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
        guard j < end, p[j] == .greaterThan else { return 0 }
        return j + 1 - i
    }

    /// Searches `word` from `j`; returns the index after it, or nil when it does not occur before `end`.
    static func find(_ p: Bytes, _ j: Int, _ end: Int, _ word: StaticString) -> Int? {
        word.withUTF8Buffer { w -> Int? in
            let n = w.count
            var k = j
            while k + n <= end {
                if p[k] == w[0] && matchesExactly(p, k, end, word) { return k + n }
                k += 1
            }
            return nil
        }
    }

    /// URI autolink `<scheme:...>`; length or 0.
    static func uriAutolink(_ p: Bytes, _ i: Int, _ end: Int) -> Int {
        var j = i + 1
        guard j < end, isLetter(p[j]) else { return 0 }
        j += 1
        while j < end && (isAlphanumeric(p[j]) || p[j] == .plusSign || p[j] == .period || p[j] == .hyphen) { j += 1 }
        let schemeLength = j - i - 1
        guard schemeLength >= 2 && schemeLength <= 32, j < end, p[j] == .colon else { return 0 }
        j += 1
        while j < end {
            let c = p[j]
            if c == .greaterThan { return j + 1 - i }
            if c <= .space || c == .lessThan { return 0 }
            j += 1
        }
        return 0
    }

    /// Email autolink `<local@domain>`; length or 0.
    static func emailAutolink(_ p: Bytes, _ i: Int, _ end: Int) -> Int {
        var j = i + 1
        let localStart = j
        while j < end && isEmailLocalChar(p[j]) { j += 1 }
        guard j > localStart, j < end, p[j] == .atSign else { return 0 }
        j += 1
        while true {
            // One label: alphanumeric at both ends, hyphens inside, at most 63 characters.
            let labelStart = j
            guard j < end, isAlphanumeric(p[j]) else { return 0 }
            while j < end && (isAlphanumeric(p[j]) || p[j] == .hyphen) { j += 1 }
            guard p[j - 1] != .hyphen, j - labelStart <= 63 else { return 0 }
            guard j < end else { return 0 }
            if p[j] == .greaterThan { return j + 1 - i }
            guard p[j] == .period else { return 0 }
            j += 1
        }
    }

    @inline(__always) static func isEmailLocalChar(_ c: UInt8) -> Bool {
        if isAlphanumeric(c) { return true }
        switch c {
        case .period, .exclamationMark, .numberSign, UInt8(ascii: "$"), .percentSign, .ampersand, .apostrophe,
            .asterisk, .plusSign, .slash, .equalsSign, .questionMark, .caret, .underscore, .backtick, .leftBrace,
            .pipe, .rightBrace, .tilde, .hyphen:
            return true
        default:
            return false
        }
    }

    /// A link label `[...]` starting at `i`: length including the brackets, or 0. At most 999
    /// characters inside, no unescaped brackets, not only whitespace.
    static func linkLabel(_ p: Bytes, _ i: Int, _ end: Int) -> Int {
        guard i < end, p[i] == .leftBracket else { return 0 }
        var j = i + 1
        var nonBlank = false
        while j < end {
            let c = p[j]
            if c == .rightBracket {
                guard nonBlank, j - i - 1 <= 999 else { return 0 }
                return j + 1 - i
            }
            if c == .leftBracket { return 0 }
            if c == .backslash && j + 1 < end && isASCIIPunctuation(p[j + 1]) {
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
        if j < end && p[j] == .lessThan {
            j += 1
            while j < end {
                let c = p[j]
                if c == .greaterThan { return (j + 1 - i, true) }
                if c == .lessThan || isLineEnding(c) { return nil }
                if c == .backslash && j + 1 < end && isASCIIPunctuation(p[j + 1]) { j += 2 } else { j += 1 }
            }
            return nil
        }
        var depth = 0
        while j < end {
            let c = p[j]
            if c == .backslash && j + 1 < end && isASCIIPunctuation(p[j + 1]) {
                j += 2
                continue
            }
            if c == .leftParenthesis {
                depth += 1
                if depth > 32 { return nil }
            } else if c == .rightParenthesis {
                if depth == 0 { break }
                depth -= 1
            } else if c <= .space || c == .delete {
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
        case .quotationMark: close = .quotationMark
        case .apostrophe: close = .apostrophe
        case .leftParenthesis: close = .rightParenthesis
        default: return 0
        }
        var j = i + 1
        while j < end {
            let c = p[j]
            if c == close { return j + 1 - i }
            if open == .leftParenthesis && c == .leftParenthesis { return 0 }
            if c == .backslash && j + 1 < end && isASCIIPunctuation(p[j + 1]) { j += 2 } else { j += 1 }
        }
        return 0
    }

    /// The destination and title as they mean: without `<>` or quotes, escapes and entities resolved.
    /// Text that needs no decoding stays where it is (address `base + index`); decoded text is
    /// appended to `text`, whose first byte has address `textBase`.
    static func decodeTarget(
        _ p: Bytes, base: Int32, destination: Range<Int>, pointy: Bool, title: Range<Int>?,
        into text: inout RawArray<UInt8>, textBase: Int32
    ) -> LinkInfo {
        func resolved(_ s: Int, _ e: Int) -> Range<Int32> {
            guard e > s else { return 0..<0 }
            if !Entities.needsUnescape(p, s, e) { return (base + Int32(s))..<(base + Int32(e)) }
            let start = textBase + Int32(text.count)
            Entities.unescape(p, s, e, into: &text)
            return start..<(textBase + Int32(text.count))
        }
        let inner = pointy ? (destination.lowerBound + 1)..<(destination.upperBound - 1) : destination
        let decodedDestination = resolved(inner.lowerBound, inner.upperBound)
        var decodedTitle: Range<Int32> = 0..<0
        if let title, title.count >= 2 { decodedTitle = resolved(title.lowerBound + 1, title.upperBound - 1) }
        return LinkInfo(
            destination: decodedDestination, title: decodedTitle, address: base + Int32(destination.lowerBound))
    }

    /// Skips spaces and tabs, at most one line ending, then spaces and tabs again.
    static func skipSpacesAndOneNewline(_ p: Bytes, _ i: Int, _ end: Int) -> Int {
        var j = i
        while j < end && isSpaceOrTab(p[j]) { j += 1 }
        if j < end && p[j] == .carriageReturn {
            j += 1
            if j < end && p[j] == .lineFeed { j += 1 }
        } else if j < end && p[j] == .lineFeed {
            j += 1
        }
        while j < end && isSpaceOrTab(p[j]) { j += 1 }
        return j
    }
}
