import DataFormats
import Diagnostics

/// The one place the content model calls the YAML reader.
enum YAMLParsing {
    static func parse(_ source: SourceFile) throws -> YAMLNode {
        try YAMLReader.parse(source)
    }
}
