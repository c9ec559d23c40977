import ContentModel

/// Where the best practices stand in the site's lists: by slug, by tag, by theme, as indices into the
/// knowledge base's `bestPractices`, so the site slices lists without copying practices.
struct PracticeIndex: Sendable {
    /// Slug → index.
    var position: [String: Int] = [:]
    /// Tags in alphabetical order, each with its slug, its spelling and its practices (newest first, each
    /// once). Spellings that differ only in capitals or diacritics ("Wonen", "wonen", "wönen") share a slug
    /// and are one tag, shown in the spelling most of its practices use.
    var tags: [(title: String, slug: String, members: [Int])] = []
    /// Tag slug → the spelling shown.
    var tagTitles: [String: String] = [:]
    /// Tag title → slug, for every spelling seen.
    var tagSlugs: [String: String] = [:]
    /// Theme slug → its practices (newest first).
    var byTheme: [String: [Int]] = [:]
    /// Per practice, its tags as sorted numbers (places in `tags`), to compare them cheaply.
    var tagIDs: [[Int]] = []

    init(_ practices: [BestPractice]) {
        position.reserveCapacity(practices.count)
        var byTag: [String: [Int]] = [:]
        // By index, not `for bp in`: a loop variable would copy every (large) practice.
        for i in practices.indices {
            position[practices[i].slug] = i
            for tag in practices[i].tags {
                let slug = remember(tag)
                if byTag[slug]?.last != i { byTag[slug, default: []].append(i) }
            }
            for theme in practices[i].themes where byTheme[theme]?.last != i { byTheme[theme, default: []].append(i) }
        }
        tags = byTag.map { (title: spelling(of: $0.key, among: $0.value, practices), slug: $0.key, members: $0.value) }
        tags.sort { ($0.title.lowercased(), $0.slug) < ($1.title.lowercased(), $1.slug) }
        tagTitles = Dictionary(tags.map { ($0.slug, $0.title) }, uniquingKeysWith: { a, _ in a })
        var numbers: [String: Int] = [:]
        for (number, tag) in tags.enumerated() { numbers[tag.slug] = number }
        tagIDs = practices.indices.map { i in Array(Set(practices[i].tags.compactMap { numbers[slug($0)] })).sorted() }
    }

    /// A tag's slug, remembered: few distinct tags on many practices, so each spelling is slugged once.
    private mutating func remember(_ tag: String) -> String {
        if let known = tagSlugs[tag] { return known }
        let made = TextSlug.make(tag)
        tagSlugs[tag] = made
        return made
    }

    /// The slug of a spelling (every spelling of the indexed practices is known).
    func slug(_ tag: String) -> String {
        tagSlugs[tag] ?? TextSlug.make(tag)
    }

    /// The spelling of a tag that most of its practices use; on a tie, the one met first (newest practice,
    /// then the order of its tags).
    private func spelling(of slug: String, among members: [Int], _ practices: [BestPractice]) -> String {
        var counts: [String: (count: Int, first: Int)] = [:]
        var order = 0
        for i in members {
            var seen = Set<String>()
            for tag in practices[i].tags where self.slug(tag) == slug && seen.insert(tag).inserted {
                counts[tag, default: (0, order)].count += 1
                order += 1
            }
        }
        return counts.min { ($1.value.count, $0.value.first) < ($0.value.count, $1.value.first) }?.key ?? slug
    }
}
