/// A zlib (RFC 1950) stream with deflate (RFC 1951) compression, written by us because Foundation has no
/// zlib on Linux. LZ77 with hash chains and the fixed Huffman codes: content streams of text shrink to
/// about a quarter, at a fraction of the typesetting time. Decoders (every PDF reader) need nothing special.
enum Deflate {
    private static let windowSize = 32_768
    private static let maxChain = 48
    private static let minMatch = 3
    private static let maxMatch = 258

    static let lengthBase: [Int] = [3, 4, 5, 6, 7, 8, 9, 10, 11, 13, 15, 17, 19, 23, 27, 31, 35, 43, 51, 59, 67, 83, 99,
                                    115, 131, 163, 195, 227, 258]
    static let lengthExtra: [Int] = [0, 0, 0, 0, 0, 0, 0, 0, 1, 1, 1, 1, 2, 2, 2, 2, 3, 3, 3, 3, 4, 4, 4, 4, 5, 5, 5, 5, 0]
    static let distanceBase: [Int] = [1, 2, 3, 4, 5, 7, 9, 13, 17, 25, 33, 49, 65, 97, 129, 193, 257, 385, 513, 769, 1025,
                                      1537, 2049, 3073, 4097, 6145, 8193, 12289, 16385, 24577]
    static let distanceExtra: [Int] = [0, 0, 0, 0, 1, 1, 2, 2, 3, 3, 4, 4, 5, 5, 6, 6, 7, 7, 8, 8, 9, 9, 10, 10, 11, 11,
                                       12, 12, 13, 13]

    /// Length (3...258) -> index into `lengthBase`.
    private static let lengthSymbol: [UInt8] = {
        var table = [UInt8](repeating: 0, count: 259)
        for (index, base) in lengthBase.enumerated() {
            let upper = index + 1 < lengthBase.count ? lengthBase[index + 1] : 259
            for length in base..<min(upper, 259) { table[length] = UInt8(index) }
        }
        table[258] = 28
        return table
    }()

    /// Compresses `input` into a zlib stream.
    static func zlib(_ input: [UInt8]) -> [UInt8] {
        var writer = BitWriter(capacity: input.count / 3 + 64)
        writer.bytes.append(0x78)  // deflate, 32 KB window
        writer.bytes.append(0x01)  // no dictionary, fastest level; (0x78 << 8 | 0x01) % 31 == 0
        writer.write(1, bits: 1)   // BFINAL: one block
        writer.write(1, bits: 2)   // BTYPE 01: fixed Huffman codes
        input.withUnsafeBufferPointer { data in compress(data, into: &writer) }
        writeLiteralOrLength(256, into: &writer)  // end of block
        writer.flush()
        var a: UInt32 = 1, b: UInt32 = 0
        var index = 0
        while index < input.count {
            // Sum in chunks small enough that the 32-bit sums cannot overflow before the modulo.
            let end = min(index + 5552, input.count)
            for i in index..<end { a &+= UInt32(input[i]); b &+= a }
            a %= 65521
            b %= 65521
            index = end
        }
        let adler = b << 16 | a
        writer.bytes.append(contentsOf: [UInt8(adler >> 24), UInt8(adler >> 16 & 0xFF), UInt8(adler >> 8 & 0xFF), UInt8(adler & 0xFF)])
        return writer.bytes
    }

    private static func compress(_ data: UnsafeBufferPointer<UInt8>, into writer: inout BitWriter) {
        let n = data.count
        let hashSize = 1 << 15
        var head = [Int32](repeating: -1, count: hashSize)
        var previous = [Int32](repeating: -1, count: windowSize)
        @inline(__always) func hash(_ i: Int) -> Int {
            (Int(data[i]) << 10 ^ Int(data[i + 1]) << 5 ^ Int(data[i + 2])) & (hashSize - 1)
        }
        @inline(__always) func insert(_ i: Int) {
            let h = hash(i)
            previous[i & (windowSize - 1)] = head[h]
            head[h] = Int32(i)
        }
        var i = 0
        while i < n {
            var bestLength = 0
            var bestDistance = 0
            if i + minMatch <= n {
                var candidate = Int(head[hash(i)])
                var chain = maxChain
                let limit = min(maxMatch, n - i)
                while candidate >= 0 && i - candidate <= windowSize && chain > 0 {
                    if data[candidate + bestLength] == data[i + bestLength] && data[candidate] == data[i] {
                        var length = 0
                        while length < limit && data[candidate + length] == data[i + length] { length += 1 }
                        if length > bestLength {
                            bestLength = length
                            bestDistance = i - candidate
                            if length == limit { break }
                        }
                    }
                    let next = Int(previous[candidate & (windowSize - 1)])
                    if next >= candidate { break }
                    candidate = next
                    chain -= 1
                }
                insert(i)
            }
            if bestLength >= minMatch {
                let symbol = Int(lengthSymbol[bestLength])
                writeLiteralOrLength(257 + symbol, into: &writer)
                if lengthExtra[symbol] > 0 { writer.write(UInt32(bestLength - lengthBase[symbol]), bits: lengthExtra[symbol]) }
                var d = 0
                while d + 1 < distanceBase.count && distanceBase[d + 1] <= bestDistance { d += 1 }
                writer.writeReversed(UInt32(d), bits: 5)
                if distanceExtra[d] > 0 { writer.write(UInt32(bestDistance - distanceBase[d]), bits: distanceExtra[d]) }
                // The skipped positions still enter the hash chains, so later matches can find them.
                var k = i + 1
                let end = i + bestLength
                while k < end && k + minMatch <= n { insert(k); k += 1 }
                i = end
            } else {
                writeLiteralOrLength(Int(data[i]), into: &writer)
                i += 1
            }
        }
    }

