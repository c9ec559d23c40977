import Foundation
import Parallel

/// Where the inputs of a build stand now: what `InputTable.changes` asks of a new build's data.
protocol InputSource: AnyObject {
    /// The items of a list, in order (empty for a list the build does not have).
    func ids(of list: ListKey) -> [ItemID]
    /// Item → place in a list.
    func positions(of list: ListKey) -> [ItemID: Int]
    /// The item of a list with a slug.
    func item(withSlug slug: String, in list: ListKey) -> ItemID?
    func derived(_ key: DerivedKey) -> any InputValue
    /// Whether a list is surely the same as in the last build (so its places need no look).
    func surelyUnchanged(_ list: ListKey) -> Bool
    /// Whether a derived value is surely the same as in the last build (made from the same inputs).
    func surelyUnchanged(_ key: DerivedKey) -> Bool
    /// Works out a query again, with what it read.
    func recompute(_ key: QueryKey) -> (value: any InputValue, reads: [(Input, any InputValue)])
}

/// Every input the pages of a session have read, each with the value it has now, numbered so a page's
/// record is a short list of numbers. Between builds it answers which inputs changed: the fields of the
/// items that changed, the places of the lists that changed (a list that is the same as before changes
/// nothing), every derived value, and the queries whose own inputs changed and whose result did too.
final class InputTable: @unchecked Sendable {
    typealias InputNumber = Int32

    private let lock = NSLock()
    private var storage = Storage()

    /// Everything the table holds.
    struct Storage {
        fileprivate var numbers: [Input: InputNumber] = [:]
        fileprivate var inputs: [Input] = []
        fileprivate var values: [any InputValue] = []
        /// Field inputs by item, place inputs by list, and the derived ones: what `changes` looks at.
        fileprivate var fieldsByItem: [ItemID: [InputNumber]] = [:]
        fileprivate var placesByList: [ListKey: [InputNumber]] = [:]
        fileprivate var derivedInputs: [InputNumber] = []
        /// Each list with place inputs as the last build had it.
        fileprivate var lists: [ListKey: [ItemID]] = [:]
        /// The queries: their result's input and what they read.
        fileprivate var queries: [QueryKey: (input: InputNumber, reads: [InputNumber])] = [:]
    }

    /// What a build changed, to put back if it fails: a journal, not a copy (copying hundreds of
    /// thousands of values on every build would cost more than the build).
    private struct Journal {
        var inputCount: Int
        var values: [(InputNumber, any InputValue)] = []
        var lists: [(ListKey, [ItemID]?)] = []
        var queries: [(QueryKey, (input: InputNumber, reads: [InputNumber])?)] = []
    }

    private var journal: Journal?

    /// Starts keeping what the next build changes.
    func beginBuild() {
        lock.lock()
        journal = Journal(inputCount: storage.inputs.count)
        lock.unlock()
    }

    /// The build succeeded: what it changed stays.
    func commitBuild() {
        lock.lock()
        journal = nil
        lock.unlock()
    }

    /// The build failed: puts back what the table held before it.
    func rollBackBuild() {
        lock.lock()
        defer { lock.unlock() }
        guard let journal else { return }
        self.journal = nil
        for (key, query) in journal.queries.reversed() { storage.queries[key] = query }
        for (list, ids) in journal.lists.reversed() { storage.lists[list] = ids }
        for (number, value) in journal.values.reversed() where Int(number) < journal.inputCount {
            storage.values[Int(number)] = value
        }
        // The inputs numbered since: out of the table and of its indexes (they were appended at the ends).
        let first = InputNumber(journal.inputCount)
        var items = Set<ItemID>()
        var lists = Set<ListKey>()
        for input in storage.inputs[journal.inputCount...] {
            storage.numbers[input] = nil
            switch input {
            case .field(let item, _): items.insert(item)
            case .element(let list, _), .count(let list), .neighbour(let list, _, _), .window(let list, _, _),
                .slug(let list, _):
                lists.insert(list)
            case .derived: break
            case .query(let key):
                if let query = storage.queries[key], query.input >= first { storage.queries[key] = nil }
            }
        }
        for item in items { storage.fieldsByItem[item]?.removeAll { $0 >= first } }
        for list in lists { storage.placesByList[list]?.removeAll { $0 >= first } }
        storage.derivedInputs.removeAll { $0 >= first }
        storage.inputs.removeSubrange(journal.inputCount...)
        storage.values.removeSubrange(journal.inputCount...)
    }

