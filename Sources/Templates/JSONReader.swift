import Diagnostics
import Foundation

/// Reads a JSON document into template values, keeping object keys in file order (Foundation's
/// reader does not). Integers stay integers; numbers with a fraction or exponent become doubles.
public enum JSONReader {
    /// Parses `bytes`; errors are diagnostics pointing at the offending byte of `name`.
    public static func read(_ bytes: [UInt8], name: String) throws -> Value {
        var parser = JSONParser(bytes: bytes, source: SourceFile(name: name, bytes: bytes))
        parser.skipSpace()
        let value = try parser.value(depth: 0)
        parser.skipSpace()
        if parser.index < bytes.count { throw parser.error("onverwachte tekst na het einde van de JSON-waarde") }
        return value
    }
}

private struct JSONParser {
    let bytes: [UInt8]
    let source: SourceFile
    var index = 0

    init(bytes: [UInt8], source: SourceFile) {
        self.bytes = bytes
        self.source = source
        if bytes.starts(with: [0xEF, 0xBB, 0xBF]) { index = 3 }
    }

    func error(_ message: String) -> Diagnostic {
        Diagnostic.error(message, in: source, at: index)
    }

    mutating func skipSpace() {
        while index < bytes.count, [0x20, 0x09, 0x0A, 0x0D].contains(bytes[index]) { index += 1 }
    }

    mutating func value(depth: Int) throws -> Value {
        guard depth < 500 else { throw error("JSON te diep genest") }
        guard index < bytes.count else { throw error("JSON-waarde verwacht, maar het bestand is op") }
        switch bytes[index] {
        case UInt8(ascii: "{"):
            index += 1
            var dict = OrderedDict()
            skipSpace()
            if index < bytes.count && bytes[index] == UInt8(ascii: "}") {
                index += 1
                return .dict(dict)
            }
            while true {
                skipSpace()
                guard index < bytes.count, bytes[index] == UInt8(ascii: "\"") else {
                    throw error("sleutel tussen \"…\" verwacht")
                }
                let key = try string()
                skipSpace()
                guard index < bytes.count, bytes[index] == UInt8(ascii: ":") else { throw error("':' verwacht") }
                index += 1
                skipSpace()
                dict[key] = try value(depth: depth + 1)
                skipSpace()
                guard index < bytes.count else { throw error("'}' verwacht") }
                if bytes[index] == UInt8(ascii: ",") {
                    index += 1
                    continue
                }
                if bytes[index] == UInt8(ascii: "}") {
                    index += 1
                    return .dict(dict)
                }
                throw error("',' of '}' verwacht")
            }
        case UInt8(ascii: "["):
            index += 1
            var items: [Value] = []
            skipSpace()
            if index < bytes.count && bytes[index] == UInt8(ascii: "]") {
                index += 1
                return .list(items)
            }
            while true {
                skipSpace()
                items.append(try value(depth: depth + 1))
                skipSpace()
                guard index < bytes.count else { throw error("']' verwacht") }
                if bytes[index] == UInt8(ascii: ",") {
                    index += 1
                    continue
                }
                if bytes[index] == UInt8(ascii: "]") {
                    index += 1
                    return .list(items)
                }
                throw error("',' of ']' verwacht")
            }
        case UInt8(ascii: "\""):
            return .string(try string())
        case UInt8(ascii: "t"): return try literal("true", .bool(true))
        case UInt8(ascii: "f"): return try literal("false", .bool(false))
        case UInt8(ascii: "n"): return try literal("null", .none)
        default:
            return try number()
        }
    }

    mutating func literal(_ word: String, _ value: Value) throws -> Value {
        let w = Array(word.utf8)
        guard index + w.count <= bytes.count, Array(bytes[index..<index + w.count]) == w else {
            throw error("onbekende JSON-waarde")
        }
        index += w.count
        return value
    }

    mutating func number() throws -> Value {
        let start = index
        var isFloat = false
        while index < bytes.count {
            let b = bytes[index]
            if (b >= 0x30 && b <= 0x39) || b == UInt8(ascii: "-") || b == UInt8(ascii: "+") {
                index += 1
            } else if b == UInt8(ascii: ".") || b == UInt8(ascii: "e") || b == UInt8(ascii: "E") {
                isFloat = true
                index += 1
            } else {
                break
            }
        }
        let text = String(decoding: bytes[start..<index], as: UTF8.self)
        if !isFloat, let i = Int(text) { return .int(i) }
        if let d = Double(text), !text.isEmpty { return .double(d) }
        index = start
        throw error("ongeldige JSON-waarde")
    }

    mutating func string() throws -> String {
        let start = index
        index += 1
        var out: [UInt8] = []
        while index < bytes.count {
            let b = bytes[index]
            if b == UInt8(ascii: "\"") {
                index += 1
                return String(decoding: out, as: UTF8.self)
            }
            if b == UInt8(ascii: "\\") {
                guard index + 1 < bytes.count else { break }
                let e = bytes[index + 1]
                index += 2
                switch e {
                case UInt8(ascii: "n"): out.append(0x0A)
                case UInt8(ascii: "t"): out.append(0x09)
                case UInt8(ascii: "r"): out.append(0x0D)
                case UInt8(ascii: "b"): out.append(0x08)
                case UInt8(ascii: "f"): out.append(0x0C)
                case UInt8(ascii: "u"):
                    var code = try hex4()
                    if code >= 0xD800 && code < 0xDC00, index + 1 < bytes.count, bytes[index] == UInt8(ascii: "\\"),
                        bytes[index + 1] == UInt8(ascii: "u")
                    {
                        index += 2
                        let low = try hex4()
                        code = 0x10000 + ((code - 0xD800) << 10) + (low - 0xDC00)
                    }
                    out.append(contentsOf: String(Unicode.Scalar(code).map { Character($0) } ?? "\u{FFFD}").utf8)
                default: out.append(e)
                }
                continue
            }
            out.append(b)
            index += 1
        }
        index = start
        throw error("tekst zonder afsluitend aanhalingsteken")
    }

    mutating func hex4() throws -> UInt32 {
        guard index + 4 <= bytes.count,
            let v = UInt32(String(decoding: bytes[index..<index + 4], as: UTF8.self), radix: 16)
        else {
            throw error("ongeldige \\u-code")
        }
        index += 4
        return v
    }
}
