/// Which spelling a tag is shown in when editors write it several ways ("Wonen", "wonen", "wónen"): the
/// one rule of the site's tag pages and of `check`'s advice, so `check` names the spelling the site shows.
public enum TagSpelling {
    /// The spellings, the most used first (`count`: how many items use it); on a tie the plainest, with the
    /// fewest letters with diacritics and then the fewest capitals ("wonen" before "Wónen"), then in
    /// Unicode order. The order does not depend on the order the items were read in.
    public static func ranked(_ uses: [(spelling: String, count: Int)]) -> [String] {
        func plainness(_ text: String) -> (Int, Int) {
            (
                text.unicodeScalars.filter { $0.value > 0x7F && $0.properties.isAlphabetic }.count,
                text.unicodeScalars.filter { $0.properties.isUppercase }.count
            )
        }
        return uses.sorted { a, b in
            if a.count != b.count { return a.count > b.count }
            let (pa, pb) = (plainness(a.spelling), plainness(b.spelling))
            if pa != pb { return pa < pb }
            return a.spelling.unicodeScalars.lexicographicallyPrecedes(b.spelling.unicodeScalars)
        }.map(\.spelling)
    }
}