    private func journalValue(_ number: InputNumber) {
        if journal != nil, Int(number) < journal!.inputCount {
            journal!.values.append((number, storage.values[Int(number)]))
        }
    }

    private func journalQuery(_ key: QueryKey) {
        if journal != nil { journal!.queries.append((key, storage.queries[key])) }
    }

    private func journalList(_ list: ListKey) {
        if journal != nil { journal!.lists.append((list, storage.lists[list])) }
    }

    var count: Int {
        lock.lock()
        defer { lock.unlock() }
        return storage.inputs.count
    }

    /// Numbers the inputs of `reads` (new ones keep the value read), without repeats.
    func intern(_ reads: [(Input, any InputValue)]) -> [InputNumber] {
        lock.lock()
        defer { lock.unlock() }
        return internLocked(reads)
    }

    private func internLocked(_ reads: [(Input, any InputValue)]) -> [InputNumber] {
        var result: [InputNumber] = []
        result.reserveCapacity(reads.count)
        for (input, value) in reads {
            if let number = storage.numbers[input] {
                result.append(number)
                continue
            }
            let number = InputNumber(storage.inputs.count)
            storage.numbers[input] = number
            storage.inputs.append(input)
            storage.values.append(value)
            switch input {
            case .field(let item, _): storage.fieldsByItem[item, default: []].append(number)
            case .element(let list, _), .count(let list), .neighbour(let list, _, _), .window(let list, _, _),
                .slug(let list, _):
                storage.placesByList[list, default: []].append(number)
            case .derived: storage.derivedInputs.append(number)
            case .query: break
            }
            result.append(number)
        }
        result.sort()
        var unique: [InputNumber] = []
        unique.reserveCapacity(result.count)
        for number in result where unique.last != number { unique.append(number) }
        return unique
    }

    /// Keeps the lists that pages read places of for the first time as this build has them.
    func keepLists(from source: InputSource) {
        lock.lock()
        defer { lock.unlock() }
        for list in storage.placesByList.keys where storage.lists[list] == nil {
            journalList(list)
            storage.lists[list] = source.ids(of: list)
        }
    }

    // MARK: Queries

    /// The result of a query as the table has it, if it is valid for this build.
    func queryValue(_ key: QueryKey) -> (any InputValue)? {
        lock.lock()
        defer { lock.unlock() }
        guard let query = storage.queries[key] else { return nil }
        return storage.values[Int(query.input)]
    }

    /// Keeps a query's result and what it read.
    func storeQuery(_ key: QueryKey, value: any InputValue, reads: [(Input, any InputValue)]) {
        lock.lock()
        defer { lock.unlock() }
        let numbers = internLocked(reads)
        journalQuery(key)
        if let query = storage.queries[key] {
            journalValue(query.input)
            storage.values[Int(query.input)] = value
            storage.queries[key] = (query.input, numbers)
        } else {
            let input = internLocked([(.query(key), value)])[0]
            storage.queries[key] = (input, numbers)
        }
    }

    // MARK: Between builds

