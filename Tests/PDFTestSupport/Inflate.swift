/// Decodes zlib streams (stored, fixed and dynamic Huffman blocks). The inspector uses it to read our
/// content streams back, and the deflate tests to check a round trip; it is written for checking, not for speed.
public enum Inflate {
    public struct Failure: Error, CustomStringConvertible {
        public var description: String
    }

    /// A decoding table: how many codes of each length, and the symbols in canonical order.
    private struct Decoder {
        var counts = [Int](repeating: 0, count: 16)
        var symbols: [Int] = []

        init(lengths: [Int]) {
            for l in lengths { counts[l] += 1 }
            counts[0] = 0
            for bits in 1..<16 {
                for (symbol, l) in lengths.enumerated() where l == bits { symbols.append(symbol) }
            }
        }

        /// Reads one symbol, a bit at a time: codes of each length are consecutive numbers.
        func decode(_ reader: inout BitReader) throws -> Int {
            var code = 0
            var first = 0
            var index = 0
            for bits in 1..<16 {
                code |= try reader.read(1)
                let count = counts[bits]
                if code - first < count { return symbols[index + code - first] }
                index += count
                first = (first + count) << 1
                code <<= 1
            }
            throw Failure(description: "ongeldige Huffman-code")
        }
    }

    private static let codeLengthOrder = [16, 17, 18, 0, 8, 7, 9, 6, 10, 5, 11, 4, 12, 3, 13, 2, 14, 1, 15]

    /// The decoded bytes of a zlib stream; throws `Failure` on a damaged stream or a wrong checksum.
    public static func zlib(_ input: [UInt8]) throws -> [UInt8] {
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
                let literal = Decoder(lengths: (0..<288).map { $0 < 144 ? 8 : $0 < 256 ? 9 : $0 < 280 ? 7 : 8 })
                let distance = Decoder(lengths: [Int](repeating: 5, count: 30))
                try inflateBlock(&reader, literal: literal, distance: distance, into: &out)
            case 2:
                let literalCount = try reader.read(5) + 257
                let distanceCount = try reader.read(5) + 1
                let storedCount = try reader.read(4) + 4
                var codeLengthLengths = [Int](repeating: 0, count: 19)
                for k in 0..<storedCount { codeLengthLengths[codeLengthOrder[k]] = try reader.read(3) }
                let codeLengths = Decoder(lengths: codeLengthLengths)
                var lengths: [Int] = []
                while lengths.count < literalCount + distanceCount {
                    let symbol = try codeLengths.decode(&reader)
                    switch symbol {
                    case 0...15: lengths.append(symbol)
                    case 16:
                        guard let last = lengths.last else { throw Failure(description: "herhaling zonder lengte") }
                        lengths += [Int](repeating: last, count: 3 + (try reader.read(2)))
                    case 17: lengths += [Int](repeating: 0, count: 3 + (try reader.read(3)))
                    default: lengths += [Int](repeating: 0, count: 11 + (try reader.read(7)))
                    }
                }
                guard lengths.count == literalCount + distanceCount else {
                    throw Failure(description: "te veel codelengtes")
                }
                try inflateBlock(
                    &reader, literal: Decoder(lengths: Array(lengths[0..<literalCount])),
                    distance: Decoder(lengths: Array(lengths[literalCount...])), into: &out)
            default:
                throw Failure(description: "ongeldig bloktype")
            }
        }
        reader.alignToByte()
        var adler = 0
        for _ in 0..<4 { adler = adler << 8 | (try reader.read(8)) }
        guard UInt32(adler) == adler32(out) else { throw Failure(description: "Adler-32 klopt niet") }
        return out
    }

    // The tables of RFC 1951 3.2.5, derived here from their rule rather than shared with the encoder
    // (`Deflate`), so that the check does not repeat a mistake in them.
    private static let lengthExtra = (0..<29).map { $0 < 8 || $0 == 28 ? 0 : ($0 - 4) / 4 }
    private static let lengthBase: [Int] = {
        var base = [3]
        for i in 0..<27 { base.append(base[i] + 1 << lengthExtra[i]) }
        return base + [258]
    }()
    private static let distanceExtra = (0..<30).map { $0 < 4 ? 0 : ($0 - 2) / 2 }
    private static let distanceBase: [Int] = {
        var base = [1]
        for i in 0..<29 { base.append(base[i] + 1 << distanceExtra[i]) }
        return base
    }()

    /// The Adler-32 checksum of RFC 1950, the plain way.
    private static func adler32(_ bytes: [UInt8]) -> UInt32 {
        var a: UInt32 = 1
        var b: UInt32 = 0
        for byte in bytes {
            a = (a + UInt32(byte)) % 65521
            b = (b + a) % 65521
        }
        return b << 16 | a
    }

    private static func inflateBlock(
        _ reader: inout BitReader, literal: Decoder, distance: Decoder,
        into out: inout [UInt8]
    ) throws {
        while true {
            let symbol = try literal.decode(&reader)
            if symbol < 256 {
                out.append(UInt8(symbol))
                continue
            }
            if symbol == 256 { return }
            let index = symbol - 257
            guard index < lengthBase.count else { throw Failure(description: "ongeldige lengte") }
            let length = lengthBase[index] + (try reader.read(lengthExtra[index]))
            let d = try distance.decode(&reader)
            guard d < distanceBase.count else { throw Failure(description: "ongeldige afstand") }
            let back = distanceBase[d] + (try reader.read(distanceExtra[d]))
            guard back <= out.count else { throw Failure(description: "afstand voorbij het begin") }
            for _ in 0..<length { out.append(out[out.count - back]) }
        }
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
                if bit == 8 {
                    bit = 0
                    position += 1
                }
            }
            return value
        }

        mutating func alignToByte() {
            if bit > 0 {
                bit = 0
                position += 1
            }
        }
    }
}
