/// A zlib (RFC 1950) stream with deflate (RFC 1951) compression, written by us because Foundation has no
/// zlib on Linux: LZ77 with hash chains, then one block with dynamic Huffman codes (or the fixed codes
/// when those are smaller). Content streams of text shrink to about a quarter.
enum Deflate {
    private static let windowSize = 32_768
    static let maxChain = 48
    /// The chain for font files: glyph outlines repeat little, a longer search gains under 1%.
    static let fontChain = 8
    private static let minMatch = 3
    private static let maxMatch = 258

    static let lengthBase: [Int] = [
        3, 4, 5, 6, 7, 8, 9, 10, 11, 13, 15, 17, 19, 23, 27, 31, 35, 43, 51, 59, 67, 83, 99,
        115, 131, 163, 195, 227, 258,
    ]
    static let lengthExtra: [Int] = [
        0, 0, 0, 0, 0, 0, 0, 0, 1, 1, 1, 1, 2, 2, 2, 2, 3, 3, 3, 3, 4, 4, 4, 4, 5, 5, 5, 5, 0,
    ]
    static let distanceBase: [Int] = [
        1, 2, 3, 4, 5, 7, 9, 13, 17, 25, 33, 49, 65, 97, 129, 193, 257, 385, 513, 769, 1025,
        1537, 2049, 3073, 4097, 6145, 8193, 12289, 16385, 24577,
    ]
    static let distanceExtra: [Int] = [
        0, 0, 0, 0, 1, 1, 2, 2, 3, 3, 4, 4, 5, 5, 6, 6, 7, 7, 8, 8, 9, 9, 10, 10, 11, 11,
        12, 12, 13, 13,
    ]

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

    /// Compresses `input` into a zlib stream: one block, with dynamic Huffman codes when they are
    /// smaller than the fixed ones. `chain` bounds how many earlier places are tried for each match: fewer
    /// for data with few long repeats (font files), where more search gains little.
    static func zlib(_ input: [UInt8], chain: Int = maxChain) -> [UInt8] {
        var writer = BitWriter(capacity: input.count / 3 + 64)
        writer.bytes.append(0x78)  // deflate, 32 KB window
        writer.bytes.append(0x01)  // no dictionary; (0x78 << 8 | 0x01) % 31 == 0
        let tokens = input.withUnsafeBufferPointer { findMatches($0, maxChain: chain) }
        writeBlock(tokens, into: &writer)
        writer.flush()
        let adler = adler32(input)
        writer.bytes.append(contentsOf: [
            UInt8(adler >> 24), UInt8(adler >> 16 & 0xFF), UInt8(adler >> 8 & 0xFF), UInt8(adler & 0xFF),
        ])
        return writer.bytes
    }

    static func adler32(_ input: [UInt8]) -> UInt32 {
        var a: UInt32 = 1
        var b: UInt32 = 0
        var index = 0
        while index < input.count {
            // Sum in chunks small enough that the 32-bit sums cannot overflow before the modulo.
            let end = min(index + 5552, input.count)
            for i in index..<end {
                a &+= UInt32(input[i])
                b &+= a
            }
            a %= 65521
            b %= 65521
            index = end
        }
        return b << 16 | a
    }

    /// A token is a literal byte (< 256) or a match: bit 31 set, length in bits 16...24, distance below.
    private static let matchFlag: UInt32 = 1 << 31

    private static func distanceSymbol(_ distance: Int) -> Int {
        var d = 0
        while d + 1 < distanceBase.count && distanceBase[d + 1] <= distance { d += 1 }
        return d
    }

