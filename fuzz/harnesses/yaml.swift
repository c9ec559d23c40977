// libFuzzer harness: the YAML reader as site.yml and data files use it, and its JSON conversion. A
// parse either gives a tree or throws a diagnostic that points inside the input.
import DataFormats
import Diagnostics

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzYAML(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    let bytes = Array(UnsafeBufferPointer(start: data, count: size))
    let source = SourceFile(name: "fuzz.yml", bytes: bytes)
    do {
        let node = try YAMLReader.parse(source)
        _ = node.jsonText()
        _ = node.jsonText(typed: true)
    } catch let diagnostic as Diagnostic {
        checkPosition(diagnostic, lines: source)
    } catch let many as DiagnosticError {
        many.diagnostics.forEach { checkPosition($0, lines: source) }
    } catch {
        fatalError("YAMLReader threw something other than a diagnostic: \(error)")
    }
    return 0
}

/// A diagnostic's line and column must exist in the file (an editor is sent there).
func checkPosition(_ diagnostic: Diagnostic, lines source: SourceFile) {
    guard let line = diagnostic.line else { return }
    precondition(line >= 1, "line \(line)")
    if let column = diagnostic.column { precondition(column >= 1, "column \(column)") }
    _ = source.lineText(line)
}
