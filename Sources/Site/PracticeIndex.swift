import ContentModel

/// Where the best practices stand in the site's lists: by slug, by tag, by theme, as indices into the
/// knowledge base's `bestPractices`, so the page builders slice and compare lists without copying
/// practices. The live preview patches it after in-place edits (`init(patching:)`) instead of hashing
/// every practice's slug and tags again.
struct PracticeIndex {
    /// Slug → index.
    var position: [String: Int] = [:]
    /// Tags in alphabetical order (of their slugs), each with its slug, its spelling and its practices (newest first, each
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
    /// Per practice, the hash of its slug: list pages hash the practices they show by these.
    var slugHashes: [Int] = []

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
            for theme in practices[i].themes { byTheme[theme, default: []].append(i) }
        }
        tags = byTag.map { (title: spelling(of: $0.key, among: $0.value, practices), slug: $0.key, members: $0.value) }
        sortTags()
        numberTags(practices)
        slugHashes = practices.indices.map { practices[$0].slug.hashValue }
    }

    /// The index after in-place edits of the practices in `edited` (slugs): `practices` is `before` with
    /// those replaced and moved to their sorted places, every other practice unchanged and in the same
    /// order among themselves. `previousPosition` gets, per new index, the old index of the same
    /// (unedited) practice, or -1 for an edited one.
    init(patching previous: PracticeIndex, before: [BestPractice], practices: [BestPractice], edited: Set<String>,
         previousPosition: inout [Int]) {
        // The edited practices' new places: a few linear scans compare strings, no hashing.
        var newEdited: Set<Int> = []
        for slug in edited { if let i = practices.firstIndex(where: { $0.slug == slug }) { newEdited.insert(i) } }
        let oldEdited = Set(edited.compactMap { previous.position[$0] })
        previousPosition = [Int](repeating: -1, count: practices.count)
        var newPosition = [Int](repeating: -1, count: before.count)
        var j = 0
        for i in practices.indices where !newEdited.contains(i) {
            while oldEdited.contains(j) { j += 1 }
            previousPosition[i] = j
            newPosition[j] = i
            j += 1
        }

        position = previous.position
        for i in practices.indices where previousPosition[i] != i { position[practices[i].slug] = i }
        tagSlugs = previous.tagSlugs

        byTheme = previous.byTheme.mapValues { $0.compactMap { newPosition[$0] >= 0 ? newPosition[$0] : nil } }
        var groups: [String: [Int]] = [:]
        for tag in previous.tags {
            groups[tag.slug] = tag.members.compactMap { newPosition[$0] >= 0 ? newPosition[$0] : nil }
        }
        for i in newEdited {
            for theme in practices[i].themes { byTheme[theme, default: []].append(i) }
            for tag in practices[i].tags { groups[remember(tag), default: []].append(i) }
        }
        byTheme = byTheme.filter { !$0.value.isEmpty }.mapValues { $0.sorted() }
        tags = groups.compactMap { slug, members -> (title: String, slug: String, members: [Int])? in
            guard !members.isEmpty else { return nil }
            let sorted = Array(Set(members)).sorted()
            return (spelling(of: slug, among: sorted, practices), slug, sorted)
        }
        sortTags()
        if tags.map(\.slug) == previous.tags.map(\.slug) {
            tagIDs = practices.indices.map { previousPosition[$0] >= 0 ? previous.tagIDs[previousPosition[$0]] : [] }
            let numbers = tagNumbers()
            for i in newEdited { tagIDs[i] = Array(Set(practices[i].tags.compactMap { numbers[slug($0)] })).sorted() }
        } else {
            numberTags(practices)
        }
        slugHashes = practices.indices.map {
            previousPosition[$0] >= 0 ? previous.slugHashes[previousPosition[$0]] : practices[$0].slug.hashValue
        }
    }

    /// A tag's slug, remembered: few distinct tags on many practices, so each spelling is slugged once.
    private mutating func remember(_ tag: String) -> String {
        if let known = tagSlugs[tag] { return known }
        let made = TextSlug.make(tag)
        tagSlugs[tag] = made
        return made
    }

    /// `slug(_:)` for a spelling already seen (every spelling of the indexed practices is).
    private func slug(_ tag: String) -> String {
        tagSlugs[tag] ?? TextSlug.make(tag)
    }

    /// The spelling of a tag that most of its practices use, by `TagSpelling`, the rule `check` names it by.
    /// The full and the patched index both choose with this.
    private func spelling(of slug: String, among members: [Int], _ practices: [BestPractice]) -> String {
        var counts: [String: Int] = [:]
        for i in members {
            var seen = Set<String>()
            for tag in practices[i].tags where self.slug(tag) == slug && seen.insert(tag).inserted {
                counts[tag, default: 0] += 1
            }
        }
        return TagSpelling.ranked(counts.map { ($0.key, $0.value) }).first ?? slug
    }

    private mutating func sortTags() {
        // By slug, which folds capitals and diacritics: "Énergie" sorts with the E, not after the Z.
        tags.sort { ($0.slug, $0.title) < ($1.slug, $1.title) }
        tagTitles = Dictionary(tags.map { ($0.slug, $0.title) }, uniquingKeysWith: { a, _ in a })
    }

    private func tagNumbers() -> [String: Int] {
        var numbers: [String: Int] = [:]
        for (number, tag) in tags.enumerated() { numbers[tag.slug] = number }
        return numbers
    }

    private mutating func numberTags(_ practices: [BestPractice]) {
        let numbers = tagNumbers()
        tagIDs = practices.indices.map { i in Array(Set(practices[i].tags.compactMap { numbers[slug($0)] })).sorted() }
    }
}