    private static func findMatches(_ data: UnsafeBufferPointer<UInt8>, maxChain: Int) -> [UInt32] {
        let n = data.count
        var tokens: [UInt32] = []
        tokens.reserveCapacity(n / 2)
        // Tables sized to the input: many of our streams are small (a ToUnicode map, a font table), and
        // clearing two 128 KB tables for each would cost more than compressing it.
        var hashSize = 256
        while hashSize < n && hashSize < 1 << 15 { hashSize <<= 1 }
        var head = [Int32](repeating: -1, count: hashSize)
        var previous = [Int32](repeating: -1, count: max(min(n, windowSize), 1))
        @inline(__always) func hash(_ i: Int) -> Int {
            (Int(data[i]) << 10 ^ Int(data[i + 1]) << 5 ^ Int(data[i + 2])) & (hashSize - 1)
        }
        @inline(__always) func insert(_ i: Int) {
            let h = hash(i)
            previous[i & (windowSize - 1)] = head[h]
            head[h] = Int32(i)
        }
        /// The longest earlier match for position `i` (length 0 when there is none of 3 bytes).
        func longestMatch(_ i: Int) -> (length: Int, distance: Int) {
            guard i + minMatch <= n else { return (0, 0) }
            var bestLength = 0
            var bestDistance = 0
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
            return bestLength >= minMatch ? (bestLength, bestDistance) : (0, 0)
        }
        var i = 0
        var lookahead: (position: Int, length: Int, distance: Int)?
        while i < n {
            let found = lookahead.flatMap { $0.position == i ? ($0.length, $0.distance) : nil } ?? longestMatch(i)
            lookahead = nil
            if i + minMatch <= n { insert(i) }
            if found.0 >= minMatch {
                // Lazy matching: when the next position has a longer match, this byte goes as a literal.
                if found.0 < 32 && i + 1 < n {
                    let next = longestMatch(i + 1)
                    if next.length > found.0 {
                        tokens.append(UInt32(data[i]))
                        lookahead = (i + 1, next.length, next.distance)
                        i += 1
                        continue
                    }
                }
                tokens.append(matchFlag | UInt32(found.0) << 16 | UInt32(found.1))
                // The skipped positions still enter the hash chains, so later matches can find them.
                var k = i + 1
                let end = i + found.0
                while k < end && k + minMatch <= n {
                    insert(k)
                    k += 1
                }
                i = end
            } else {
                tokens.append(UInt32(data[i]))
                i += 1
            }
        }
        return tokens
    }

    /// The order in which the code-length code's lengths are stored (RFC 1951, 3.2.7).
    private static let codeLengthOrder = [16, 17, 18, 0, 8, 7, 9, 6, 10, 5, 11, 4, 12, 3, 13, 2, 14, 1, 15]

    private static func fixedLiteralLengths() -> [UInt8] {
        (0..<288).map { $0 < 144 ? 8 : $0 < 256 ? 9 : $0 < 280 ? 7 : 8 }
    }

