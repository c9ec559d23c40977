// The sample document as JSON, so the peer benchmark (bench/pdf/reportlab_peer.py) typesets
// exactly the same content.
import Foundation
import PDF

enum DocumentJSON {
    static func encode(_ document: TypesetDocument) throws -> Data {
        func runs(_ runs: [TextRun]) -> [[String: Any]] {
            runs.map { run in
                var r: [String: Any] = ["text": run.text, "bold": run.bold, "italic": run.italic]
                switch run.link {
                case .url(let address)?: r["url"] = address
                case .anchor(let name)?: r["anchor"] = name
                case nil: break
                }
                return r
            }
        }
        func list(_ block: ListBlock) -> [String: Any] {
            [
                "type": "list", "ordered": block.ordered,
                "items": block.items.map { item -> [String: Any] in
                    var i: [String: Any] = ["runs": runs(item.runs)]
                    if let children = item.children { i["children"] = list(children) }
                    return i
                },
            ]
        }
        var blocks: [[String: Any]] = []
        for block in document.blocks {
            switch block {
            case .heading(let h):
                var b: [String: Any] = ["type": "heading", "level": h.level, "text": h.text, "numbered": h.numbered]
                if let anchor = h.anchor { b["anchor"] = anchor }
                blocks.append(b)
            case .paragraph(let r): blocks.append(["type": "paragraph", "runs": runs(r)])
            case .list(let l): blocks.append(list(l))
            case .table(let t):
                blocks.append([
                    "type": "table", "header": t.header, "rows": t.rows.map { ["cells": $0.cells, "bold": $0.bold] },
                    "caption": t.caption ?? "",
                ])
            case .barChart(let c):
                blocks.append([
                    "type": "chart", "title": c.title,
                    "bars": c.bars.map { ["label": $0.label, "value": $0.value, "valueLabel": $0.valueLabel] },
                ])
            case .pageBreak: blocks.append(["type": "pagebreak"])
            case .tableOfContents(let title, let maxLevel):
                blocks.append(["type": "toc", "title": title, "maxLevel": maxLevel])
            case .anchor(let name): blocks.append(["type": "anchor", "name": name])
            case .notes(let notes):
                // The peer has no notes: each note is a paragraph after its anchor.
                for note in notes {
                    blocks.append(["type": "anchor", "name": note.anchor])
                    blocks.append(["type": "paragraph", "runs": runs([TextRun(note.label + " ")] + note.runs)])
                }
            }
        }
        let root: [String: Any] = [
            "title": document.metadata.title, "author": document.metadata.author,
            "cover": [
                "title": document.cover?.title ?? "", "subtitle": document.cover?.subtitle ?? "",
                "lines": document.cover?.lines ?? [],
            ],
            "header": document.runningHeader ?? "", "blocks": blocks,
        ]
        return try JSONSerialization.data(withJSONObject: root, options: [.sortedKeys])
    }
}
