import ContentModel
import Foundation

/// A content item across builds: the number of its file (`content/best-practices/x.md`), stable for the
/// life of a build session, so pages can name what they read with small numbers.
typealias ItemID = Int32

/// A list the pages read, by what it holds: its elements are items.
enum ListKey: Hashable, Sendable {
    /// The best practices, newest first.
    case practices
    case practicesOfTheme(String)
    case practicesOfTag(String)
    case themes
    /// The themes that run (or have content) in a year.
    case themesIn(Int)
    case insights, activities, alliances, publications, people, scans, finance, pages, results
    case themeResults(String)
    case themeInsights(String)
    case themeAlliances(String)
    case themeActivities(String)
    case themePublications(String)
}

/// A value the build derives from many items at once (not a field of one item), recomputed each build.
enum DerivedKey: Hashable, Sendable {
    /// The spelling a tag's pages show.
    case tagTitle(String)
    /// The tags overview: each tag's title, slug and number of practices.
    case tags
    /// The filters of the bank with their counts.
    case bankFacets
    /// The ratios of a year's accounts against the targets.
    case financialRatios(Int)
    /// The keurmerk outcomes per school year.
    case keurmerken
    /// What a link to a content path becomes: its URL, or why there is none.
    case contentLink(String)
}

/// A derived value kept from build to build: recomputed only when one of its own inputs changed, and
/// counted as changed for the pages that read it only when its result changed.
enum QueryKey: Hashable, Sendable {
    /// The practices shown as related on a practice's page.
    case related(ItemID)
}

/// One thing a page (or a query) read.
enum Input: Hashable, Sendable {
    /// A field of an item (`\BestPractice.title`).
    case field(ItemID, FieldID)
    /// The item at a place in a list.
    case element(ListKey, Int)
    /// How many items a list has.
    case count(ListKey)
    /// The item `offset` places after (or before) an item in a list: what a page shows of its neighbours
    /// does not move when an item far away is added.
    case neighbour(ListKey, ItemID, Int)
    /// The items within `radius` places of an item in a list (itself left out, -1 past either end): what
    /// a page shows of a window of its neighbours, as one input.
    case window(ListKey, ItemID, Int)
    /// The item of a list with a slug.
    case slug(ListKey, String)
    case derived(DerivedKey)
    case query(QueryKey)
}

/// What an input read, compared with `==` in a later build. Strings and arrays are copy-on-write, so
/// keeping a value costs a reference, not a copy.
protocol InputValue: Sendable {
    func isEqual(to other: any InputValue) -> Bool
}

struct StoredValue<V: Equatable & Sendable>: InputValue {
    let value: V

    func isEqual(to other: any InputValue) -> Bool {
        guard let other = other as? StoredValue<V> else { return false }
        return other.value == value
    }
}

/// The value of an input that has none now (an item that went, a place past the end of a list).
struct Absent: InputValue {
    func isEqual(to other: any InputValue) -> Bool { other is Absent }
}

/// A field of an item type, by key path. Key paths are the same objects for the whole process, so a
/// field's number is stable across the builds of a session.
typealias FieldID = Int32

/// Every field a page has read, with a way to read it again from a newer version of its item.
final class FieldTable: @unchecked Sendable {
    static let shared = FieldTable()

    private let lock = NSLock()
    private var ids: [AnyKeyPath: FieldID] = [:]
    private var readers: [(Any) -> (any InputValue)?] = []

    func id<Item, V: Equatable & Sendable>(_ path: KeyPath<Item, V>) -> FieldID {
        lock.lock()
        defer { lock.unlock() }
        if let id = ids[path] { return id }
        let id = FieldID(readers.count)
        ids[path] = id
        readers.append { item in (item as? Item).map { StoredValue(value: $0[keyPath: path]) } }
        return id
    }

    /// The field `id` of `item` (nil when the item is of another type).
    func read(_ id: FieldID, of item: Any) -> (any InputValue)? {
        lock.lock()
        let reader = readers[Int(id)]
        lock.unlock()
        return reader(item)
    }
}