    /// The inputs whose value changed since the last build, as a set of numbers, updating the values kept.
    /// `changedItems` gives each item whose file changed its new version (nil: it is gone).
    func changes(changedItems: [ItemID: Any?], contentChanged: Bool, source: InputSource) -> InputSet {
        lock.lock()
        defer { lock.unlock() }
        var changed = InputSet(capacity: storage.inputs.count)
        func update(_ number: InputNumber, _ value: any InputValue) {
            if !storage.values[Int(number)].isEqual(to: value) {
                journalValue(number)
                storage.values[Int(number)] = value
                changed.insert(number)
            }
        }
        for (item, newValue) in changedItems {
            for number in storage.fieldsByItem[item] ?? [] {
                guard case .field(_, let field) = storage.inputs[Int(number)] else { continue }
                update(number, newValue.flatMap { FieldTable.shared.read(field, of: $0) } ?? Absent())
            }
        }
        if contentChanged {
            for (list, before) in storage.lists where !source.surelyUnchanged(list) {
                let now = source.ids(of: list)
                guard now != before else { continue }
                journalList(list)
                storage.lists[list] = now
                let positions =
                    storage.placesByList[list]?.contains {
                        switch storage.inputs[Int($0)] {
                        case .neighbour, .window: return true
                        default: return false
                        }
                    } == true ? source.positions(of: list) : [:]
                for number in storage.placesByList[list] ?? [] {
                    switch storage.inputs[Int(number)] {
                    case .element(_, let place):
                        update(number, place < now.count ? StoredValue(value: now[place]) : Absent())
                    case .count:
                        update(number, StoredValue(value: now.count))
                    case .neighbour(_, let item, let offset):
                        let place = positions[item].map { $0 + offset }.flatMap {
                            (0..<now.count).contains($0) ? $0 : nil
                        }
                        update(number, place.map { StoredValue(value: now[$0]) } ?? Absent())
                    case .window(_, let item, let radius):
                        update(number, StoredValue(value: listWindow(now, positions, around: item, radius: radius)))
                    case .slug(_, let slug):
                        update(number, source.item(withSlug: slug, in: list).map { StoredValue(value: $0) } ?? Absent())
                    default:
                        break
                    }
                }
            }
            for number in storage.derivedInputs {
                guard case .derived(let key) = storage.inputs[Int(number)], !source.surelyUnchanged(key) else {
                    continue
                }
                update(number, source.derived(key))
            }
        }
        // Queries whose inputs changed are worked out again (in parallel: there may be thousands after a
        // practice is added); only a different result counts as a change.
        // (A loop, not `filter`: filtering the dictionary built a second one of thousands of queries.)
        var stale: [QueryKey] = []
        if !changed.isEmpty {
            for (key, query) in storage.queries where changed.intersects(query.reads) { stale.append(key) }
        }
        if !stale.isEmpty {
            lock.unlock()
            let results = Parallel.map(stale.count, chunk: 16) { source.recompute(stale[$0]) }
            lock.lock()
            for (key, result) in zip(stale, results) {
                guard let query = storage.queries[key] else { continue }
                journalQuery(key)
                storage.queries[key] = (query.input, internLocked(result.reads))
                update(query.input, result.value)
            }
        }
        return changed
    }
}

/// A set of input numbers as bits.
struct InputSet {
    private var words: [UInt64]

    init(capacity: Int) {
        words = [UInt64](repeating: 0, count: (capacity + 63) / 64)
    }

    mutating func insert(_ number: InputTable.InputNumber) {
        let i = Int(number)
        while i / 64 >= words.count { words.append(0) }
        words[i / 64] |= 1 << UInt64(i % 64)
    }

    func contains(_ number: InputTable.InputNumber) -> Bool {
        let i = Int(number)
        return i / 64 < words.count && words[i / 64] & (1 << UInt64(i % 64)) != 0
    }

    /// Whether any of `numbers` is in the set: a tight loop, for the many records a build looks at.
    func intersects(_ numbers: [InputTable.InputNumber]) -> Bool {
        words.withUnsafeBufferPointer { words in
            numbers.withUnsafeBufferPointer { numbers in
                let count = words.count
                for number in numbers {
                    let i = Int(number)
                    if i >> 6 < count && words[i >> 6] & (1 << UInt64(i & 63)) != 0 { return true }
                }
                return false
            }
        }
    }

    var isEmpty: Bool { words.allSatisfy { $0 == 0 } }
}
