import Diagnostics

/// Reads the YAML that editors write: front matter, `site.yml` and data files.
///
/// Supported: block and flow mappings and sequences; plain, single- and double-quoted scalars (with
/// escapes and line folding); literal `|` and folded `>` block scalars with every chomping and indentation
/// indicator; comments; and the YAML 1.1 scalar types that PyYAML's safe loader resolves: null, booleans
/// (`true`/`false`, and also `yes`/`no`/`on`/`off` like PyYAML), integers (decimal, `0x`, `0b`, `_`
/// separators), decimals (exact `Decimal`, never through `Double`), dates and date-times.
///
/// Everything beyond that is an error naming what is not supported, never a silent misreading:
/// anchors, aliases, tags, directives, complex keys, merge keys and several documents in one file; so are tab
/// indentation, duplicate keys and unterminated quotes. See `docs/data-formats.md` for the deliberate
/// differences from PyYAML.
public enum YAMLReader {
    /// Parses one YAML document. An empty document is `.null`.
    ///
    /// - Throws: a `Diagnostic` with the file, line, column and source line of the first problem.
    public static func parse(_ source: SourceFile) throws -> YAMLNode {
        try source.bytes.withUnsafeBufferPointer { buffer in
            if let problem = TextCheck.firstProblem(in: buffer) {
                throw Diagnostic.error(problem.message, in: source, at: problem.offset)
            }
            var parser = YAMLParser(source: source, bytes: buffer)
            return try parser.parseDocument()
        }
    }

    /// Parses YAML text; `name` is the file name used in diagnostics.
    public static func parse(_ text: String, name: String = "<yaml>", firstLine: Int = 1) throws -> YAMLNode {
        try parse(SourceFile(name: name, text: text, firstLine: firstLine))
    }
}
