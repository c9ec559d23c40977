extension ResultList {
    static func decode(_ r: FieldReader, info: ItemInfo) -> ResultList? {
        let theme = r.reference("theme", to: .theme, required: true)
        let year = r.year("year", required: true)
        let numbering: Numbering = r.choice("numbering") ?? .numbers
        var items: [ResultItem] = []
        let nodes = r.list("items", required: true)
        if let nodes, nodes.isEmpty, let node = r.raw("items") {
            r.context.error("veld 'items' heeft minstens één resultaat nodig", at: node)
        }
        for node in nodes ?? [] {
            let item = FieldReader(node, context: r.context, what: "resultaat")
            let title = item.text("title", required: true)
            let kind: ResultKind? = item.choice("kind", required: true)
            let partners = item.texts("partners") ?? []
            let link = item.url("link")
            let publication = item.reference("publication", to: .publication)
            let description = item.text("description")
            item.finish()
            if let title, let kind {
                items.append(
                    ResultItem(
                        title: title, kind: kind, partners: partners, link: link,
                        publication: publication, description: description))
            }
        }
        // The file name says which theme and year it is about; a mismatch is a copy-paste slip.
        if let theme, let year, info.slug != "\(year)-\(theme)" {
            r.context.warning(
                "resultaten van \(theme) in \(year) horen in results/\(year)-\(theme).yml",
                line: r.node.line, column: r.node.column)
        }
        guard let theme, let year, nodes != nil else { return nil }
        return ResultList(info: info, theme: theme, year: year, numbering: numbering, items: items)
    }
}
