/// How a result list is numbered.
public enum Numbering: String, CaseIterable, Sendable {
    case numbers, letters
}

/// The kind of a result.
public enum ResultKind: String, CaseIterable, Sendable {
    case rapport, onepager, platform, sponsoring, onderzoek, manifest, bijeenkomst, overig
}

/// One result of a theme in a year.
public struct ResultItem: Sendable, Equatable {
    public var title: String
    public var kind: ResultKind
    public var partners: [String]
    public var link: String?
    /// Slug of a publication.
    public var publication: String?
    public var description: String?
}

/// The results of one theme in one year (`content/results/<year>-<theme>.yml`).
public struct ResultList: ContentItem, Equatable {
    public var info: ItemInfo
    public var theme: String
    public var year: Int
    public var numbering: Numbering
    public var items: [ResultItem]

    /// The label of the item at a 0-based index: "1." or "A.".
    public func label(at index: Int) -> String {
        switch numbering {
        case .numbers: return "\(index + 1)."
        case .letters: return Self.letters(index) + "."
        }
    }

    private static func letters(_ index: Int) -> String {
        var n = index
        var text = ""
        repeat {
            text = String(UnicodeScalar(UInt8(65 + n % 26))) + text
            n = n / 26 - 1
        } while n >= 0
        return text
    }
}
