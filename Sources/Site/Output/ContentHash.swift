/// A 64-bit hash of file contents, the same in every process (unlike Swift's `Hasher`, which is seeded per
/// process), so a build can tell from a manifest whether an output file needs writing again. It reads
/// eight bytes at a time: hashing a site's output costs a fraction of writing it.
enum ContentHash {
    private static let p0: UInt64 = 0xa076_1d64_78bd_642f
    private static let p1: UInt64 = 0xe703_7ed1_a0b4_28db

    @inline(__always)
    private static func mix(_ a: UInt64, _ b: UInt64) -> UInt64 {
        let product = a.multipliedFullWidth(by: b)
        return product.high ^ product.low
    }

    static func of(_ bytes: [UInt8]) -> UInt64 {
        bytes.withUnsafeBytes { of($0) }
    }

    static func of(_ raw: UnsafeRawBufferPointer) -> UInt64 {
        var hash = mix(UInt64(raw.count) ^ p0, p1)
        var offset = 0
        let count = raw.count
        while offset + 8 <= count {
            hash = mix(hash ^ raw.loadUnaligned(fromByteOffset: offset, as: UInt64.self), p0)
            offset += 8
        }
        var tail: UInt64 = 0
        var shift: UInt64 = 0
        while offset < count {
            tail |= UInt64(raw[offset]) << shift
            shift += 8
            offset += 1
        }
        hash = mix(hash ^ tail, p1)
        // 0 means "contents unknown" in the output trees.
        return hash == 0 ? 1 : hash
    }

    /// Combines hashes in order (the hash of a file made of parts with their own hashes).
    static func combine(_ hashes: [UInt64]) -> UInt64 {
        var hash = mix(UInt64(hashes.count) ^ p1, p0)
        for part in hashes { hash = mix(hash ^ part, p0) }
        return hash == 0 ? 1 : hash
    }
}
