/// Distributes the flow of slices over pages. It breaks only where a slice allows it: when the next
/// slice does not fit and may not be separated from what precedes it, the break moves back to the
/// last allowed point on the page (a heading goes along with its first lines; a paragraph leaves at
/// least two lines on each page). A page that starts with a table row gets the table's header first.
struct Paginator {
    /// Height available for the flow on each page.
    let contentHeight: Double
    /// Distance from the top of the page to the flow.
    let top: Double

    func paginate(_ slices: [Slice]) -> [[PlacedSlice]] {
        var pages: [[PlacedSlice]] = []
        var current: [Int] = []
        var header: [Slice] = []
        var used = 0.0

        func close() {
            var placed: [PlacedSlice] = []
            var y = top
            for var slice in header {
                slice.isRepeat = true
                placed.append(PlacedSlice(slice: slice, top: y))
                y += slice.height
            }
            for (n, index) in current.enumerated() {
                let slice = slices[index]
                if n > 0 { y += slice.spaceBefore }
                placed.append(PlacedSlice(slice: slice, top: y))
                y += slice.height
            }
            pages.append(placed)
            current = []
            header = []
            used = 0
        }

        var i = 0
        while i < slices.count {
            let slice = slices[i]
            if current.isEmpty {
                // The first slice of a page always goes on it, so every step makes progress.
                header = slice.repeatedHeader ?? []
                used = header.reduce(0) { $0 + $1.height } + slice.height
                current.append(i)
                i += 1
                continue
            }
            if slice.newPageBefore {
                close()
                continue
            }
            let needed = slice.spaceBefore + slice.height
            if used + needed <= contentHeight + 0.001 {
                current.append(i)
                used += needed
                i += 1
                continue
            }
            // Overflow: break before this slice, or at the last allowed point on the page.
            var cut = current.count
            if !slice.breakAllowedBefore {
                var j = current.count - 1
                while j >= 1 && !slices[current[j]].breakAllowedBefore { j -= 1 }
                if j >= 1 { cut = j }
            }
            let resume = cut < current.count ? current[cut] : i
            current.removeLast(current.count - cut)
            close()
            i = resume
        }
        if !current.isEmpty { close() }
        return pages
    }
}
