/// A PDF object as read back by `PDFInspector` (ISO 32000-1, 7.3). For tests; not a general parser.
public indirect enum PDFValue: Equatable, CustomStringConvertible {
    case null
    case bool(Bool)
    case number(Double)
    /// The bytes of a literal or hexadecimal string, escapes undone.
    case string([UInt8])
    case name(String)
    case array([PDFValue])
    case dictionary([String: PDFValue])
    /// An indirect reference `n 0 R`.
    case reference(Int)
    /// An operator in a content stream (`Tj`, `BDC`, ...).
    case keyword(String)

    public subscript(key: String) -> PDFValue? {
        if case .dictionary(let d) = self { return d[key] }
        return nil
    }

    public var dictionary: [String: PDFValue]? { if case .dictionary(let d) = self { return d } else { return nil } }
    public var array: [PDFValue]? { if case .array(let a) = self { return a } else { return nil } }
    public var name: String? { if case .name(let n) = self { return n } else { return nil } }
    public var reference: Int? { if case .reference(let r) = self { return r } else { return nil } }
    public var int: Int? { if case .number(let n) = self, n == n.rounded() { return Int(n) } else { return nil } }
    public var number: Double? { if case .number(let n) = self { return n } else { return nil } }
    public var bool: Bool? { if case .bool(let b) = self { return b } else { return nil } }
    public var bytes: [UInt8]? { if case .string(let s) = self { return s } else { return nil } }

    /// A text string (PDF 32000-1, 7.9.2.2): UTF-16BE with a byte-order mark, else PDFDocEncoding (read as Latin-1).
    public var text: String? {
        guard case .string(let b) = self else { return nil }
        return PDFValue.decodeTextString(b)
    }

    static func decodeTextString(_ b: [UInt8]) -> String {
        if b.count >= 2 && b[0] == 0xFE && b[1] == 0xFF {
            var units: [UInt16] = []
            var i = 2
            while i + 1 < b.count {
                units.append(UInt16(b[i]) << 8 | UInt16(b[i + 1]))
                i += 2
            }
            return String(decoding: units, as: UTF16.self)
        }
        return String(String.UnicodeScalarView(b.map { Unicode.Scalar($0) }))
    }

    public var description: String {
        switch self {
        case .null: return "null"
        case .bool(let b): return b ? "true" : "false"
        case .number(let n): return n == n.rounded() && abs(n) < 1e15 ? String(Int(n)) : String(n)
        case .string(let s): return "(" + PDFValue.decodeTextString(s) + ")"
        case .name(let n): return "/" + n
        case .array(let a): return "[" + a.map(\.description).joined(separator: " ") + "]"
        case .dictionary(let d): return "<<" + d.keys.sorted().map { " /\($0) \(d[$0]!)" }.joined() + " >>"
        case .reference(let r): return "\(r) 0 R"
        case .keyword(let k): return k
        }
    }
}

/// Reads PDF tokens and objects from bytes: numbers, strings (literal and hex), names, arrays,
/// dictionaries, references and, in content streams, operators.
struct PDFLexer {
    let bytes: [UInt8]
    var position: Int

    init(_ bytes: [UInt8], at position: Int = 0) {
        self.bytes = bytes
        self.position = position
    }

    static func isWhitespace(_ b: UInt8) -> Bool {
        b == 0x20 || b == 0x0A || b == 0x0D || b == 0x09 || b == 0x0C || b == 0x00
    }
    static func isDelimiter(_ b: UInt8) -> Bool {
        b == 0x28 || b == 0x29 || b == 0x3C || b == 0x3E || b == 0x5B || b == 0x5D || b == 0x7B || b == 0x7D
            || b == 0x2F || b == 0x25
    }

    mutating func skipWhitespace() {
        while position < bytes.count {
            let b = bytes[position]
            if PDFLexer.isWhitespace(b) {
                position += 1
            } else if b == 0x25 {  // comment
                while position < bytes.count && bytes[position] != 0x0A && bytes[position] != 0x0D { position += 1 }
            } else {
                return
            }
        }
    }

    var atEnd: Bool {
        mutating get {
            skipWhitespace()
            return position >= bytes.count
        }
    }

