import Markdown

/// Numbers the sections (1, 1.1, 2.1.3) and gives each a unique anchor. Editors never number by hand:
/// adding or moving a section renumbers everything after it.
enum ReportNumbering {
    static func apply(to document: inout ReportDocument) {
        var used = Set<String>()
        func anchor(for section: ReportSection) -> String {
            let base = "h-" + Slug.make((section.number.map { $0 + " " } ?? "") + section.title)
            var candidate = base
            var n = 2
            while used.contains(candidate) {
                candidate = base + "-\(n)"
                n += 1
            }
            used.insert(candidate)
            return candidate
        }
        func number(_ section: inout ReportSection, prefix: String?) {
            section.anchor = anchor(for: section)
            var counter = 0
            for i in section.subsections.indices {
                if section.subsections[i].numbered {
                    counter += 1
                    section.subsections[i].number = (prefix.map { $0 + "." } ?? "") + String(counter)
                }
                number(&section.subsections[i], prefix: section.subsections[i].number)
            }
        }
        if var foreword = document.foreword {
            foreword.number = nil
            number(&foreword, prefix: nil)
            document.foreword = foreword
        }
        var chapterCounter = 0
        for i in document.chapters.indices {
            if document.chapters[i].numbered {
                chapterCounter += 1
                document.chapters[i].number = String(chapterCounter)
            }
            number(&document.chapters[i], prefix: document.chapters[i].number)
        }
    }
}
