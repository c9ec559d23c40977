/// Pair kerning as a dense matrix over the glyphs of the common Latin characters (basic Latin, Latin-1,
/// Latin Extended-A, general punctuation, the euro sign): a lookup is two array reads, which the line
/// breaker does for every pair of letters. Pairs with a glyph outside that set are not kerned.
struct KerningMatrix {
    /// The characters whose glyphs are kerned.
    static let scalarRanges: [ClosedRange<UInt32>] = [
        0x20...0x17F, 0x192...0x192, 0x218...0x21B, 0x2C6...0x2C7, 0x2D8...0x2DD, 0x2000...0x206F, 0x20AC...0x20AC,
        0x2122...0x2122,
    ]

    /// Glyph → row/column of the matrix, or -1.
    private var index: [Int16]
    private(set) var size: Int
    private var values: [Int16]
    /// Number of non-zero pairs.
    private(set) var count = 0

    init(glyphs: [UInt16], glyphCount: Int) {
        index = [Int16](repeating: -1, count: glyphCount)
        for (i, g) in glyphs.enumerated() where Int(g) < glyphCount { index[Int(g)] = Int16(i) }
        size = glyphs.count
        values = [Int16](repeating: 0, count: glyphs.count * glyphs.count)
    }

    /// The glyphs of the matrix, by row.
    var glyphs: [UInt16] {
        var out = [UInt16](repeating: 0, count: size)
        for (g, i) in index.enumerated() where i >= 0 { out[Int(i)] = UInt16(g) }
        return out
    }

    @inline(__always)
    func row(_ glyph: UInt16) -> Int {
        Int(glyph) < index.count ? Int(index[Int(glyph)]) : -1
    }

    @inline(__always)
    func value(_ left: UInt16, _ right: UInt16) -> Int {
        let a = row(left)
        if a < 0 { return 0 }
        let b = row(right)
        if b < 0 { return 0 }
        return Int(values[a * size + b])
    }

    mutating func add(row a: Int, column b: Int, _ amount: Int) {
        let k = a * size + b
        let before = values[k]
        values[k] = Int16(clamping: Int(before) + amount)
        if before == 0 && values[k] != 0 { count += 1 } else if before != 0 && values[k] == 0 { count -= 1 }
    }

    /// Reads the horizontal format-0 subtables of a `kern` table; returns whether it held any pair.
    static func readKernTable(_ f: FontBytes, _ offset: Int, into matrix: inout KerningMatrix) throws -> Bool {
        guard try f.u16(offset) == 0 else { return false }  // the Apple variant is not read
        let tables = try f.u16(offset + 2)
        var sub = offset + 4
        var any = false
        var work = WorkLimit()
        for _ in 0..<tables {
            let length = try f.u16(sub + 2)
            let coverage = try f.u16(sub + 4)
            let horizontal = coverage & 1 != 0
            let crossStream = coverage & 4 != 0
            let format = coverage >> 8
            if horizontal && !crossStream && format == 0 {
                let pairs = try f.u16(sub + 6)
                try work.spend(pairs)
                for i in 0..<pairs {
                    let p = sub + 14 + 6 * i
                    let a = matrix.row(UInt16(try f.u16(p)))
                    let b = matrix.row(UInt16(try f.u16(p + 2)))
                    if a >= 0 && b >= 0 {
                        let v = try f.i16(p + 4)
                        if v != 0 {
                            matrix.add(row: a, column: b, v)
                            any = true
                        }
                    }
                }
            }
            guard length > 0 else { break }
            sub += length
        }
        return any
    }
}

