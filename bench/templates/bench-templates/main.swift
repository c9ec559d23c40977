// Our side of the template benchmark (bench/templates/run.sh runs it beside Jinja2 in the same run):
// renders the "big table" and "teams" templates N times each and prints µs per render.
import Foundation
import Templates

let arguments = CommandLine.arguments
guard arguments.count >= 2 else {
    FileHandle.standardError.write(Data("gebruik: bench-templates TEMPLATEMAP [AANTAL] [UITVOERMAP]\n".utf8))
    exit(2)
}
let folder = URL(fileURLWithPath: arguments[1], isDirectory: true)
let renders = arguments.count > 2 ? Int(arguments[2]) ?? 1000 : 1000
let outputFolder = arguments.count > 3 ? URL(fileURLWithPath: arguments[3], isDirectory: true) : nil

let environment = Environment(searchPaths: [folder])
let table: Value = .list((0..<100).map { r in .list((0..<100).map { c in .int(r * 100 + c) }) })
let teams: Value = .list([
    ["name": "Bestuur", "score": 12],
    ["name": "Raad van advies", "score": 7],
    ["name": "Programmabureau & co", "score": 31],
    ["name": "Saïd's <team>", "score": 4],
])
let cases: [(String, String, [String: Value])] = [
    ("bigtable", "bigtable.html", ["table": table]),
    ("teams", "teams.html", ["title": "Teams & <partners>", "teams": teams]),
]

do {
    for (name, file, context) in cases {
        let template = try environment.template(named: file)
        var output = ""
        for _ in 0..<max(10, renders / 10) { output = try template.render(context) }
        let start = DispatchTime.now().uptimeNanoseconds
        for _ in 0..<renders { output = try template.render(context) }
        let elapsed = Double(DispatchTime.now().uptimeNanoseconds - start) / 1e3
        print("\(name) \(String(format: "%.2f", elapsed / Double(renders)))")
        if let outputFolder {
            try Data(output.utf8).write(to: outputFolder.appendingPathComponent("\(name).breingen.html"))
        }
    }
} catch {
    FileHandle.standardError.write(Data("\(error)\n".utf8))
    exit(1)
}
