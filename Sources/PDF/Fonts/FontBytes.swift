/// Big-endian reads from a font file with bounds checks: a damaged font gives an error, never a crash.
struct FontBytes {
    let bytes: [UInt8]

    init(_ bytes: [UInt8]) {
        self.bytes = bytes
    }

    var count: Int { bytes.count }

    @inline(__always)
    func u16(_ offset: Int) throws -> Int {
        guard offset >= 0 && offset + 2 <= bytes.count else { throw FontError.truncated(offset) }
        return Int(bytes[offset]) << 8 | Int(bytes[offset + 1])
    }

    @inline(__always)
    func i16(_ offset: Int) throws -> Int {
        Int(Int16(bitPattern: UInt16(try u16(offset))))
    }

    @inline(__always)
    func u32(_ offset: Int) throws -> Int {
        guard offset >= 0 && offset + 4 <= bytes.count else { throw FontError.truncated(offset) }
        return Int(bytes[offset]) << 24 | Int(bytes[offset + 1]) << 16 | Int(bytes[offset + 2]) << 8
            | Int(bytes[offset + 3])
    }

    func tag(_ offset: Int) throws -> String {
        guard offset >= 0 && offset + 4 <= bytes.count else { throw FontError.truncated(offset) }
        return String(decoding: bytes[offset..<offset + 4], as: UTF8.self)
    }

    func slice(_ offset: Int, _ length: Int) throws -> ArraySlice<UInt8> {
        guard offset >= 0 && length >= 0 && offset + length <= bytes.count else { throw FontError.truncated(offset) }
        return bytes[offset..<offset + length]
    }
}

/// Why a font file could not be used.
public enum FontError: Error, CustomStringConvertible, Equatable {
    /// The file ends (or a table ends) before a structure it declares.
    case truncated(Int)
    /// Not a TrueType font (an OpenType font with CFF outlines, a collection, not a font at all).
    case notTrueType(String)
    /// A table every TrueType font needs is missing.
    case missingTable(String)
    /// A value out of its range.
    case invalid(String)
    /// The font's licence bits (OS/2 fsType) forbid embedding it.
    case embeddingRestricted

    public var description: String {
        switch self {
        case .truncated(let offset): return "het lettertypebestand houdt op bij byte \(offset)"
        case .notTrueType(let what): return "geen TrueType-lettertype (\(what))"
        case .missingTable(let tag): return "de tabel '\(tag)' ontbreekt"
        case .invalid(let what): return "ongeldige waarde: \(what)"
        case .embeddingRestricted: return "de licentie van het lettertype (OS/2 fsType) staat insluiten niet toe"
        }
    }
}

/// Big-endian writes for the font files we make (subsets, WOFF).
struct FontWriter {
    var bytes: [UInt8] = []

    mutating func u16(_ v: Int) {
        bytes.append(UInt8(truncatingIfNeeded: v >> 8))
        bytes.append(UInt8(truncatingIfNeeded: v))
    }

    mutating func u32(_ v: Int) {
        bytes.append(UInt8(truncatingIfNeeded: v >> 24))
        bytes.append(UInt8(truncatingIfNeeded: v >> 16))
        bytes.append(UInt8(truncatingIfNeeded: v >> 8))
        bytes.append(UInt8(truncatingIfNeeded: v))
    }

    mutating func tag(_ t: String) {
        bytes.append(contentsOf: Array(t.utf8.prefix(4)))
    }

    mutating func pad4() {
        while bytes.count % 4 != 0 { bytes.append(0) }
    }

    /// Overwrites a 32-bit value at `offset`.
    mutating func set32(_ v: Int, at offset: Int) {
        bytes[offset] = UInt8(truncatingIfNeeded: v >> 24)
        bytes[offset + 1] = UInt8(truncatingIfNeeded: v >> 16)
        bytes[offset + 2] = UInt8(truncatingIfNeeded: v >> 8)
        bytes[offset + 3] = UInt8(truncatingIfNeeded: v)
    }

    /// The sfnt checksum: the sum of the big-endian 32-bit words, the last one zero-padded.
    static func checksum<C: Collection>(_ data: C) -> UInt32 where C.Element == UInt8 {
        var sum: UInt32 = 0
        var word: UInt32 = 0
        var n = 0
        for b in data {
            word = word << 8 | UInt32(b)
            n += 1
            if n == 4 {
                sum = sum &+ word
                word = 0
                n = 0
            }
        }
        if n > 0 { sum = sum &+ (word << (8 * UInt32(4 - n))) }
        return sum
    }
}