/// The pair adjustments (lookup type 2, also inside extension lookups) of the `kern` feature of a
/// `GPOS` table, for the Latin script (or the default script), applied as a shaper would: within a
/// lookup the first subtable that covers a pair decides it; lookups add up.
enum GlyphPositioning {
    /// Returns whether the table has a `kern` feature with pair adjustments.
    static func readPairKerning(_ f: FontBytes, _ gpos: Int, into matrix: inout KerningMatrix) throws -> Bool {
        let scriptList = gpos + (try f.u16(gpos + 4))
        let featureList = gpos + (try f.u16(gpos + 6))
        let lookupList = gpos + (try f.u16(gpos + 8))

        // The default language system of 'latn', else of 'DFLT'.
        var langSys: Int?
        let scripts = try f.u16(scriptList)
        for wanted in ["latn", "DFLT"] where langSys == nil {
            for i in 0..<scripts where try f.tag(scriptList + 2 + 6 * i) == wanted {
                let script = scriptList + (try f.u16(scriptList + 2 + 6 * i + 4))
                let defaultOffset = try f.u16(script)
                if defaultOffset != 0 { langSys = script + defaultOffset }
            }
        }
        guard let langSys else { return false }
        var lookups = Set<Int>()
        let featureCount = try f.u16(langSys + 4)
        for i in 0..<featureCount {
            let feature = try f.u16(langSys + 6 + 2 * i)
            let record = featureList + 2 + 6 * feature
            guard try f.tag(record) == "kern" else { continue }
            let table = featureList + (try f.u16(record + 4))
            let count = try f.u16(table + 2)
            for k in 0..<count { lookups.insert(try f.u16(table + 4 + 2 * k)) }
        }
        guard !lookups.isEmpty else { return false }

        let n = matrix.size
        let glyphs = matrix.glyphs
        var any = false
        var work = WorkLimit()
        // Subtables and their coverage and class tables, by offset: a damaged font may name one many times.
        var coverages: [Int: Coverage] = [:]
        var classDefinitions: [Int: ClassDefinition] = [:]
        func coverage(at offset: Int) throws -> Coverage {
            if let known = coverages[offset] { return known }
            let made = try Coverage(f, offset)
            try work.spend(made.count)
            coverages[offset] = made
            return made
        }
        func classDefinition(at offset: Int) throws -> ClassDefinition {
            if let known = classDefinitions[offset] { return known }
            let made = try ClassDefinition(f, offset)
            try work.spend(made.count)
            classDefinitions[offset] = made
            return made
        }
        var decided = [Bool](repeating: false, count: n * n)
        let lookupCount = try f.u16(lookupList)
        for lookupIndex in lookups.sorted() where lookupIndex < lookupCount {
            let lookup = lookupList + (try f.u16(lookupList + 2 + 2 * lookupIndex))
            var type = try f.u16(lookup)
            let subtableCount = try f.u16(lookup + 4)
            for k in 0..<decided.count { decided[k] = false }
            try work.spend(decided.count)
            // Within a lookup a subtable read twice changes nothing: its pairs are decided.
            var seen = Set<Int>()
            for s in 0..<subtableCount {
                var sub = lookup + (try f.u16(lookup + 6 + 2 * s))
                if type == 9 {
                    type = try f.u16(sub + 2)
                    sub += try f.u32(sub + 4)
                }
                guard type == 2, seen.insert(sub).inserted else { continue }
                let format = try f.u16(sub)
                let coverage = try coverage(at: sub + (try f.u16(sub + 2)))
                let format1 = try f.u16(sub + 4)
                let format2 = try f.u16(sub + 6)
                let size1 = 2 * format1.nonzeroBitCount
                let size2 = 2 * format2.nonzeroBitCount
                // Only the first glyph's x advance is a kerning value; placements are left out.
                let advanceAt = format1 & 4 != 0 ? 2 * (format1 & 3).nonzeroBitCount : -1
                if format == 1 {
                    let setCount = try f.u16(sub + 8)
                    for (a, g) in glyphs.enumerated() {
                        guard let covered = coverage.index(of: g), covered < setCount else { continue }
                        let pairSet = sub + (try f.u16(sub + 10 + 2 * covered))
                        let pairs = try f.u16(pairSet)
                        try work.spend(pairs)
                        let recordSize = 2 + size1 + size2
                        for p in 0..<pairs {
                            let record = pairSet + 2 + recordSize * p
                            let b = matrix.row(UInt16(try f.u16(record)))
                            guard b >= 0, !decided[a * n + b] else { continue }
                            decided[a * n + b] = true
                            if advanceAt >= 0 {
                                let v = try f.i16(record + 2 + advanceAt)
                                if v != 0 {
                                    matrix.add(row: a, column: b, v)
                                    any = true
                                }
                            }
                        }
                    }
                } else if format == 2 {
                    let classDef1 = try classDefinition(at: sub + (try f.u16(sub + 8)))
                    let classDef2 = try classDefinition(at: sub + (try f.u16(sub + 10)))
                    let class1Count = try f.u16(sub + 12)
                    let class2Count = try f.u16(sub + 14)
                    let recordSize = size1 + size2
                    let secondClasses = glyphs.map { classDef2.classOf($0) }
                    for (a, g) in glyphs.enumerated() {
                        guard coverage.index(of: g) != nil else { continue }
                        let c1 = classDef1.classOf(g)
                        guard c1 < class1Count else { continue }
                        try work.spend(n)
                        for b in 0..<n where !decided[a * n + b] {
                            // A covered first glyph decides the pair in this subtable, even with a zero value.
                            decided[a * n + b] = true
                            let c2 = secondClasses[b]
                            guard advanceAt >= 0, c2 < class2Count else { continue }
                            let v = try f.i16(sub + 16 + (c1 * class2Count + c2) * recordSize + advanceAt)
                            if v != 0 {
                                matrix.add(row: a, column: b, v)
                                any = true
                            }
                        }
                    }
                }
            }
        }
        return any
    }

