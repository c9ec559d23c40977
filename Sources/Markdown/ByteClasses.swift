// Character classes on UTF-8 bytes. Everything the parser decides is decided on bytes; only the
// emphasis flanking rules look at whole Unicode scalars (`isUnicodeWhitespace`, `isUnicodePunctuation`).

typealias Bytes = UnsafeBufferPointer<UInt8>

/// The ASCII bytes the parser and renderer look for, by name (constants: the optimiser folds them).
extension UInt8 {
    static let tab: UInt8 = 0x09
    static let lineFeed: UInt8 = 0x0A
    static let verticalTab: UInt8 = 0x0B
    static let formFeed: UInt8 = 0x0C
    static let carriageReturn: UInt8 = 0x0D
    static let space: UInt8 = 0x20
    static let exclamationMark: UInt8 = 0x21
    static let quotationMark: UInt8 = 0x22
    static let numberSign: UInt8 = 0x23
    static let percentSign: UInt8 = 0x25
    static let ampersand: UInt8 = 0x26
    static let apostrophe: UInt8 = 0x27
    static let leftParenthesis: UInt8 = 0x28
    static let rightParenthesis: UInt8 = 0x29
    static let asterisk: UInt8 = 0x2A
    static let plusSign: UInt8 = 0x2B
    static let comma: UInt8 = 0x2C
    static let hyphen: UInt8 = 0x2D
    static let period: UInt8 = 0x2E
    static let slash: UInt8 = 0x2F
    static let digitZero: UInt8 = 0x30
    static let colon: UInt8 = 0x3A
    static let semicolon: UInt8 = 0x3B
    static let lessThan: UInt8 = 0x3C
    static let equalsSign: UInt8 = 0x3D
    static let greaterThan: UInt8 = 0x3E
    static let questionMark: UInt8 = 0x3F
    static let atSign: UInt8 = 0x40
    static let leftBracket: UInt8 = 0x5B
    static let backslash: UInt8 = 0x5C
    static let rightBracket: UInt8 = 0x5D
    static let caret: UInt8 = 0x5E
    static let underscore: UInt8 = 0x5F
    static let backtick: UInt8 = 0x60
    static let leftBrace: UInt8 = 0x7B
    static let pipe: UInt8 = 0x7C
    static let rightBrace: UInt8 = 0x7D
    static let tilde: UInt8 = 0x7E
    static let delete: UInt8 = 0x7F
}

/// Word-at-a-time tests on eight bytes (loaded as a little-endian `UInt64`).
enum SWAR {
    static let ones: UInt64 = 0x0101_0101_0101_0101
    static let highBits: UInt64 = 0x8080_8080_8080_8080

    /// A word whose eight bytes are all `byte`.
    @inline(__always) static func repeated(_ byte: UInt8) -> UInt64 { UInt64(byte) &* ones }

    /// The high bit of each zero byte of `word` set (exact for the lowest zero byte, which is all
    /// the callers use: `trailingZeroBitCount / 8` is its index).
    @inline(__always) static func zeroBytes(_ word: UInt64) -> UInt64 { (word &- ones) & ~word & highBits }
}

@inline(__always) func isSpaceOrTab(_ c: UInt8) -> Bool { c == .space || c == .tab }
@inline(__always) func isLineEnding(_ c: UInt8) -> Bool { c == .lineFeed || c == .carriageReturn }
@inline(__always) func isDigit(_ c: UInt8) -> Bool { c &- .digitZero < 10 }
/// Setting this bit turns an ASCII capital into its small letter.
let asciiCaseBit: UInt8 = 0x20
@inline(__always) func isLetter(_ c: UInt8) -> Bool { (c | asciiCaseBit) &- UInt8(ascii: "a") < 26 }
@inline(__always) func isAlphanumeric(_ c: UInt8) -> Bool { isDigit(c) || isLetter(c) }
@inline(__always) func isHexDigit(_ c: UInt8) -> Bool { isDigit(c) || (c | asciiCaseBit) &- UInt8(ascii: "a") < 6 }
@inline(__always) func asciiLower(_ c: UInt8) -> UInt8 { c &- UInt8(ascii: "A") < 26 ? c | asciiCaseBit : c }
/// The value of an ASCII hex digit.
@inline(__always) func hexValue(_ c: UInt8) -> UInt32 {
    UInt32(isDigit(c) ? c - .digitZero : (c | asciiCaseBit) - UInt8(ascii: "a") + 10)
}

/// ASCII whitespace in the sense of the spec: space, tab, line feed, line tabulation, form feed, return.
@inline(__always) func isASCIIWhitespace(_ c: UInt8) -> Bool {
    c == .space || (c >= .tab && c <= .carriageReturn)
}

/// ASCII punctuation: `!` to `/`, `:` to `@`, `[` to `` ` `` and `{` to `~`.
@inline(__always) func isASCIIPunctuation(_ c: UInt8) -> Bool {
    (c >= .exclamationMark && c <= .slash) || (c >= .colon && c <= .atSign)
        || (c >= .leftBracket && c <= .backtick) || (c >= .leftBrace && c <= .tilde)
}

/// Whether `c` is an ASCII character (a UTF-8 sequence of one byte).
@inline(__always) func isASCII(_ c: UInt8) -> Bool { c < 0x80 }

/// Whether `c` continues a UTF-8 sequence (10xxxxxx).
@inline(__always) func isContinuationByte(_ c: UInt8) -> Bool { c & 0xC0 == 0x80 }

