/// Huffman code lengths and canonical codes for deflate (RFC 1951, 3.2.2).
enum HuffmanCode {
    /// Code lengths for the given symbol frequencies, none longer than `limit`; unused symbols get 0.
    /// When the optimal code is too deep, the frequencies are flattened (halved, keeping every used
    /// symbol at least 1) and the code built again: slightly less than optimal, always valid.
    static func lengths(_ frequencies: [Int], limit: Int) -> [UInt8] {
        var weights = frequencies
        while true {
            let lengths = unlimitedLengths(weights)
            if (lengths.max() ?? 0) <= limit { return lengths }
            weights = weights.map { $0 == 0 ? 0 : max($0 >> 1, 1) }
        }
    }

    /// Plain Huffman: repeatedly join the two lightest trees; a symbol's length is its depth.
    private static func unlimitedLengths(_ frequencies: [Int]) -> [UInt8] {
        var lengths = [UInt8](repeating: 0, count: frequencies.count)
        let used = frequencies.indices.filter { frequencies[$0] > 0 }
        if used.count == 1 {
            lengths[used[0]] = 1
            return lengths
        }
        if used.isEmpty { return lengths }
        // Nodes: leaves first, then internal nodes; parent links give the depths.
        var weight = used.map { frequencies[$0] }
        var parent = [Int](repeating: -1, count: used.count * 2)
        // A binary heap of node indices ordered by weight (ties by index, for deterministic output).
        var heap: [Int] = []
        func less(_ a: Int, _ b: Int) -> Bool { weight[a] != weight[b] ? weight[a] < weight[b] : a < b }
        func push(_ node: Int) {
            heap.append(node)
            var i = heap.count - 1
            while i > 0 {
                let p = (i - 1) / 2
                if less(heap[i], heap[p]) {
                    heap.swapAt(i, p)
                    i = p
                } else {
                    break
                }
            }
        }
        func pop() -> Int {
            let top = heap[0]
            let last = heap.removeLast()
            if !heap.isEmpty {
                heap[0] = last
                var i = 0
                while true {
                    let l = 2 * i + 1
                    let r = l + 1
                    var m = i
                    if l < heap.count && less(heap[l], heap[m]) { m = l }
                    if r < heap.count && less(heap[r], heap[m]) { m = r }
                    if m == i { break }
                    heap.swapAt(i, m)
                    i = m
                }
            }
            return top
        }
        for node in 0..<used.count { push(node) }
        while heap.count > 1 {
            let a = pop()
            let b = pop()
            let node = weight.count
            weight.append(weight[a] + weight[b])
            parent[a] = node
            parent[b] = node
            push(node)
        }
        for (leaf, symbol) in used.enumerated() {
            var depth = 0
            var node = leaf
            while parent[node] >= 0 {
                node = parent[node]
                depth += 1
            }
            lengths[symbol] = UInt8(min(depth, 255))
        }
        return lengths
    }

    /// Canonical codes for the lengths: shorter codes first, equal lengths in symbol order.
    static func canonicalCodes(_ lengths: [UInt8]) -> [UInt16] {
        var count = [Int](repeating: 0, count: 16)
        for l in lengths where l > 0 { count[Int(l)] += 1 }
        var next = [Int](repeating: 0, count: 16)
        var code = 0
        for bits in 1..<16 {
            code = (code + count[bits - 1]) << 1
            next[bits] = code
        }
        return lengths.map { l in
            guard l > 0 else { return 0 }
            defer { next[Int(l)] += 1 }
            return UInt16(next[Int(l)])
        }
    }
}
