import Search

/// The search records of a live preview's build and the index pages read from them, in record order,
/// kept for the next build. An edit nearly always leaves the records in the same order (it changes one
/// practice), so the next build finds them by place; a map by URL or by item is made only when the order
/// changed (a practice came or went). Kept as arrays, the state costs the build no copy of its records.
struct KeptSearch {
    var records: [SearchRecord] = []
    var pages: [IndexedPage] = []
    /// The theme titles the records were made with (a practice's record names its themes).
    var themes: [String: String] = [:]
    var practiceIDs: [ItemID] = []
    /// Where the first practice's record is (the themes' records come first).
    var firstPractice = 0

    /// Where the record of the practice `ids[k]` is, as a function of `k` (nil when it has none); nil when
    /// nothing is kept.
    func practicePlaces(for ids: [ItemID]) -> ((Int) -> Int?)? {
        guard !records.isEmpty else { return nil }
        let first = firstPractice
        if ids == practiceIDs { return { first + $0 } }
        var place: [ItemID: Int] = [:]
        place.reserveCapacity(practiceIDs.count)
        for (k, id) in practiceIDs.enumerated() { place[id] = first + k }
        return { place[ids[$0]] }
    }

    /// Where the kept record with the URL of the k-th of `new` is, as a function of `k` and that URL.
    func recordPlaces(for new: [SearchRecord]) -> (Int, String) -> Int? {
        if records.isEmpty { return { _, _ in nil } }
        if new.count == records.count && new.indices.allSatisfy({ new[$0].url == records[$0].url }) {
            return { k, _ in k }
        }
        var place: [String: Int] = [:]
        place.reserveCapacity(records.count)
        for (k, record) in records.enumerated() { place[record.url] = k }
        return { _, url in place[url] }
    }
}
