import Escaping
import Parallel

/// The search index as plain static files, split so that a query downloads only what it needs (the
/// layout Pagefind uses, in JSON that a few lines of JavaScript read; see `docs/search.md`):
///
/// - `entry.json`, the one file with a fixed name: the build's hash and its manifest's name. The
///   browser asks for it without cache; every other file's name carries the hash of its own bytes
///   (`fileHash`, 8 hex digits), so a name never stands for two contents, and a build that changed one
///   page leaves the names (and the files) of the shards and fragments without that page alone.
/// - `manifest-h.json`: the build's hash, the number of pages, the size of a fragment group, the kinds
///   and themes the filters offer, the first stem of every word shard (shard i holds the stems from its
///   first up to the next shard's first), the file hashes of the shards and of the fragment groups (8
///   characters each, one string per kind) and the name of the filters file.
/// - `s-i-h.json`: word shard i, `{"stem":[d,w,p, d,w,p, …], …}` with stems in byte order; per page
///   holding the stem: the page number as the difference from the one before, the packed weights
///   (`IndexedPage.Weights`) and the number of the body word it first occurs as.
/// - `f-g-h.json`: the fragments (title, URL, kind, summary, themes) of pages g·G ..< (g+1)·G.
/// - `filters-h.json`: per kind and per theme, its pages (differences, as in the shards); fetched only
///   when a filter is chosen.
///
/// Pages are numbered in title order, so pages of equal rank appear by title without their fragments.
public enum ShardedIndex {
    /// The format's version, in the entry and the manifest; the JavaScript refuses others.
    public static let version = 1
    /// A shard is closed once it holds this many bytes (a stem's postings are never split).
    public static let defaultShardBytes = 16_000
    /// Pages per fragment file.
    public static let defaultGroupSize = 10

    /// The name of the one file whose name does not change.
    public static let entryName = "entry.json"

    /// The index of `pages` (in any order), as files under `folder` ("zoeken/index/"), each handed to
    /// `emit` (path, bytes) as soon as it is made, so that they are never all in memory. Returns the
    /// build's hash.
    @discardableResult
    public static func write(
        _ pages: [IndexedPage], folder: String, shardBytes: Int = defaultShardBytes,
        groupSize: Int = defaultGroupSize, emit: (String, [UInt8]) throws -> Void
    ) rethrows -> String {
        try write(
            pages, folder: folder, shardBytes: shardBytes, groupSize: groupSize,
            layoutRuns: min(Parallel.cores, max(1, pages.count / 1_024)), emit: emit)
    }

