/// Small counts in words, as Dutch prose writes them ("drie mensen", "twaalf leden"); larger ones in digits.
enum DutchWords {
    private static let words = [
        "nul", "één", "twee", "drie", "vier", "vijf", "zes", "zeven", "acht", "negen", "tien",
        "elf", "twaalf", "dertien", "veertien", "vijftien", "zestien", "zeventien", "achttien",
        "negentien", "twintig",
    ]

    static func count(_ n: Int) -> String {
        n >= 0 && n < words.count ? words[n] : String(n)
    }
}
