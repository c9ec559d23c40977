/// Hostile Markdown inputs: cmark's pathological test suite, md4c's extras and our own. The one list
/// both `HostileInputTests` (at a tenth of the size, in a debug build) and `bench-markdown hostile`
/// (at full size, in a release build) run.
public struct HostileInput: Sendable {
    public let name: String
    /// The input for a repetition count.
    public let make: @Sendable (Int) -> String
    /// The repetition count at full size.
    public let size: Int

    public init(_ name: String, size: Int, _ make: @escaping @Sendable (Int) -> String) {
        self.name = name
        self.size = size
        self.make = make
    }

    /// The input at `scale` times the full size (at least one repetition).
    public func input(scale: Double = 1) -> String { make(max(1, Int(Double(size) * scale))) }
}

@inline(__always) private func r(_ s: String, _ n: Int) -> String { String(repeating: s, count: n) }

extension HostileInput {
    public static let all: [HostileInput] = [
        HostileInput("nested emphasis", size: 25_000) { r("*a **a ", $0) + "b" + r(" a** a*", $0) },
        HostileInput("emphasis closers without openers", size: 65_000) { r("a_ ", $0) },
        HostileInput("emphasis openers without closers", size: 65_000) { r("_a ", $0) },
        HostileInput("link closers without openers", size: 65_000) { r("a]", $0) },
        HostileInput("link openers without closers", size: 65_000) { r("[a", $0) },
        HostileInput("mismatched openers and closers", size: 50_000) { r("*a_ ", $0) },
        HostileInput("openers and closers multiple of 3", size: 50_000) { "a**b" + r("c* ", $0) },
        HostileInput("link openers and emphasis closers", size: 50_000) { r("[ a_", $0) },
        HostileInput("pattern [ (](", size: 80_000) { r("[ (](", $0) },
        HostileInput("pattern ![[]()", size: 160_000) { r("![[]()", $0) },
        HostileInput("nested brackets", size: 25_000) { r("[", $0) + "a" + r("]", $0) },
        HostileInput("nested brackets with link", size: 25_000) { r("[", $0) + "a" + r("](b)", $0) },
        HostileInput("nested block quotes", size: 25_000) { r("> ", $0) + "a\n" },
        HostileInput("nested lists", size: 25_000) { r("- ", $0) + "a\n" },
        HostileInput("nested ordered lists", size: 25_000) { r("1. ", $0) + "a\n" },
        HostileInput("empty lines in deeply nested lists", size: 30_000) { r("- ", $0) + "x" + r("\n", $0) },
        HostileInput("empty lines in deeply nested lists in a block quote", size: 30_000) {
            "> " + r("- ", $0) + "x\n" + r(">\n", $0)
        },
        // Grows with the square of n (line k is indented 2k spaces).
        HostileInput("stair-step lists", size: 1_000) { n in (0..<n).map { r("  ", $0) + "* a\n" }.joined() },
        // Grows with the square of n (run k has k backticks).
        HostileInput("backticks", size: 5_000) { n in (1...n).map { "e" + r("`", $0) }.joined() },
        HostileInput("long backtick runs", size: 25_000) { r("`", $0) + "a" + r("``", $0) },
        HostileInput("unclosed links A", size: 30_000) { r("[a](<b", $0) },
        HostileInput("unclosed links B", size: 30_000) { r("[a](b", $0) },
        HostileInput("unclosed links C", size: 30_000) { r("[a](b \"", $0) },
        HostileInput("unclosed comments", size: 300_000) { "</" + r("<!--", $0) },
        HostileInput("unclosed processing instructions", size: 300_000) { "abc" + r("<?", $0) },
        HostileInput("unclosed declarations", size: 300_000) { "abc" + r("<!A ", $0) },
        HostileInput("unclosed CDATA", size: 200_000) { "abc" + r("<![CDATA[", $0) },
        HostileInput("unclosed HTML attributes", size: 100_000) { "a" + r("<a a='", $0) },
        HostileInput("unclosed autolinks", size: 100_000) { r("<http:", $0) },
        HostileInput("reference labels with colliding hashes", size: 25_000) { n in
            (0..<n).map { "[\(r("x", $0 % 50))\($0)]: /u\($0)\n" }.joined()
                + (0..<n).map { "[\(r("x", $0 % 50))\($0)] " }.joined()
        },
        HostileInput("many references to one label", size: 100_000) { "[a]: /u\n\n" + r("[a] ", $0) },
        HostileInput("long line of entities", size: 100_000) { r("&amp;&#x26;&#38;&abc ", $0) },
        HostileInput("escaped characters", size: 100_000) { r("\\*\\_\\[\\]\\`", $0) },
        HostileInput("hard line breaks", size: 100_000) { r("a  \n", $0) },
        HostileInput("NUL and invalid UTF-8", size: 100_000) { r("a\u{0}b\u{FFFD}", $0) },
        HostileInput("wide table", size: 5_000) { n in
            "|" + r(" a |", n) + "\n|" + r("-|", n) + "\n" + r("|" + r(" b |", n) + "\n", 10)
        },
        HostileInput("long table", size: 100_000) { "| a | b |\n|---|---|\n" + r("| c | d |\n", $0) },
        // A carriage return as line ending and a vertical tab in the delimiter row (cmark-gfm makes a table).
        HostileInput("table rows with CR and VT", size: 30_000) { r("aaa\rbbb\n-\u{0B}\n", $0) },
        HostileInput("strikethrough", size: 65_000) { r("~a ~~b ", $0) },
        HostileInput("autolinks in text", size: 30_000) { r("www.a.nl/b_c) http://x.y/z?a=b; a@b.cd ", $0) },
        HostileInput("footnotes", size: 20_000) { n in
            (0..<n).map { "[^\($0)] " }.joined() + "\n\n" + (0..<n).map { "[^\($0)]: n\n" }.joined()
        },
        HostileInput("many empty list items", size: 100_000) { r("-\n", $0) },
        HostileInput("many code blocks", size: 50_000) { r("```\na\n```\n", $0) },
    ]
}
