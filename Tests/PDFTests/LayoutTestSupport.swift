@testable import PDF

/// Layout entry points without a document's structure tree, for tests of one block.
extension TableLayout {
    func slices(for table: Table) -> [Slice] {
        var layout = self
        var tree = StructureTree()
        let element = tree.add("Table", parent: StructureTree.document)
        return layout.slices(for: table, element: element, structure: &tree)
    }
}

extension BarChartLayout {
    func slices(for chart: BarChart) -> [Slice] {
        slices(for: chart, figure: 1, caption: 2)
    }
}

extension Slice {
    /// The text of every text op, in order.
    var texts: [String] {
        ops.compactMap { op -> String? in
            guard case .text(_, _, _, _, let text, _, _, _) = op else { return nil }
            return String(
                String.UnicodeScalarView(
                    text.compactMap { Unicode.Scalar($0 == 0xAD ? 0x2D : $0 == TextScalars.gluedSpace ? 0x20 : $0) }))
        }
    }
}