    /// An OpenType coverage table: glyph → coverage index.
    struct Coverage {
        private var map: [UInt16: Int] = [:]
        private var listed = 0
        /// Glyphs listed (at most 65,536: ranges of a sound table do not overlap).
        var count: Int { listed }

        private mutating func covering(_ glyphs: Int) throws {
            listed += glyphs
            if listed > 0x10000 { throw FontError.invalid("GPOS: overlappende glyphbereiken") }
        }

        init(_ f: FontBytes, _ offset: Int) throws {
            let format = try f.u16(offset)
            let count = try f.u16(offset + 2)
            if format == 1 {
                for i in 0..<count { map[UInt16(try f.u16(offset + 4 + 2 * i))] = i }
                listed = count
            } else if format == 2 {
                for i in 0..<count {
                    let r = offset + 4 + 6 * i
                    let start = try f.u16(r)
                    let end = try f.u16(r + 2)
                    let first = try f.u16(r + 4)
                    guard start <= end else { continue }
                    try covering(end - start + 1)
                    for g in start...end { map[UInt16(g)] = first + g - start }
                }
            }
        }

        func index(of glyph: UInt16) -> Int? { map[glyph] }
    }

    /// An OpenType class definition: glyph → class (0 when not listed).
    struct ClassDefinition {
        private var map: [UInt16: Int] = [:]
        private var listed = 0
        /// Glyphs listed (at most 65,536: ranges of a sound table do not overlap).
        var count: Int { listed }

        private mutating func covering(_ glyphs: Int) throws {
            listed += glyphs
            if listed > 0x10000 { throw FontError.invalid("GPOS: overlappende glyphbereiken") }
        }

        init(_ f: FontBytes, _ offset: Int) throws {
            let format = try f.u16(offset)
            if format == 1 {
                let start = try f.u16(offset + 2)
                let count = try f.u16(offset + 4)
                for i in 0..<count { map[UInt16(truncatingIfNeeded: start + i)] = try f.u16(offset + 6 + 2 * i) }
                listed = count
            } else if format == 2 {
                let count = try f.u16(offset + 2)
                for i in 0..<count {
                    let r = offset + 4 + 6 * i
                    let start = try f.u16(r)
                    let end = try f.u16(r + 2)
                    let value = try f.u16(r + 4)
                    guard start <= end else { continue }
                    try covering(end - start + 1)
                    for g in start...end { map[UInt16(g)] = value }
                }
            }
        }

        func classOf(_ glyph: UInt16) -> Int { map[glyph] ?? 0 }
    }
}

/// A bound on the steps a font table may cost us. A sound font's kerning takes a few million steps; a
/// damaged or hostile one can name the same large table from thousands of places (each offset is only
/// two bytes) and would keep the build busy for hours. Beyond the bound the font is refused.
struct WorkLimit {
    static let steps = 50_000_000
    private var left = WorkLimit.steps

    mutating func spend(_ count: Int) throws {
        left -= count
        if left < 0 { throw FontError.invalid("de kerningtabellen vragen te veel werk (beschadigd lettertype?)") }
    }
}
