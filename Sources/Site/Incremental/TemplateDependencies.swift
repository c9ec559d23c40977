import Foundation

/// Which template files a page template reads: itself and, transitively, what it `extends`, `include`s
/// and `import`s. Found by scanning the sources for those tags with a literal name; a tag with a computed
/// name makes the template depend on every template.
struct TemplateDependencies {
    /// Template folders, first match wins (as in the environment's loader).
    let searchPaths: [URL]
    private var direct: [String: Set<String>?] = [:]

    init(searchPaths: [URL]) {
        self.searchPaths = searchPaths
    }

    /// Every template name `name` reads, itself included; nil when that cannot be known (a computed name).
    mutating func closure(of name: String) -> Set<String>? {
        var seen: Set<String> = [name]
        var queue = [name]
        while let next = queue.popLast() {
            guard let deps = directDependencies(of: next) else { return nil }
            for dep in deps where seen.insert(dep).inserted { queue.append(dep) }
        }
        return seen
    }

    private mutating func directDependencies(of name: String) -> Set<String>? {
        if let known = direct[name] { return known }
        var found: Set<String>? = []
        for folder in searchPaths {
            if let data = FileManager.default.contents(atPath: folder.appendingPathComponent(name).path) {
                found = Self.scan([UInt8](data))
                break
            }
        }
        direct[name] = found
        return found
    }

    /// The names in `{% extends/include/import/from "x" %}` tags; nil if one of them is not a literal.
    static func scan(_ bytes: [UInt8]) -> Set<String>? {
        var names: Set<String> = []
        var i = 0
        let n = bytes.count
        while i + 1 < n {
            guard bytes[i] == UInt8(ascii: "{"), bytes[i + 1] == UInt8(ascii: "%") else { i += 1; continue }
            var j = i + 2
            if j < n, bytes[j] == UInt8(ascii: "-") || bytes[j] == UInt8(ascii: "+") { j += 1 }
            while j < n, bytes[j] == 0x20 || bytes[j] == 0x0A || bytes[j] == 0x09 || bytes[j] == 0x0D { j += 1 }
            var wordEnd = j
            while wordEnd < n, bytes[wordEnd] >= UInt8(ascii: "a"), bytes[wordEnd] <= UInt8(ascii: "z") { wordEnd += 1 }
            let word = String(decoding: bytes[j..<wordEnd], as: UTF8.self)
            i = wordEnd
            guard ["extends", "include", "import", "from"].contains(word) else { continue }
            var k = wordEnd
            while k < n, bytes[k] == 0x20 || bytes[k] == 0x0A || bytes[k] == 0x09 || bytes[k] == 0x0D { k += 1 }
            guard k < n, bytes[k] == UInt8(ascii: "\"") || bytes[k] == UInt8(ascii: "'") else { return nil }
            let quote = bytes[k]
            var end = k + 1
            while end < n, bytes[end] != quote { end += 1 }
            guard end < n else { return nil }
            names.insert(String(decoding: bytes[(k + 1)..<end], as: UTF8.self))
            i = end + 1
        }
        return names
    }
}