    private static func writeBlock(_ tokens: [UInt32], into writer: inout BitWriter) {
        var literalFrequencies = [Int](repeating: 0, count: 286)
        var distanceFrequencies = [Int](repeating: 0, count: 30)
        var extraBits = 0
        for token in tokens {
            if token & matchFlag == 0 {
                literalFrequencies[Int(token)] += 1
            } else {
                let length = Int(token >> 16 & 0x1FF)
                let distance = Int(token & 0xFFFF)
                let l = Int(lengthSymbol[length])
                let d = distanceSymbol(distance)
                literalFrequencies[257 + l] += 1
                distanceFrequencies[d] += 1
                extraBits += lengthExtra[l] + distanceExtra[d]
            }
        }
        literalFrequencies[256] = 1
        // Two used symbols at least, so every code is complete (some decoders reject a lone code).
        if literalFrequencies.filter({ $0 > 0 }).count < 2 { literalFrequencies[0] = 1 }
        while distanceFrequencies.filter({ $0 > 0 }).count < 2 {
            distanceFrequencies[distanceFrequencies.firstIndex(of: 0)!] = 1
        }
        let literalLengths = HuffmanCode.lengths(literalFrequencies, limit: 15)
        let distanceLengths = HuffmanCode.lengths(distanceFrequencies, limit: 15)

        // The code lengths, run-length encoded: (symbol, extra value).
        var literalCount = 286
        while literalCount > 257 && literalLengths[literalCount - 1] == 0 { literalCount -= 1 }
        var distanceCount = 30
        while distanceCount > 1 && distanceLengths[distanceCount - 1] == 0 { distanceCount -= 1 }
        let all = Array(literalLengths[0..<literalCount]) + Array(distanceLengths[0..<distanceCount])
        var runs: [(symbol: Int, extra: Int)] = []
        var i = 0
        while i < all.count {
            let value = all[i]
            var run = 1
            while i + run < all.count && all[i + run] == value { run += 1 }
            if value == 0 && run >= 3 {
                let take = min(run, 138)
                runs.append(take >= 11 ? (18, take - 11) : (17, take - 3))
                i += take
            } else if value != 0 && run >= 4 {
                runs.append((Int(value), 0))
                let take = min(run - 1, 6)
                runs.append((16, take - 3))
                i += take + 1
            } else {
                runs.append((Int(value), 0))
                i += 1
            }
        }
        var codeLengthFrequencies = [Int](repeating: 0, count: 19)
        for run in runs { codeLengthFrequencies[run.symbol] += 1 }
        while codeLengthFrequencies.filter({ $0 > 0 }).count < 2 {
            codeLengthFrequencies[codeLengthFrequencies.firstIndex(of: 0)!] = 1
        }
        let codeLengthLengths = HuffmanCode.lengths(codeLengthFrequencies, limit: 7)
        var storedCount = 19
        while storedCount > 4 && codeLengthLengths[codeLengthOrder[storedCount - 1]] == 0 { storedCount -= 1 }

        // Compare the cost of both codings and write the smaller.
        var dynamicBits = 14 + 3 * storedCount
        for run in runs {
            dynamicBits +=
                Int(codeLengthLengths[run.symbol])
                + (run.symbol == 16 ? 2 : run.symbol == 17 ? 3 : run.symbol == 18 ? 7 : 0)
        }
        let fixedLengths = fixedLiteralLengths()
        var fixedBits = extraBits
        for (symbol, f) in literalFrequencies.enumerated() where f > 0 {
            dynamicBits += f * Int(literalLengths[symbol])
            fixedBits += f * Int(fixedLengths[symbol])
        }
        for (symbol, f) in distanceFrequencies.enumerated() where f > 0 {
            dynamicBits += f * Int(distanceLengths[symbol])
            fixedBits += f * 5
        }
        dynamicBits += extraBits

        writer.write(1, bits: 1)  // BFINAL: the only block
        let literalCodes: [UInt16]
        let literalCodeLengths: [UInt8]
        let distanceCodes: [UInt16]
        let distanceCodeLengths: [UInt8]
        if dynamicBits < fixedBits {
            writer.write(2, bits: 2)  // BTYPE 10: dynamic Huffman codes
            writer.write(UInt32(literalCount - 257), bits: 5)
            writer.write(UInt32(distanceCount - 1), bits: 5)
            writer.write(UInt32(storedCount - 4), bits: 4)
            for k in 0..<storedCount { writer.write(UInt32(codeLengthLengths[codeLengthOrder[k]]), bits: 3) }
            let codeLengthCodes = HuffmanCode.canonicalCodes(codeLengthLengths)
            for run in runs {
                writer.writeReversed(UInt32(codeLengthCodes[run.symbol]), bits: Int(codeLengthLengths[run.symbol]))
                switch run.symbol {
                case 16: writer.write(UInt32(run.extra), bits: 2)
                case 17: writer.write(UInt32(run.extra), bits: 3)
                case 18: writer.write(UInt32(run.extra), bits: 7)
                default: break
                }
            }
            literalCodeLengths = literalLengths
            distanceCodeLengths = distanceLengths
        } else {
            writer.write(1, bits: 2)  // BTYPE 01: fixed Huffman codes
            literalCodeLengths = fixedLengths
            distanceCodeLengths = [UInt8](repeating: 5, count: 30)
        }
        literalCodes = HuffmanCode.canonicalCodes(literalCodeLengths)
        distanceCodes = HuffmanCode.canonicalCodes(distanceCodeLengths)
        for token in tokens {
            if token & matchFlag == 0 {
                let symbol = Int(token)
                writer.writeReversed(UInt32(literalCodes[symbol]), bits: Int(literalCodeLengths[symbol]))
            } else {
                let length = Int(token >> 16 & 0x1FF)
                let distance = Int(token & 0xFFFF)
                let l = Int(lengthSymbol[length])
                let d = distanceSymbol(distance)
                writer.writeReversed(UInt32(literalCodes[257 + l]), bits: Int(literalCodeLengths[257 + l]))
                if lengthExtra[l] > 0 { writer.write(UInt32(length - lengthBase[l]), bits: lengthExtra[l]) }
                writer.writeReversed(UInt32(distanceCodes[d]), bits: Int(distanceCodeLengths[d]))
                if distanceExtra[d] > 0 { writer.write(UInt32(distance - distanceBase[d]), bits: distanceExtra[d]) }
            }
        }
        writer.writeReversed(UInt32(literalCodes[256]), bits: Int(literalCodeLengths[256]))
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
        for _ in 0..<bits {
            reversed = reversed << 1 | (c & 1)
            c >>= 1
        }
        write(reversed, bits: bits)
    }

    /// Pads the last byte with zeros.
    mutating func flush() {
        if count > 0 { bytes.append(UInt8(truncatingIfNeeded: buffer)) }
        buffer = 0
        count = 0
    }
}
