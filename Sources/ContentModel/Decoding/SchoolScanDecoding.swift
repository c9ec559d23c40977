import Diagnostics

extension SchoolScan {
    static func decode(_ r: FieldReader, info: ItemInfo) -> SchoolScan? {
        let school = r.text("school", required: true)
        let place = r.text("place", required: true)
        var schoolYear: SchoolYear?
        if let node = r.raw("schoolYear", required: true),
            let text = FieldReader.text(node, key: "schoolYear", context: r.context)
        {
            let parts = text.split(separator: "-")
            if parts.count == 2, let a = Int(parts[0]), let b = Int(parts[1]), (1900...2200).contains(a), b == a + 1 {
                schoolYear = SchoolYear(startYear: a)
            } else {
                r.context.error(
                    "schooljaar '\(text)' moet twee opeenvolgende jaren zijn, zoals \"2020-2021\"", at: node)
            }
        }
        let projectLeader = r.text("projectLeader", required: true)
        let phases = decodePhases(r, key: "phases", required: true)
        var classes: [ClassScan] = []
        for node in r.list("classes") ?? [] {
            let c = FieldReader(node, context: r.context, what: "klas")
            let name = c.text("name", required: true)
            let classPhases = decodePhases(c, key: "phases", required: true)
            c.finish()
            if let name {
                if classes.contains(where: { $0.name == name }) {
                    r.context.error("klas '\(name)' staat twee keer in de scan", at: node)
                }
                classes.append(ClassScan(name: name, phases: classPhases ?? []))
            }
        }
        var advice: [Advice] = []
        for node in r.list("advice") ?? [] {
            let a = FieldReader(node, context: r.context, what: "advies")
            let id = a.text("id", required: true)
            let text = a.text("text", required: true)
            let className = a.text("class")
            if let className, !classes.contains(where: { $0.name == className }), let n = a.raw("class") {
                var message = "onbekende klas '\(className)'"
                if let near = Suggestions.nearest(to: className, in: classes.map(\.name)) {
                    message += "; bedoelde je '\(near)'?"
                }
                r.context.error(message, at: n)
            }
            a.finish()
            if let id, let text {
                if advice.contains(where: { $0.id == id }), let n = a.raw("id") {
                    r.context.error("advies '\(id)' staat twee keer in de scan", at: n)
                }
                advice.append(Advice(id: id, text: text, className: className))
            }
        }
        var interventions: [Intervention] = []
        for node in r.list("interventions") ?? [] {
            let i = FieldReader(node, context: r.context, what: "interventie")
            let title = i.text("title", required: true)
            let by: InterventionBy? = i.choice("by", required: true)
            let adviceID = i.text("advice", required: true)
            if let adviceID, !advice.contains(where: { $0.id == adviceID }), let n = i.raw("advice") {
                var message = "onbekend advies '\(adviceID)'"
                if let near = Suggestions.nearest(to: adviceID, in: advice.map(\.id)) {
                    message += "; bedoelde je '\(near)'?"
                }
                r.context.error(message, at: n)
            }
            i.finish()
            if let title, let by, let adviceID {
                interventions.append(Intervention(title: title, by: by, advice: adviceID))
            }
        }
        let keurmerk: Keurmerk? = r.choice("keurmerk", required: true)
        if let keurmerk, keurmerk != .open, let phases, !phases.contains(where: { $0.phase == 3 }),
            let n = r.raw("keurmerk")
        {
            r.context.error("keurmerk '\(keurmerk.rawValue)' kan pas na fase 3 van de scan", at: n)
        }
        guard let school, let place, let schoolYear, let projectLeader, let phases, let keurmerk else { return nil }
        return SchoolScan(
            info: info, school: school, place: place, schoolYear: schoolYear, projectLeader: projectLeader,
            phases: phases, classes: classes, advice: advice, interventions: interventions, keurmerk: keurmerk)
    }

    /// Phases 1, 2, 3 in order without gaps, each dated after the previous one.
    private static func decodePhases(_ r: FieldReader, key: String, required: Bool) -> [ScanPhase]? {
        guard let nodes = r.list(key, required: required) else { return nil }
        var phases: [ScanPhase] = []
        for node in nodes {
            let p = FieldReader(node, context: r.context, what: "scanfase")
            let number = p.int("phase", required: true, in: 1...3)
            let date = p.date("date", required: true)
            let level = p.reference("level", to: .pyramidLevel, required: true)
            let note = p.text("note")
            p.finish()
            if let number {
                let expected = (phases.last?.phase ?? 0) + 1
                if number != expected, let n = p.raw("phase") {
                    r.context.error(
                        "scanfase \(number) staat niet op zijn plaats: verwacht fase \(expected)", at: n,
                        notes: ["de fasen 1, 2 en 3 staan in volgorde, zonder gaten"])
                }
            }
            if let date, let previous = phases.last, date.day0 <= previous.date.day0, let n = p.raw("date") {
                r.context.error(
                    "fase \(number ?? previous.phase + 1) (\(date)) ligt niet na fase \(previous.phase) (\(previous.date))",
                    at: n)
            }
            if let number, let date, let level {
                phases.append(ScanPhase(phase: number, date: date, level: level, note: note))
            }
        }
        if required, nodes.isEmpty, let n = r.raw(key) {
            r.context.error("een scan heeft minstens fase 1 nodig", at: n)
        }
        return phases
    }
}
