import Glibc

/// A growable array of plain values (no references inside) in memory it allocates itself: reading and
/// writing an element is a plain memory access, without the reference counting, uniqueness checks and
/// bounds checks of `Array` (debug builds check bounds). It grows with `realloc`; large arrays ask
/// for huge pages (see `hugeThreshold`).
///
/// Copies share the memory: one owner grows it and finally calls `release()`, once. The parsers own
/// their arrays while they run; the finished `MarkdownDocument` owns them after that.
struct RawArray<Element> {
    private(set) var base: UnsafeMutablePointer<Element>
    private(set) var count = 0
    private(set) var capacity: Int

    init(capacity: Int) {
        self.capacity = max(capacity, 16)
        base = Self.allocate(self.capacity)
    }

    /// Blocks of at least this many bytes ask for huge pages: a 16 MB node arena then costs eight page
    /// faults instead of four thousand. (glibc serves such blocks with `mmap` and grows them with
    /// `mremap`, so growing never holds two copies.)
    private static var hugeThreshold: Int { 4 << 20 }

    private static func bytes(_ capacity: Int) -> Int { capacity * MemoryLayout<Element>.stride }

    private static func allocate(_ capacity: Int) -> UnsafeMutablePointer<Element> {
        guard let memory = malloc(bytes(capacity)) else { fatalError("out of memory") }
        adviseHugePages(memory, bytes(capacity))
        return memory.bindMemory(to: Element.self, capacity: capacity)
    }

    /// Asks for huge pages on the whole 2 MB pages inside a large block.
    private static func adviseHugePages(_ memory: UnsafeMutableRawPointer, _ size: Int) {
        guard size >= hugeThreshold else { return }
        let hugePage = 2 << 20
        let start = (Int(bitPattern: memory) + hugePage - 1) / hugePage * hugePage
        let end = (Int(bitPattern: memory) + size) / hugePage * hugePage
        if end > start { _ = madvise(UnsafeMutableRawPointer(bitPattern: start), end - start, MADV_HUGEPAGE) }
    }

    subscript(_ i: Int) -> Element {
        @inline(__always) unsafeAddress {
            assert(i >= 0 && i < count, "index \(i) out of range 0..<\(count)")
            return UnsafePointer(base + i)
        }
        @inline(__always) nonmutating unsafeMutableAddress {
            assert(i >= 0 && i < count, "index \(i) out of range 0..<\(count)")
            return base + i
        }
    }

    var isEmpty: Bool { count == 0 }
    var last: Element? { count > 0 ? base[count - 1] : nil }

    /// The elements as a buffer (valid until the array grows or is released).
    var buffer: UnsafeBufferPointer<Element> { UnsafeBufferPointer(start: base, count: count) }

    /// Makes room for `extra` more elements.
    @inline(__always) mutating func reserve(_ extra: Int) {
        if count + extra > capacity { grow(count + extra) }
    }

    private mutating func grow(_ needed: Int) {
        var newCapacity = capacity * 2
        while newCapacity < needed { newCapacity *= 2 }
        guard let memory = realloc(base, Self.bytes(newCapacity)) else { fatalError("out of memory") }
        Self.adviseHugePages(memory, Self.bytes(newCapacity))
        base = memory.bindMemory(to: Element.self, capacity: newCapacity)
        capacity = newCapacity
    }

    @inline(__always) mutating func append(_ element: Element) {
        if count == capacity { grow(count + 1) }
        (base + count).initialize(to: element)
        count += 1
    }

    mutating func append(contentsOf elements: UnsafeBufferPointer<Element>) {
        let n = elements.count
        guard n > 0 else { return }
        reserve(n)
        (base + count).initialize(from: elements.baseAddress!, count: n)
        count += n
    }

    /// Appends its own elements `s..<e` (which may move while it grows).
    mutating func appendOwn(_ s: Int, _ e: Int) {
        guard e > s else { return }
        reserve(e - s)
        (base + count).initialize(from: base + s, count: e - s)
        count += e - s
    }

    mutating func removeLast() { count -= 1 }

    /// Forgets the elements from `newCount` on.
    mutating func truncate(to newCount: Int) { count = min(count, newCount) }

    /// Frees the memory; the array must not be used after this.
    mutating func release() {
        free(base)
        count = 0
        capacity = 0
    }
}

extension RawArray where Element == UInt8 {
    @inline(__always) mutating func append(_ bytes: StaticString) {
        bytes.withUTF8Buffer { append(contentsOf: $0) }
    }

    mutating func append(contentsOf bytes: [UInt8]) {
        bytes.withUnsafeBufferPointer { append(contentsOf: $0) }
    }
}
