import ContentModel

/// The search index's entries kept between incremental builds. A best practice's entry is kept by its
/// slug, not by its search order: the order is its place in the list, which an edit of another practice
/// can shift, and a kept entry must follow its practice. Other pages keep their search order.
struct SearchEntries {
    var practices: [String: [UInt8]] = [:]
    var others: [Int: [UInt8]] = [:]

    /// Takes the entries a build collected (by search order; best practices by their place in `kb`),
    /// replacing those of the same pages.
    mutating func merge(_ collected: [Int: [UInt8]], kb: KnowledgeBase) {
        let band = SearchOrder.bestPractice..<(SearchOrder.bestPractice + kb.bestPractices.count)
        for (order, json) in collected {
            if band.contains(order) {
                practices[kb.bestPractices[order - band.lowerBound].slug] = json
            } else {
                others[order] = json
            }
        }
    }

    /// The index file, in search order: themes, the best practices in list order, the rest.
    func document(kb: KnowledgeBase) -> [UInt8] {
        let orders = others.keys.sorted()
        var sorted: [[UInt8]] = []
        sorted.reserveCapacity(orders.count + kb.bestPractices.count)
        var next = orders.startIndex
        while next < orders.endIndex, orders[next] < SearchOrder.bestPractice {
            sorted.append(others[orders[next]]!)
            next += 1
        }
        for practice in kb.bestPractices.indices {
            if let entry = practices[kb.bestPractices[practice].slug] { sorted.append(entry) }
        }
        for order in orders[next...] { sorted.append(others[order]!) }
        return SearchCollector.document(sorted)
    }
}
