import ContentModel
import Foundation

/// A content item as a page reads it: reading a field (`practice.title`) records that field, with its
/// value, in the current page's reads.
@dynamicMemberLookup
struct Tracked<Item>: @unchecked Sendable {
    /// The item itself; reading it directly records nothing.
    let item: Item
    let id: ItemID

    subscript<V: Equatable & Sendable>(dynamicMember path: KeyPath<Item, V>) -> V {
        let value = item[keyPath: path]
        if let reads = PageReads.current, reads.recording {
            reads.note(.field(id, FieldTable.shared.id(path)), value: value)
        }
        return value
    }
}

extension Tracked where Item: Equatable & Sendable {
    /// The whole item, recorded as one read: for code that takes the item itself (the page's description
    /// for search engines), so that any change of the item counts.
    var whole: Item { self[dynamicMember: \Item.self] }
}

extension Tracked where Item: ContentItem {
    /// The item's content file: its identity (`id` is its number), so reading it records nothing.
    var file: String { item.info.file }
}

/// The items of one list of a build, made once per build and shared by every page that reads it.
final class ListData<Item: ContentItem>: @unchecked Sendable {
    let key: ListKey
    /// The items; `indices` (when given) picks the list's items from them, in order.
    private let base: [Item]
    private let indices: [Int]?
    let ids: [ItemID]
    /// Item → place.
    let positions: [ItemID: Int]

    /// `positions`, when given, are those of `ids` (taken from a list of the same items).
    init(_ key: ListKey, base: [Item], indices: [Int]? = nil, ids: [ItemID], positions: [ItemID: Int]? = nil) {
        self.key = key
        self.base = base
        self.indices = indices
        self.ids = ids
        if let positions {
            self.positions = positions
            return
        }
        var positions: [ItemID: Int] = [:]
        positions.reserveCapacity(ids.count)
        for (i, id) in ids.enumerated() where positions[id] == nil { positions[id] = i }
        self.positions = positions
    }

    var count: Int { ids.count }

    /// The same list of the same items, in their newer versions (`base` has them at the same places).
    func rebased(on base: [Item]) -> ListData<Item> {
        ListData(key, base: base, indices: indices, ids: ids, positions: positions)
    }

    func item(at position: Int) -> Item { indices.map { base[$0[position]] } ?? base[position] }

    /// The items within `radius` places of `item` (itself left out), -1 past either end; empty when `item`
    /// is not in the list.
    func window(around item: ItemID, radius: Int) -> [ItemID] {
        listWindow(ids, positions, around: item, radius: radius)
    }

    /// Where the item at `position` stands in the items the list picks from.
    func baseIndex(at position: Int) -> Int { indices?[position] ?? position }

    /// The place of the item with `slug`, if the list has one (a linear search: lists looked up by slug
    /// are the short ones).
    func position(ofSlug slug: String) -> Int? {
        (0..<count).first { item(at: $0).info.slug == slug }
    }
}

/// A list of items as a page reads it: each element taken records its place, the length read (every
/// loop reads it at its end) records the length, and `neighbour(of:offset:)` records a place relative to
/// an item, which stays the same when an item far away is added or removed.
struct TrackedList<Item: ContentItem>: RandomAccessCollection, @unchecked Sendable {
    let data: ListData<Item>

    var key: ListKey { data.key }
    var startIndex: Int { 0 }

    var endIndex: Int {
        if let reads = PageReads.current, reads.recording { reads.note(.count(data.key), value: data.count) }
        return data.count
    }

    subscript(position: Int) -> Tracked<Item> {
        if let reads = PageReads.current, reads.recording {
            reads.note(.element(data.key, position), value: data.ids[position])
        }
        return Tracked(item: data.item(at: position), id: data.ids[position])
    }

    /// The item `offset` places from `item` in this list (nil past either end, or when `item` is not in it).
    func neighbour(of item: ItemID, offset: Int) -> Tracked<Item>? {
        let found = data.positions[item].map { $0 + offset }.flatMap { (0..<data.count).contains($0) ? $0 : nil }
        if let reads = PageReads.current, reads.recording {
            if let found {
                reads.note(.neighbour(data.key, item, offset), value: data.ids[found])
            } else {
                reads.note(.neighbour(data.key, item, offset), Absent())
            }
        }
        return found.map { Tracked(item: data.item(at: $0), id: data.ids[$0]) }
    }

    /// The items within `distance` places of `item` (itself left out), each with its offset, its number and
    /// its place in the items the list picks from; recorded as one read of the window.
    func neighbourIDs(of item: ItemID, within distance: Int) -> [(offset: Int, id: ItemID, baseIndex: Int)] {
        let window = data.window(around: item, radius: distance)
        if let reads = PageReads.current, reads.recording {
            reads.note(.window(data.key, item, distance), value: window)
        }
        guard let position = data.positions[item] else { return [] }
        var found: [(offset: Int, id: ItemID, baseIndex: Int)] = []
        found.reserveCapacity(2 * distance)
        for offset in -distance...distance where offset != 0 {
            let place = position + offset
            guard place >= 0 && place < data.count else { continue }
            found.append((offset, data.ids[place], data.baseIndex(at: place)))
        }
        return found
    }

    /// The item with `slug`.
    func first(slug: String) -> Tracked<Item>? {
        let found = data.position(ofSlug: slug)
        if let reads = PageReads.current, reads.recording {
            if let found {
                reads.note(.slug(data.key, slug), value: data.ids[found])
            } else {
                reads.note(.slug(data.key, slug), Absent())
            }
        }
        return found.map { Tracked(item: data.item(at: $0), id: data.ids[$0]) }
    }
}

/// The items of a list (`ids`, with `positions`) within `radius` places of `item`, itself left out, -1 past
/// either end; empty when `item` is not in the list.
func listWindow(_ ids: [ItemID], _ positions: [ItemID: Int], around item: ItemID, radius: Int) -> [ItemID] {
    guard let position = positions[item] else { return [] }
    return (-radius...radius).compactMap { offset in
        guard offset != 0 else { return nil }
        let place = position + offset
        return place >= 0 && place < ids.count ? ids[place] : -1
    }
}
