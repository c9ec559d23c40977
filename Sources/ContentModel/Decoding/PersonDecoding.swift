import DataFormats
import Markdown

extension Person {
    static func decode(_ r: FieldReader, info: ItemInfo) -> Person? {
        let name = r.text("name", required: true)
        let sortName = r.text("sortName")
        var roles: [Role] = []
        var starts: [YAMLNode?] = []
        let nodes = r.list("roles", required: true)
        if let nodes, nodes.isEmpty, let node = r.raw("roles") {
            r.context.error("veld 'roles' heeft minstens één rol nodig", at: node)
        }
        for node in nodes ?? [] {
            let item = FieldReader(node, context: r.context, what: "rol")
            let body: Body? = item.choice("body", required: true)
            let role = item.text("role", required: true)
            let organisation = item.text("organisation")
            let function = item.text("function")
            let start = item.date("start", required: true)
            let end = item.date("end")
            let fte = item.decimal("fte")
            // 1 fte is a full working week: more is possible for a while (overtime), over 1,5 is a mistake.
            if let fte, let n = item.raw("fte") {
                if fte < 0 || fte > 1.5 {
                    item.context.error(
                        "fte \(DutchFormat.number(fte)) is onmogelijk; een fte ligt tussen 0 en 1 (een volle werkweek)",
                        at: n)
                } else if fte > 1 {
                    item.context.warning(
                        "fte \(DutchFormat.number(fte)) is meer dan een volle werkweek (1 fte)", at: n,
                        notes: ["een deeltijdbaan van 32 uur is 0,8 fte: uren per week gedeeld door 40"])
                }
            }
            if let start, let end, end.day0 < start.day0, let n = item.raw("end") {
                item.context.error("einde van de rol (\(end)) ligt vóór het begin (\(start))", at: n)
            }
            item.finish()
            if let body, let role, let start {
                roles.append(
                    Role(
                        body: body, role: role, organisation: organisation, function: function,
                        start: start, end: end, fte: fte))
                starts.append(item.raw("start"))
            }
        }
        overlaps(roles, starts, r.context)
        guard let name, nodes != nil else { return nil }
        return Person(info: info, name: name, sortName: sortName ?? PersonName.sortName(for: name), roles: roles)
    }
}

/// One person holds one role in a body at a time: the composition on 31 December counts people, and a
/// second role that starts while the first still runs is neither a change nor a new member. Two roles at
/// once ("secretaris en penningmeester") are written as one role.
private func overlaps(_ roles: [Role], _ starts: [YAMLNode?], _ context: DecodeContext) {
    for (i, role) in roles.enumerated() {
        guard let earlier = roles[..<i].first(where: { $0.body == role.body && $0.isHeld(at: role.start) }),
            let node = starts[i]
        else { continue }
        let until = earlier.end.map { "tot en met \($0)" } ?? "zonder einde"
        let body = (role.body == .raadVanAdvies ? "de " : "het ") + role.body.title.lowercased()
        context.error(
            "deze rol in \(body) begint op \(role.start), terwijl de rol als \(earlier.role) (vanaf \(earlier.start), \(until)) nog loopt",
            at: node,
            notes: [
                "één persoon heeft één rol tegelijk per orgaan: sluit de vorige rol af met end: de dag ervoor, of schrijf beide in één rol (role: \(earlier.role) en \(role.role))"
            ])
    }
}

/// Dutch names sort on the part after the tussenvoegsel: "Jan van der Berg" sorts as "Berg, Jan van der".
public enum PersonName {
    static let particles: Set<String> = [
        "van", "de", "der", "den", "het", "'t", "’t", "ter", "ten", "te", "in", "op", "aan", "bij", "uit",
        "la", "le", "du", "da", "di", "del", "des", "el", "al", "von", "zu", "d'", "l'", "d’", "l’",
    ]

    /// "Jan van der Berg" → "Berg, Jan van der"; a name without tussenvoegsel sorts on its last word.
    public static func sortName(for name: String) -> String {
        // A tussenvoegsel written onto the surname ("Renée d'Hondt", "l’Ecluse") is a word of its own.
        var words: [String] = []
        for (i, word) in name.split(separator: " ").map(String.init).enumerated() {
            let lower = word.lowercased()
            if i > 0, word.count > 2, ["d'", "l'", "d’", "l’"].contains(where: { lower.hasPrefix($0) }) {
                words += [String(word.prefix(2)), String(word.dropFirst(2))]
            } else {
                words.append(word)
            }
        }
        guard words.count > 1 else { return name }
        var surnameStart = words.count - 1
        if let first = words.indices.dropFirst().first(where: { particles.contains(words[$0].lowercased()) }) {
            var i = first
            while i < words.count - 1, particles.contains(words[i].lowercased()) { i += 1 }
            surnameStart = i
            let given = words[..<first].joined(separator: " ")
            let particle = words[first..<surnameStart].joined(separator: " ")
            return words[surnameStart...].joined(separator: " ") + ", " + given + " " + particle
        }
        return words[surnameStart...].joined(separator: " ") + ", " + words[..<surnameStart].joined(separator: " ")
    }

    /// A key for sorting: lower case with diacritics folded, so "Özdemir" sorts with "Ozdemir".
    public static func sortKey(_ sortName: String) -> String {
        Slug.make(sortName, asciiOnly: true)
    }
}