    /// `write`, laying the postings out in `layoutRuns` runs of pages at once (tests: any number gives the
    /// same files).
    @discardableResult
    static func write(
        _ pages: [IndexedPage], folder: String, shardBytes: Int, groupSize: Int, layoutRuns: Int,
        emit: (String, [UInt8]) throws -> Void
    ) rethrows -> String {
        let order = pages.indices.sorted { a, b in
            let (x, y) = (pages[a], pages[b])
            if x.sortKey != y.sortKey { return x.sortKey.lexicographicallyPrecedes(y.sortKey) }
            if x.title != y.title { return x.title < y.title }
            return a < b
        }
        var hash: UInt64 = UInt64(version) &* 0x9E37_79B9_7F4A_7C15 ^ UInt64(shardBytes) << 20 ^ UInt64(groupSize)
        for index in order { hash = IndexedPage.mix(hash, pages[index].hash) }
        let build = hex(hash)

        // Every page's postings, stem by stem, in page order, in one flat array (three numbers a posting):
        // the stems' postings are counted first, so that no stem has an array of its own with room to grow.
        // The pages are then laid out in a few runs of pages at once: each run's postings of a stem follow
        // those of the runs before, so every run knows where its own go (from the counts at its start) and
        // the runs write apart. Laying out is most of the join's time, spent waiting for memory (a stem's
        // postings are far from the next stem's), which other cores wait for alongside.
        let runs = max(1, min(layoutRuns, order.count))
        let runStarts = (0...runs).map { order.count * $0 / runs }
        let stemIDs = KeyMap(capacity: 8_192)
        var stems: [[UInt8]] = []
        var starts: [Int] = []
        var countsBeforeRun: [[Int]] = []
        for (number, index) in order.enumerated() {
            if countsBeforeRun.count + 1 < runs, number == runStarts[countsBeforeRun.count + 1] {
                countsBeforeRun.append(starts)
            }
            let page = pages[index]
            for k in page.keys.indices {
                let id = stemIDs.value(for: page.keys[k])
                if id < 0 {
                    stemIDs.set(page.keys[k], stems.count)
                    stems.append(StemNames.shared.stem(page.keys[k]))
                    starts.append(1)
                } else {
                    starts[id] += 1
                }
            }
        }
        var total = 0
        for id in starts.indices { (starts[id], total) = (total, total + 3 * starts[id]) }
        starts.append(total)
        // Where each run's postings of each stem begin.
        var runCursors = [starts]
        for counts in countsBeforeRun {
            var cursors = starts
            for id in counts.indices { cursors[id] += 3 * counts[id] }
            runCursors.append(cursors)
        }
        countsBeforeRun = []
        let postings = [UInt32](unsafeUninitializedCapacity: total) { out, count in
            let base = UInt(bitPattern: out.baseAddress)
            Parallel.forEach(runs, threads: runs) { run in
                guard let out = UnsafeMutablePointer<UInt32>(bitPattern: base) else { return }
                var filled = runCursors[run]
                filled.withUnsafeMutableBufferPointer { filled in
                    for number in runStarts[run]..<runStarts[run + 1] {
                        let page = pages[order[number]]
                        page.keys.withUnsafeBufferPointer { keys in
                            for k in keys.indices {
                                let id = stemIDs.value(for: keys[k])
                                let at = filled[id]
                                out[at] = UInt32(number)
                                out[at + 1] = page.weights[k]
                                out[at + 2] = page.positions[k]
                                filled[id] = at + 3
                            }
                        }
                    }
                }
            }
            count = total
        }
        runCursors = []
        let sorted = stems.indices.sorted { stems[$0].lexicographicallyPrecedes(stems[$1]) }

        var firsts: [[UInt8]] = []
        var shardHashes: [UInt8] = []
        var shard: [UInt8] = []
        func closeShard() throws {
            shard.append(UInt8(ascii: "}"))
            shard.append(0x0A)
            let name = fileHash(shard)
            shardHashes += name.utf8
            try emit(folder + "s-\(firsts.count - 1)-\(name).json", shard)
            shard = []
        }
        for id in sorted {
            if shard.isEmpty {
                firsts.append(stems[id])
                shard.reserveCapacity(shardBytes + 1_024)
                shard.append(UInt8(ascii: "{"))
            } else {
                shard.append(UInt8(ascii: ","))
            }
            shard.append(UInt8(ascii: "\""))
            shard.append(contentsOf: stems[id])  // a-z0-9 only
            shard.append(contentsOf: "\":[".utf8)
            appendDifferences(postings[starts[id]..<starts[id + 1]], stride: 3, to: &shard)
            shard.append(UInt8(ascii: "]"))
            if shard.count >= shardBytes { try closeShard() }
        }
        if !shard.isEmpty { try closeShard() }

        // The fragments, a group of pages per file.
        var groupHashes: [UInt8] = []
        var group: [UInt8] = []
        for (number, index) in order.enumerated() {
            group.append(number % groupSize == 0 ? UInt8(ascii: "[") : UInt8(ascii: ","))
            group.append(contentsOf: pages[index].fragment)
            if number % groupSize == groupSize - 1 || number == order.count - 1 {
                group.append(contentsOf: "]\n".utf8)
                let name = fileHash(group)
                groupHashes += name.utf8
                try emit(folder + "f-\(number / groupSize)-\(name).json", group)
                group = []
            }
        }

        // The filters: kinds in the order first met in `pages` (the caller's order), themes likewise.
        var kinds: [String] = []
        var themes: [String] = []
        var kindNumber: [String: Int] = [:]
        var themeNumber: [String: Int] = [:]
        for page in pages {
            if kindNumber[page.filterKind] == nil {
                kindNumber[page.filterKind] = kinds.count
                kinds.append(page.filterKind)
            }
            for theme in page.themes where themeNumber[theme] == nil {
                themeNumber[theme] = themes.count
                themes.append(theme)
            }
        }
        var kindPages = [[UInt32]](repeating: [], count: kinds.count)
        var themePages = [[UInt32]](repeating: [], count: themes.count)
        for (number, index) in order.enumerated() {
            kindPages[kindNumber[pages[index].filterKind]!].append(UInt32(number))
            for theme in Set(pages[index].themes).sorted() { themePages[themeNumber[theme]!].append(UInt32(number)) }
        }
        var filters: [UInt8] = Array("{\"kinds\":[".utf8)
        appendLists(kindPages, to: &filters)
        filters.append(contentsOf: "],\"themes\":[".utf8)
        appendLists(themePages, to: &filters)
        filters.append(contentsOf: "]}\n".utf8)
        let filtersName = "filters-\(fileHash(filters)).json"
        try emit(folder + filtersName, filters)

        var manifest: [UInt8] = Array(
            "{\"v\":\(version),\"build\":\"\(build)\",\"pages\":\(order.count),\"group\":\(groupSize),\"kinds\":".utf8)
        JSONEscaper.appendArray(kinds, style: .htmlSafe, to: &manifest)
        manifest.append(contentsOf: ",\"themes\":".utf8)
        JSONEscaper.appendArray(themes, style: .htmlSafe, to: &manifest)
        manifest.append(contentsOf: ",\"shards\":[".utf8)
        for (k, first) in firsts.enumerated() {
            if k > 0 { manifest.append(UInt8(ascii: ",")) }
            manifest.append(UInt8(ascii: "\""))
            // The first shard covers everything before the second: its range starts at "".
            if k > 0 { manifest.append(contentsOf: first) }
            manifest.append(UInt8(ascii: "\""))
        }
        manifest.append(contentsOf: "],\"shardHashes\":\"".utf8)
        manifest += shardHashes
        manifest.append(contentsOf: "\",\"groupHashes\":\"".utf8)
        manifest += groupHashes
        manifest.append(contentsOf: "\",\"filters\":\"\(filtersName)\"}\n".utf8)
        let manifestName = "manifest-\(fileHash(manifest)).json"
        try emit(folder + manifestName, manifest)
        try emit(
            folder + entryName,
            Array("{\"v\":\(version),\"build\":\"\(build)\",\"manifest\":\"\(manifestName)\"}\n".utf8))
        return build
    }

