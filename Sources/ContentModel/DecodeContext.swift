import DataFormats
import Diagnostics

/// Everything decoding one content file produces besides the item: its diagnostics and the slugs it
/// refers to (checked once every file is read). One per file, so files decode in parallel without locks.
final class DecodeContext {
    let source: SourceFile
    private(set) var diagnostics: [Diagnostic] = []
    private(set) var references: [Reference] = []
    /// The tags written in the file, to find one tag spelled in several ways across files.
    private(set) var tagUses: [TagUse] = []

    init(source: SourceFile) {
        self.source = source
    }

    var file: String { source.name }

    func error(_ message: String, line: Int, column: Int, notes: [String] = []) {
        report(.error, message, line: line, column: column, notes: notes)
    }

    func warning(_ message: String, line: Int, column: Int, notes: [String] = []) {
        report(.warning, message, line: line, column: column, notes: notes)
    }

    func error(_ message: String, at node: YAMLNode, notes: [String] = []) {
        report(.error, message, line: node.line, column: node.column, notes: notes)
    }

    func warning(_ message: String, at node: YAMLNode, notes: [String] = []) {
        report(.warning, message, line: node.line, column: node.column, notes: notes)
    }

    func report(_ severity: Severity, _ message: String, line: Int, column: Int, notes: [String] = []) {
        diagnostics.append(
            Diagnostic(
                severity, message, file: source.name, line: line, column: column,
                sourceLine: source.lineText(line), notes: notes))
    }

    func append(_ diagnostic: Diagnostic) {
        diagnostics.append(diagnostic)
    }

    /// Records a slug reference to resolve after all files are read.
    func refer(to kind: ReferenceKind, _ slug: String, at node: YAMLNode) {
        references.append(
            Reference(
                kind: kind, slug: slug, file: source.name, line: node.line, column: node.column,
                sourceLine: source.lineText(node.line)))
    }

    func noteTag(_ text: String, at node: YAMLNode) {
        tagUses.append(
            TagUse(
                text: text, file: source.name, line: node.line, column: node.column,
                sourceLine: source.lineText(node.line)))
    }
}

/// What a reference points at.
enum ReferenceKind: String, Sendable {
    case theme, publication, pyramidLevel, menu

    /// "onbekend thema", "onbekende publicatie": the adjective follows the noun's gender.
    var unknown: String {
        self == .publication ? "onbekende \(label)" : "onbekend \(label)"
    }

    /// Dutch name for messages.
    var label: String {
        switch self {
        case .theme: return "thema"
        case .publication: return "publicatie"
        case .pyramidLevel: return "niveau van de inclusiepiramide"
        case .menu: return "menu"
        }
    }
}

/// A slug named in a file, with where it was written.
struct Reference: Sendable {
    var kind: ReferenceKind
    var slug: String
    var file: String
    var line: Int
    var column: Int
    var sourceLine: String?
}

/// A tag as written in a file.
struct TagUse: Sendable {
    var text: String
    var file: String
    var line: Int
    var column: Int
    var sourceLine: String?
}
