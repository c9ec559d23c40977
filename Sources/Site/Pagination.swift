/// Splits a long list over pages of a fixed size and describes the links between them.
public struct Pagination: Sendable {
    public let total: Int
    public let perPage: Int

    public init(total: Int, perPage: Int) {
        self.total = total
        self.perPage = max(1, perPage)
    }

    /// Always at least one page, so an empty list still gets its (empty) page.
    public var pageCount: Int { max(1, (total + perPage - 1) / perPage) }

    /// The item indices on page `number` (1-based).
    public func range(ofPage number: Int) -> Range<Int> {
        let start = min(total, (number - 1) * perPage)
        return start..<min(total, start + perPage)
    }

    /// The page numbers a navigation bar shows: the first, the last and two around the current one,
    /// with `nil` for a gap ("…").
    public func visiblePages(around current: Int) -> [Int?] {
        let count = pageCount
        var shown: [Int] = []
        for n in [1, current - 2, current - 1, current, current + 1, current + 2, count] where n >= 1 && n <= count {
            if !shown.contains(n) { shown.append(n) }
        }
        shown.sort()
        var result: [Int?] = []
        for n in shown {
            if let last = result.last ?? nil, n > last + 1 { result.append(nil) }
            result.append(n)
        }
        return result
    }
}