    /// Numbers in groups of `stride`, the first of each group written as the difference from the first
    /// of the group before, separated by commas. The digits are written into room made for the longest
    /// numbers and copied over at once: the shards hold millions of numbers, and appending them a byte or
    /// a slice at a time cost more than the rest of the join.
    private static func appendDifferences(_ values: ArraySlice<UInt32>, stride: Int, to out: inout [UInt8]) {
        guard !values.isEmpty else { return }
        let digits = values.withUnsafeBufferPointer { values in
            // At most 10 digits and a comma a number.
            [UInt8](unsafeUninitializedCapacity: values.count * 11) { buffer, count in
                var at = 0
                var last: UInt32 = 0
                var k = 0
                while k < values.count {
                    if k > 0 {
                        buffer[at] = UInt8(ascii: ",")
                        at += 1
                    }
                    at = writeNumber(values[k] &- last, to: buffer, at: at)
                    last = values[k]
                    var j = 1
                    while j < stride {
                        buffer[at] = UInt8(ascii: ",")
                        at = writeNumber(values[k + j], to: buffer, at: at + 1)
                        j += 1
                    }
                    k += stride
                }
                count = at
            }
        }
        out.append(contentsOf: digits)
    }

    private static func appendLists(_ lists: [[UInt32]], to out: inout [UInt8]) {
        for (k, list) in lists.enumerated() {
            if k > 0 { out.append(UInt8(ascii: ",")) }
            out.append(UInt8(ascii: "["))
            appendDifferences(list[...], stride: 1, to: &out)
            out.append(UInt8(ascii: "]"))
        }
    }

    /// Writes the decimal digits of `value` at `at`; returns the place after them.
    @inline(__always)
    private static func writeNumber(_ value: UInt32, to buffer: UnsafeMutableBufferPointer<UInt8>, at: Int) -> Int {
        if value < 10 {
            buffer[at] = 0x30 &+ UInt8(truncatingIfNeeded: value)
            return at + 1
        }
        var length = 2
        var limit: UInt32 = 100
        while length < 10, value >= limit {
            length += 1
            limit &*= 10
        }
        var rest = value
        var place = at + length - 1
        while place >= at {
            buffer[place] = 0x30 &+ UInt8(truncatingIfNeeded: rest % 10)
            rest /= 10
            place -= 1
        }
        return at + length
    }

    /// The characters of a file's own hash in its name: a file keeps its name while its bytes stay the
    /// same (a build that changed one page rewrites only the files that page is in) and gets a new one
    /// when they change, so a browser's cache never mixes two builds.
    public static let fileHashLength = 8

    /// The name part of a file with `bytes`: a hash taken eight bytes at a time (the index is tens of
    /// megabytes at 10,000 pages), `fileHashLength` hex digits.
    public static func fileHash(_ bytes: [UInt8]) -> String {
        let hash = bytes.withUnsafeBytes { raw -> UInt64 in
            var hash = UInt64(raw.count)
            var offset = 0
            while offset + 8 <= raw.count {
                hash = IndexedPage.mix(hash, raw.loadUnaligned(fromByteOffset: offset, as: UInt64.self))
                offset += 8
            }
            var tail: UInt64 = 0
            while offset < raw.count {
                tail = tail << 8 | UInt64(raw[offset])
                offset += 1
            }
            return IndexedPage.mix(hash, tail)
        }
        return String(hex(hash).prefix(fileHashLength))
    }

    private static func hex(_ value: UInt64) -> String {
        let digits = Array("0123456789abcdef".utf8)
        var out: [UInt8] = []
        for shift in stride(from: 60, through: 0, by: -4) { out.append(digits[Int((value >> UInt64(shift)) & 0xF)]) }
        return String(decoding: out.prefix(12), as: UTF8.self)
    }
}