/// Compares `p[i..<i+word.count]` with an ASCII word, case-insensitively (`word` must be lower case).
@inline(__always) func matchesLowercase(_ p: Bytes, _ i: Int, _ end: Int, _ word: StaticString) -> Bool {
    word.withUTF8Buffer { w in
        if i + w.count > end { return false }
        for k in 0..<w.count where asciiLower(p[i + k]) != w[k] { return false }
        return true
    }
}

/// Compares `p[i..<i+word.count]` with an ASCII word exactly.
@inline(__always) func matchesExactly(_ p: Bytes, _ i: Int, _ end: Int, _ word: StaticString) -> Bool {
    word.withUTF8Buffer { w in
        if i + w.count > end { return false }
        for k in 0..<w.count where p[i + k] != w[k] { return false }
        return true
    }
}

/// True when `p[i..<end]` holds only spaces and tabs.
@inline(__always) func isBlankRest(_ p: Bytes, _ i: Int, _ end: Int) -> Bool {
    var j = i
    while j < end {
        if !isSpaceOrTab(p[j]) { return false }
        j += 1
    }
    return true
}

/// Decodes the Unicode scalar that ends just before `i` (for the flanking rules); nil at the start.
func scalarBefore(_ p: Bytes, _ i: Int, _ start: Int) -> UInt32? {
    if i <= start { return nil }
    var j = i - 1
    if isASCII(p[j]) { return UInt32(p[j]) }
    while j > start && isContinuationByte(p[j]) && i - j < 4 { j -= 1 }
    return decodeScalar(p, j, i).scalar
}

/// Decodes the Unicode scalar starting at `i`; nil at the end.
func scalarAt(_ p: Bytes, _ i: Int, _ end: Int) -> UInt32? {
    if i >= end { return nil }
    if isASCII(p[i]) { return UInt32(p[i]) }
    return decodeScalar(p, i, end).scalar
}

/// Decodes one (already validated) UTF-8 sequence; returns the scalar and its length.
@inline(__always) func decodeScalar(_ p: Bytes, _ i: Int, _ end: Int) -> (scalar: UInt32, length: Int) {
    let b0 = UInt32(p[i])
    if b0 < 0x80 { return (b0, 1) }
    if b0 < 0xE0, i + 1 < end { return (((b0 & 0x1F) << 6) | (UInt32(p[i + 1]) & 0x3F), 2) }
    if b0 < 0xF0, i + 2 < end {
        return (((b0 & 0x0F) << 12) | ((UInt32(p[i + 1]) & 0x3F) << 6) | (UInt32(p[i + 2]) & 0x3F), 3)
    }
    if i + 3 < end {
        return (
            ((b0 & 0x07) << 18) | ((UInt32(p[i + 1]) & 0x3F) << 12) | ((UInt32(p[i + 2]) & 0x3F) << 6)
                | (UInt32(p[i + 3]) & 0x3F), 4
        )
    }
    return (0xFFFD, 1)
}

/// Appends the UTF-8 encoding of a scalar (U+FFFD for NUL, surrogates and values beyond U+10FFFF).
@inline(__always) func appendScalar(_ value: UInt32, to out: inout RawArray<UInt8>) {
    var v = value
    if v == 0 || v > 0x10FFFF || (v >= 0xD800 && v <= 0xDFFF) { v = 0xFFFD }
    if v < 0x80 {
        out.append(UInt8(v))
    } else if v < 0x800 {
        out.append(UInt8(0xC0 | (v >> 6)))
        out.append(UInt8(0x80 | (v & 0x3F)))
    } else if v < 0x10000 {
        out.append(UInt8(0xE0 | (v >> 12)))
        out.append(UInt8(0x80 | ((v >> 6) & 0x3F)))
        out.append(UInt8(0x80 | (v & 0x3F)))
    } else {
        out.append(UInt8(0xF0 | (v >> 18)))
        out.append(UInt8(0x80 | ((v >> 12) & 0x3F)))
        out.append(UInt8(0x80 | ((v >> 6) & 0x3F)))
        out.append(UInt8(0x80 | (v & 0x3F)))
    }
}

/// Unicode whitespace for the flanking rules: Zs plus tab, line feed, form feed, return.
func isUnicodeWhitespace(_ scalar: UInt32?) -> Bool {
    guard let s = scalar else { return true }  // start and end of line count as whitespace
    if s < 0x80 {
        let c = UInt8(s)
        return c == .space || c == .tab || c == .lineFeed || c == .formFeed || c == .carriageReturn
    }
    guard let u = Unicode.Scalar(s) else { return false }
    return u.properties.generalCategory == .spaceSeparator
}

/// Unicode punctuation for the flanking rules (CommonMark 0.31: general categories P and S).
func isUnicodePunctuation(_ scalar: UInt32?) -> Bool {
    guard let s = scalar else { return false }
    if s < 0x80 { return isASCIIPunctuation(UInt8(s)) }
    guard let u = Unicode.Scalar(s) else { return false }
    switch u.properties.generalCategory {
    case .connectorPunctuation, .dashPunctuation, .openPunctuation, .closePunctuation, .initialPunctuation,
        .finalPunctuation, .otherPunctuation, .mathSymbol, .currencySymbol, .modifierSymbol, .otherSymbol:
        return true
    default:
        return false
    }
}
