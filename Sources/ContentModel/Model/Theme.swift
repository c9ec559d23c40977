/// A theme (`content/themes/<slug>.md`): a field the organisation works on, e.g. 2.1 Sociale huisvesting.
public struct Theme: ContentItem, Equatable {
    public var info: ItemInfo
    public var title: String
    /// Paragraph number in the jaarverslag, "2.1".
    public var number: String?
    /// "2020-2022", as written.
    public var period: String?
    /// The doelstelling.
    public var objective: String?
    public var summary: String?
    /// The day the theme was ended early (or on time), when the editors say so.
    public var ended: ContentDate?
    /// The first and last year of `period` ("2020-2022" → 2020 and 2022; "2020" → 2020 and nil).
    public var startYear: Int?
    public var endYear: Int?

    public init(
        info: ItemInfo, title: String, number: String? = nil, period: String? = nil, objective: String? = nil,
        summary: String? = nil, ended: ContentDate? = nil
    ) {
        self.info = info
        self.title = title
        self.number = number
        self.period = period
        self.objective = objective
        self.summary = summary
        self.ended = ended
        if let period, let years = Theme.years(of: period) { (startYear, endYear) = years }
    }

    /// The period as a reader reads it: as written ("2020-2022"), or "vanaf 2024" for a single year, which
    /// means the end is still open (docs/content.md), so it never reads as a theme of one year.
    public var periodText: String? {
        guard let period else { return nil }
        if let startYear, endYear == nil { return "vanaf \(startYear)" }
        return period
    }

    /// The last year the theme runs: the year of `ended`, else the end of `period`; nil while open-ended.
    public var lastYear: Int? { ended?.year ?? endYear }

    /// Whether the theme runs in `year`: started by then (when a start is known) and not ended before it.
    public func runs(in year: Int) -> Bool {
        (startYear.map { $0 <= year } ?? true) && (lastYear.map { $0 >= year } ?? true)
    }

    /// "2020-2022" (also with an en dash or spaces) → (2020, 2022); "2020" → (2020, nil); nil when the text
    /// is no period.
    static func years(of period: String) -> (Int, Int?)? {
        let parts = period.split(whereSeparator: { $0 == "-" || $0 == "–" }).map {
            $0.trimmingCharacters(in: .whitespaces)
        }
        func year(_ text: String) -> Int? {
            guard text.count == 4, let y = Int(text), (1900...2200).contains(y) else { return nil }
            return y
        }
        switch parts.count {
        case 1: return year(parts[0]).map { ($0, nil) }
        case 2:
            guard let a = year(parts[0]), let b = year(parts[1]) else { return nil }
            return (a, b)
        default: return nil
        }
    }
}
