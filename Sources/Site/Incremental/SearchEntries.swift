/// The search index's entries kept between incremental builds: the best practices' entries in the order
/// of their build's knowledge base (an edit that moves a practice moves its entry along, see
/// `realigned`), the other pages' by their search order.
struct SearchEntries {
    var practices: [[UInt8]?] = []
    var others: [Int: [UInt8]] = [:]

    /// Room for `practiceCount` best practices, none kept yet.
    init(practiceCount: Int = 0) {
        practices = [[UInt8]?](repeating: nil, count: practiceCount)
    }

    /// Takes the entries a build collected (by search order; best practices by their place in the list),
    /// replacing those of the same pages.
    mutating func merge(_ collected: [Int: [UInt8]]) {
        let band = SearchOrder.bestPractice..<(SearchOrder.bestPractice + practices.count)
        for (order, json) in collected {
            if band.contains(order) { practices[order - band.lowerBound] = json } else { others[order] = json }
        }
    }

    /// The entries after in-place edits moved practices: `previousPosition` gives per practice its place
    /// in the list these entries follow, or -1 (an edited practice, whose entry is collected anew).
    func realigned(_ previousPosition: [Int]) -> SearchEntries {
        var moved = SearchEntries()
        moved.others = others
        moved.practices = previousPosition.map { $0 >= 0 ? practices[$0] : nil }
        return moved
    }

    /// The entries in search order: themes, the best practices in list order, the rest.
    func forEachEntry(_ body: ([UInt8]) throws -> Void) rethrows {
        let orders = others.keys.sorted()
        var next = orders.startIndex
        while next < orders.endIndex, orders[next] < SearchOrder.bestPractice {
            try body(others[orders[next]]!)
            next += 1
        }
        for entry in practices { if let entry { try body(entry) } }
        for order in orders[next...] { try body(others[order]!) }
    }

    /// The index file.
    func document() -> [UInt8] {
        var sorted: [[UInt8]] = []
        sorted.reserveCapacity(others.count + practices.count)
        forEachEntry { sorted.append($0) }
        return SearchCollector.document(sorted)
    }

    /// Writes the index file without assembling it in memory (it is many megabytes on a big site).
    func write(to path: String, in folder: String) throws {
        try StreamedFile.write(to: path, in: folder) { file in
            try file.append(SearchCollector.opening)
            var first = true
            try forEachEntry { entry in
                if !first { try file.append(SearchCollector.separator) }
                first = false
                try file.append(entry)
            }
            try file.append(SearchCollector.closing)
        }
    }
}
