/// Hostile inputs after cmark's pathological test suite and md4c's extras. `scale` 1 gives the full
/// sizes the issue names; the unit tests use smaller copies of the same shapes.
struct PathologicalCase {
    var name: String
    var make: (Int) -> String
    /// The repetition count at scale 1.
    var size: Int
}

func repeated(_ s: String, _ n: Int) -> String { String(repeating: s, count: n) }

let pathologicalCases: [PathologicalCase] = [
    PathologicalCase(name: "geneste nadruk", make: { n in repeated("*a **a ", n) + "b" + repeated(" a** a*", n) }, size: 25_000),
    PathologicalCase(name: "nadruk-sluiters zonder openers", make: { repeated("a_ ", $0) }, size: 65_000),
    PathologicalCase(name: "nadruk-openers zonder sluiters", make: { repeated("_a ", $0) }, size: 65_000),
    PathologicalCase(name: "link-sluiters zonder openers", make: { repeated("a]", $0) }, size: 65_000),
    PathologicalCase(name: "link-openers zonder sluiters", make: { repeated("[a", $0) }, size: 65_000),
    PathologicalCase(name: "ongelijke openers en sluiters", make: { repeated("*a_ ", $0) }, size: 50_000),
    PathologicalCase(name: "openers en sluiters veelvoud van 3", make: { "a**b" + repeated("c* ", $0) }, size: 50_000),
    PathologicalCase(name: "link-openers en nadruk-sluiters", make: { repeated("[ a_", $0) }, size: 50_000),
    PathologicalCase(name: "patroon [ (](", make: { repeated("[ (](", $0) }, size: 80_000),
    PathologicalCase(name: "patroon ![[]()", make: { repeated("![[]()", $0) }, size: 160_000),
    PathologicalCase(name: "geneste haken", make: { repeated("[", $0) + "a" + repeated("]", $0) }, size: 25_000),
    PathologicalCase(name: "geneste haken met link", make: { repeated("[", $0) + "a" + repeated("](b)", $0) }, size: 25_000),
    PathologicalCase(name: "geneste citaten", make: { repeated("> ", $0) + "a\n" }, size: 25_000),
    PathologicalCase(name: "geneste lijsten", make: { repeated("- ", $0) + "a\n" }, size: 25_000),
    PathologicalCase(name: "geneste genummerde lijsten", make: { repeated("1. ", $0) + "a\n" }, size: 25_000),
    PathologicalCase(name: "trapsgewijze lijsten", make: { n in (0..<n).map { repeated("  ", $0) + "* a\n" }.joined() }, size: 1_000),
    PathologicalCase(name: "backticks", make: { n in (1...n).map { "e" + repeated("`", $0) }.joined() }, size: 5_000),
    PathologicalCase(name: "lange backtick-reeksen", make: { repeated("`", $0) + "a" + repeated("``", $0) }, size: 25_000),
    PathologicalCase(name: "open links A", make: { repeated("[a](<b", $0) }, size: 30_000),
    PathologicalCase(name: "open links B", make: { repeated("[a](b", $0) }, size: 30_000),
    PathologicalCase(name: "open links C", make: { repeated("[a](b \"", $0) }, size: 30_000),
    PathologicalCase(name: "open commentaar", make: { "</" + repeated("<!--", $0) }, size: 300_000),
    PathologicalCase(name: "open verwerkingsinstructies", make: { "abc" + repeated("<?", $0) }, size: 300_000),
    PathologicalCase(name: "open declaraties", make: { "abc" + repeated("<!A ", $0) }, size: 300_000),
    PathologicalCase(name: "open CDATA", make: { "abc" + repeated("<![CDATA[", $0) }, size: 200_000),
    PathologicalCase(name: "open HTML-attributen", make: { "a" + repeated("<a a='", $0) }, size: 100_000),
    PathologicalCase(name: "open autolinks", make: { repeated("<http:", $0) }, size: 100_000),
    PathologicalCase(name: "referentielabels met botsende hashes", make: { n in
        (0..<n).map { "[\(repeated("x", $0 % 50))\($0)]: /u\($0)\n" }.joined() + (0..<n).map { "[\(repeated("x", $0 % 50))\($0)] " }.joined()
    }, size: 25_000),
    PathologicalCase(name: "veel verwijzingen naar één label", make: { "[a]: /u\n\n" + repeated("[a] ", $0) }, size: 100_000),
    PathologicalCase(name: "lange regel met entiteiten", make: { repeated("&amp;&#x26;&#38;&abc ", $0) }, size: 100_000),
    PathologicalCase(name: "ontsnapte tekens", make: { repeated("\\*\\_\\[\\]\\`", $0) }, size: 100_000),
    PathologicalCase(name: "harde regeleinden", make: { repeated("a  \n", $0) }, size: 100_000),
    PathologicalCase(name: "NUL en ongeldige UTF-8", make: { repeated("a\u{0}b\u{FFFD}", $0) }, size: 100_000),
    PathologicalCase(name: "brede tabel", make: { n in
        "|" + repeated(" a |", n) + "\n|" + repeated("-|", n) + "\n" + repeated("|" + repeated(" b |", n) + "\n", 10)
    }, size: 5_000),
    PathologicalCase(name: "lange tabel", make: { n in "| a | b |\n|---|---|\n" + repeated("| c | d |\n", n) }, size: 100_000),
    PathologicalCase(name: "doorhalen", make: { repeated("~a ~~b ", $0) }, size: 65_000),
    PathologicalCase(name: "autolinks in tekst", make: { repeated("www.a.nl/b_c) http://x.y/z?a=b; a@b.cd ", $0) }, size: 30_000),
    PathologicalCase(name: "voetnoten", make: { n in (0..<n).map { "[^\($0)] " }.joined() + "\n\n" + (0..<n).map { "[^\($0)]: n\n" }.joined() }, size: 20_000),
    PathologicalCase(name: "veel lege lijstitems", make: { repeated("-\n", $0) }, size: 100_000),
    PathologicalCase(name: "veel codeblokken", make: { repeated("```\na\n```\n", $0) }, size: 50_000),
]