    /// The fixed Huffman code of a literal/length symbol (RFC 1951, 3.2.6).
    @inline(__always)
    private static func writeLiteralOrLength(_ symbol: Int, into writer: inout BitWriter) {
        switch symbol {
        case 0...143: writer.writeReversed(UInt32(0x30 + symbol), bits: 8)
        case 144...255: writer.writeReversed(UInt32(0x190 + symbol - 144), bits: 9)
        case 256...279: writer.writeReversed(UInt32(symbol - 256), bits: 7)
        default: writer.writeReversed(UInt32(0xC0 + symbol - 280), bits: 8)
        }
    }
}

/// Packs bits least significant first, as deflate wants.
struct BitWriter {
    var bytes: [UInt8] = []
    private var buffer: UInt64 = 0
    private var count = 0

    init(capacity: Int) { bytes.reserveCapacity(capacity) }

    /// Writes the low `bits` bits of `value`, least significant first (extra bits, header fields).
    @inline(__always)
    mutating func write(_ value: UInt32, bits: Int) {
        buffer |= UInt64(value) << UInt64(count)
        count += bits
        while count >= 8 {
            bytes.append(UInt8(truncatingIfNeeded: buffer))
            buffer >>= 8
            count -= 8
        }
    }

    /// Writes a Huffman code, most significant bit first.
    @inline(__always)
    mutating func writeReversed(_ code: UInt32, bits: Int) {
        var reversed: UInt32 = 0
        var c = code
        for _ in 0..<bits { reversed = reversed << 1 | (c & 1); c >>= 1 }
        write(reversed, bits: bits)
    }

    /// Pads the last byte with zeros.
    mutating func flush() {
        if count > 0 { bytes.append(UInt8(truncatingIfNeeded: buffer)) }
        buffer = 0
        count = 0
    }
}

/// Decodes zlib streams with stored or fixed-Huffman blocks: what `Deflate` writes. The inspector uses it
/// to read our content streams back.
enum Inflate {
    struct Failure: Error, CustomStringConvertible {
        var description: String
    }

    static func zlib(_ input: [UInt8]) throws -> [UInt8] {
        guard input.count >= 6, input[0] & 0x0F == 8, (Int(input[0]) << 8 | Int(input[1])) % 31 == 0 else {
            throw Failure(description: "geen zlib-kop")
        }
        var reader = BitReader(bytes: input, position: 2)
        var out: [UInt8] = []
        var final = false
        while !final {
            final = try reader.read(1) == 1
            switch try reader.read(2) {
            case 0:
                reader.alignToByte()
                let length = try reader.read(16)
                _ = try reader.read(16)
                for _ in 0..<length { out.append(UInt8(try reader.read(8))) }
            case 1:
                while true {
                    let symbol = try literalOrLength(&reader)
                    if symbol < 256 { out.append(UInt8(symbol)); continue }
                    if symbol == 256 { break }
                    let index = symbol - 257
                    guard index < Deflate.lengthBase.count else { throw Failure(description: "ongeldige lengte") }
                    let length = Deflate.lengthBase[index] + (try reader.read(Deflate.lengthExtra[index]))
                    var d = 0
                    for _ in 0..<5 { d = d << 1 | (try reader.read(1)) }
                    guard d < Deflate.distanceBase.count else { throw Failure(description: "ongeldige afstand") }
                    let distance = Deflate.distanceBase[d] + (try reader.read(Deflate.distanceExtra[d]))
                    guard distance <= out.count else { throw Failure(description: "afstand voorbij het begin") }
                    for _ in 0..<length { out.append(out[out.count - distance]) }
                }
            default:
                throw Failure(description: "bloktype niet ondersteund")
            }
        }
        return out
    }

    private static func literalOrLength(_ reader: inout BitReader) throws -> Int {
        var code = 0
        for _ in 0..<7 { code = code << 1 | (try reader.read(1)) }
        if code <= 0x17 { return 256 + code }
        code = code << 1 | (try reader.read(1))
        if code >= 0x30 && code <= 0xBF { return code - 0x30 }
        if code >= 0xC0 && code <= 0xC7 { return 280 + code - 0xC0 }
        code = code << 1 | (try reader.read(1))
        if code >= 0x190 && code <= 0x1FF { return 144 + code - 0x190 }
        throw Failure(description: "ongeldige Huffman-code")
    }

    private struct BitReader {
        let bytes: [UInt8]
        var position: Int
        var bit = 0

        init(bytes: [UInt8], position: Int) {
            self.bytes = bytes
            self.position = position
        }

        mutating func read(_ count: Int) throws -> Int {
            var value = 0
            for shift in 0..<count {
                guard position < bytes.count else { throw Failure(description: "stroom te kort") }
                value |= Int(bytes[position] >> UInt8(bit) & 1) << shift
                bit += 1
                if bit == 8 { bit = 0; position += 1 }
            }
            return value
        }

        mutating func alignToByte() {
            if bit > 0 { bit = 0; position += 1 }
        }
    }
}
