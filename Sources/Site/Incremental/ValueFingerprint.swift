import Templates

/// Hashes template values, so the incremental builder can tell whether a page's context changed since
/// the last build without rendering it. The hash lives only in memory (Swift's `Hasher` is seeded per
/// process), which is all a live preview needs.
enum ValueFingerprint {
    static func of(_ context: [String: Value]) -> Int {
        var hasher = Hasher()
        for key in context.keys.sorted() {
            hasher.combine(key)
            combine(context[key]!, into: &hasher)
        }
        return hasher.finalize()
    }

    static func combine(_ value: Value, into hasher: inout Hasher) {
        switch value {
        case .none: hasher.combine(0)
        case .bool(let b): hasher.combine(1); hasher.combine(b)
        case .int(let i): hasher.combine(2); hasher.combine(i)
        case .double(let d): hasher.combine(3); hasher.combine(d)
        case .decimal(let d): hasher.combine(4); hasher.combine(d)
        case .string(let s): hasher.combine(5); hasher.combine(s)
        case .safe(let s): hasher.combine(6); hasher.combine(s)
        case .list(let items):
            hasher.combine(7); hasher.combine(items.count)
            for item in items { combine(item, into: &hasher) }
        case .tuple(let items):
            hasher.combine(8); hasher.combine(items.count)
            for item in items { combine(item, into: &hasher) }
        case .dict(let dict):
            hasher.combine(9); hasher.combine(dict.count)
            for (key, item) in dict.pairs { hasher.combine(key); combine(item, into: &hasher) }
        case .date(let d): hasher.combine(10); hasher.combine(d)
        // Objects and functions compute their answers when asked: their identity is all we can compare,
        // so a page holding one is re-rendered on every build (none of today's pages do).
        case .callable(let c): hasher.combine(11); hasher.combine(ObjectIdentifier(c))
        case .object(let o): hasher.combine(12); hasher.combine(ObjectIdentifier(o))
        case .undefined(let why): hasher.combine(13); hasher.combine(why.description)
        }
    }
}
