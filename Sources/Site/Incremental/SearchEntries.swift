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

    /// The index file, in search order: themes, the best practices in list order, the rest.
    func document() -> [UInt8] {
        let orders = others.keys.sorted()
        var sorted: [[UInt8]] = []
        sorted.reserveCapacity(orders.count + practices.count)
        var next = orders.startIndex
        while next < orders.endIndex, orders[next] < SearchOrder.bestPractice {
            sorted.append(others[orders[next]]!)
            next += 1
        }
        for entry in practices { if let entry { sorted.append(entry) } }
        for order in orders[next...] { sorted.append(others[order]!) }
        return SearchCollector.document(sorted)
    }
}