    /// The next object, or a keyword; nil at the end. References (`n g R`) are recognised.
    mutating func next() throws -> PDFValue? {
        skipWhitespace()
        guard position < bytes.count else { return nil }
        let b = bytes[position]
        switch b {
        case 0x28: return .string(try literalString())
        case 0x3C:
            if position + 1 < bytes.count && bytes[position + 1] == 0x3C {
                position += 2
                var dictionary: [String: PDFValue] = [:]
                while true {
                    skipWhitespace()
                    guard position < bytes.count else {
                        throw PDFInspector.Problem(description: "woordenboek zonder >>")
                    }
                    if bytes[position] == 0x3E && position + 1 < bytes.count && bytes[position + 1] == 0x3E {
                        position += 2
                        return .dictionary(dictionary)
                    }
                    guard case .name(let key)? = try next() else {
                        throw PDFInspector.Problem(description: "sleutel is geen naam")
                    }
                    guard let value = try value() else {
                        throw PDFInspector.Problem(description: "waarde ontbreekt bij /\(key)")
                    }
                    dictionary[key] = value
                }
            }
            return .string(try hexString())
        case 0x5B:
            position += 1
            var items: [PDFValue] = []
            while true {
                skipWhitespace()
                guard position < bytes.count else { throw PDFInspector.Problem(description: "array zonder ]") }
                if bytes[position] == 0x5D {
                    position += 1
                    return .array(items)
                }
                guard let item = try value() else { throw PDFInspector.Problem(description: "array zonder ]") }
                // Only objects go in an array: a stray word ("20-16.1", two numbers run together) is damage.
                if case .keyword(let word) = item {
                    throw PDFInspector.Problem(description: "ongeldig element '\(word)' in een array")
                }
                items.append(item)
            }
        case 0x2F:
            position += 1
            var name: [UInt8] = []
            while position < bytes.count && !PDFLexer.isWhitespace(bytes[position])
                && !PDFLexer.isDelimiter(bytes[position])
            {
                if bytes[position] == 0x23, position + 2 < bytes.count,
                    let v = UInt8(String(decoding: bytes[(position + 1)...(position + 2)], as: UTF8.self), radix: 16)
                {
                    name.append(v)
                    position += 3
                } else {
                    name.append(bytes[position])
                    position += 1
                }
            }
            return .name(String(decoding: name, as: UTF8.self))
        case 0x5D, 0x3E, 0x29, 0x7B, 0x7D:
            position += 1
            return .keyword(String(UnicodeScalar(b)))
        default:
            let start = position
            while position < bytes.count && !PDFLexer.isWhitespace(bytes[position])
                && !PDFLexer.isDelimiter(bytes[position])
            {
                position += 1
            }
            let token = String(decoding: bytes[start..<position], as: UTF8.self)
            if let n = Double(token), token.first.map({ $0.isNumber || $0 == "-" || $0 == "+" || $0 == "." }) == true {
                return .number(n)
            }
            switch token {
            case "true": return .bool(true)
            case "false": return .bool(false)
            case "null": return .null
            default: return .keyword(token)
            }
        }
    }

    /// The next value, with `n 0 R` read as a reference.
    mutating func value() throws -> PDFValue? {
        guard let first = try next() else { return nil }
        if case .number(let n) = first, n >= 0, n == n.rounded() {
            let saved = position
            if case .number? = try? next(), case .keyword("R")? = try? next() { return .reference(Int(n)) }
            position = saved
        }
        return first
    }

    private mutating func literalString() throws -> [UInt8] {
        position += 1
        var out: [UInt8] = []
        var depth = 0
        while position < bytes.count {
            let b = bytes[position]
            if b == 0x5C, position + 1 < bytes.count {
                let e = bytes[position + 1]
                position += 2
                switch e {
                case 0x6E: out.append(0x0A)
                case 0x72: out.append(0x0D)
                case 0x74: out.append(0x09)
                case 0x62: out.append(0x08)
                case 0x66: out.append(0x0C)
                case 0x0A: continue
                case 0x0D: if position < bytes.count && bytes[position] == 0x0A { position += 1 }
                case 0x30...0x37:
                    var v = Int(e - 0x30)
                    for _ in 0..<2 where position < bytes.count && (0x30...0x37).contains(bytes[position]) {
                        v = v * 8 + Int(bytes[position] - 0x30)
                        position += 1
                    }
                    out.append(UInt8(truncatingIfNeeded: v))
                default: out.append(e)
                }
                continue
            }
            position += 1
            if b == 0x28 {
                depth += 1
            } else if b == 0x29 {
                if depth == 0 { return out }
                depth -= 1
            }
            out.append(b)
        }
        throw PDFInspector.Problem(description: "tekenreeks zonder )")
    }

    private mutating func hexString() throws -> [UInt8] {
        position += 1
        var digits: [UInt8] = []
        while position < bytes.count && bytes[position] != 0x3E {
            let b = bytes[position]
            if !PDFLexer.isWhitespace(b) { digits.append(b) }
            position += 1
        }
        guard position < bytes.count else { throw PDFInspector.Problem(description: "hex-tekenreeks zonder >") }
        position += 1
        if digits.count % 2 == 1 { digits.append(0x30) }
        var out: [UInt8] = []
        var i = 0
        while i + 1 < digits.count {
            guard let v = UInt8(String(decoding: digits[i...(i + 1)], as: UTF8.self), radix: 16) else {
                throw PDFInspector.Problem(description: "ongeldige hex-tekenreeks")
            }
            out.append(v)
            i += 2
        }
        return out
    }
}
