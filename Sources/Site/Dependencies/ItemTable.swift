import ContentModel
import Foundation

/// Numbers content items by their file, for the whole build session: a file keeps its number when its
/// item moves in the lists, is edited, or goes and comes back.
final class ItemTable: @unchecked Sendable {
    private let lock = NSLock()
    private var numbers: [String: ItemID] = [:]

    /// The number of the item from `file` (relative to the site root).
    func id(_ file: String) -> ItemID {
        lock.lock()
        defer { lock.unlock() }
        if let id = numbers[file] { return id }
        let id = ItemID(numbers.count)
        numbers[file] = id
        return id
    }

    /// The numbers of many items at once (one lock for all).
    func ids<Item: ContentItem>(_ items: [Item]) -> [ItemID] {
        lock.lock()
        defer { lock.unlock() }
        var result: [ItemID] = []
        result.reserveCapacity(items.count)
        for i in items.indices {
            let file = items[i].info.file
            if let id = numbers[file] {
                result.append(id)
            } else {
                let id = ItemID(numbers.count)
                numbers[file] = id
                result.append(id)
            }
        }
        return result
    }

    /// The number of `file` if it has one.
    func existingID(_ file: String) -> ItemID? {
        lock.lock()
        defer { lock.unlock() }
        return numbers[file]
    }

    /// The file the site settings come from, an item like any other.
    static let siteFile = "content/site.yml"
}
