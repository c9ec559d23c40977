// Benchmark of the DataFormats readers against the peer tools, in one run (release build):
//
//     bash bench/data-formats/run.sh [count] [--no-peers]   (swift run -c release bench-data-formats ...)
//
// 1. Front matter: `count` (default 10,000) best-practice Markdown files, split and parsed with
//    FrontMatter.split + YAMLReader.parse, against PyYAML (C loader and pure Python) on the same files.
// 2. CSV: a financial table of 100,000 rows with Dutch amounts, parsed with CSVReader and
//    DutchNumber.parseAmount, against Python's csv module converting the amounts to decimal.Decimal.
// Results are printed; docs/benchmarks.md ("Data formats") quotes them.
import DataFormats
import Diagnostics
import Dispatch
import Foundation
import Parallel

/// A deterministic pseudo-random generator, so every run parses the same input.
struct Generator {
    var state: UInt64 = 0x9E37_79B9_7F4A_7C15
    mutating func next(_ n: Int) -> Int {
        state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
        return Int((state >> 33) % UInt64(n))
    }
    mutating func pick<T>(_ items: [T]) -> T { items[next(items.count)] }
}

let themes = ["wonen", "onderwijs", "armoede", "tolerantie", "werk"]
let places = ["Amsterdam", "Utrecht", "Den Haag", "Zwolle", "Groningen", "Eindhoven", "'s-Hertogenbosch"]
let words = ["samen", "wonen", "één", "school", "coöperatie", "buurt", "ideeën", "zorg", "jongeren", "werk", "café"]

func frontMatterFile(_ i: Int, _ g: inout Generator) -> String {
    let stopped = g.next(4) == 0
    var text = "---\n"
    text += "title: \"Best practice \(i): \(g.pick(words)) en \(g.pick(words)) in \(g.pick(places))\"\n"
    text += "date: 20\(10 + g.next(10))-0\(1 + g.next(9))-1\(g.next(10))\n"
    text += "draft: \(g.next(10) == 0)\n"
    text += "themes: [\(g.pick(themes)), \(g.pick(themes))]\n"
    text += "tags:\n  - \(g.pick(words))\n  - \(g.pick(words)) \(g.pick(words))\n"
    text += "places:\n  - \"\(g.pick(places))\"\n"
    text += "status: \(stopped ? "gestopt" : "actief")\n"
    if stopped { text += "stopped: 2020-06-30\n" }
    text += "weight: \(g.next(100))\n"
    text += "budget: \(g.next(100_000)).\(g.next(90) + 10)\n"
    text +=
        "summary: >\n  Een project over \(g.pick(words)) en \(g.pick(words)),\n  gestart door de buurt. # geen commentaar\n"
    text += "contact:\n  name: 'Jan de Vries'\n  email: jan@example.org\n"
    text += "---\n\n# Inleiding\n\nTekst over \(g.pick(words)).\n"
    return text
}

/// CPU time of the calling thread in seconds. The benchmark machine is shared, so wall-clock time includes
/// waiting for a core; CPU time does not, and is what both sides report.
func threadCPUSeconds() -> Double {
    var t = timespec()
    clock_gettime(CLOCK_THREAD_CPUTIME_ID, &t)
    return Double(t.tv_sec) + Double(t.tv_nsec) / 1e9
}

/// Best and median CPU time of several runs, in milliseconds, plus the best wall-clock time.
func measure(runs: Int, _ body: () throws -> Void) rethrows -> (best: Double, median: Double, wall: Double) {
    var times: [Double] = []
    var wall = Double.infinity
    for _ in 0..<runs {
        let start = threadCPUSeconds()
        let wallStart = DispatchTime.now().uptimeNanoseconds
        try body()
        times.append((threadCPUSeconds() - start) * 1000)
        wall = min(wall, Double(DispatchTime.now().uptimeNanoseconds - wallStart) / 1e6)
    }
    times.sort()
    return (times[0], times[times.count / 2], wall)
}

func runPython(_ script: String, _ arguments: [String]) -> [String: Double] {
    let process = Process()
    process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
    process.arguments = ["python3", "-c", script] + arguments
    let pipe = Pipe()
    process.standardOutput = pipe
    do { try process.run() } catch {
        print("python3 niet gevonden: \(error)")
        return [:]
    }
    let data = pipe.fileHandleForReading.readDataToEndOfFile()
    process.waitUntilExit()
    var result: [String: Double] = [:]
    for line in String(decoding: data, as: UTF8.self).split(separator: "\n") {
        let parts = line.split(separator: " ")
        if parts.count == 2, let value = Double(parts[1]) { result[String(parts[0])] = value }
    }
    return result
}

func format(_ ms: Double) -> String { String(format: "%.1f ms", ms) }

let count = CommandLine.arguments.dropFirst().lazy.compactMap { Int($0) }.first ?? 10_000
// Without the peers, for profiling our side alone.
let runPeers = !CommandLine.arguments.contains("--no-peers")
let directory = FileManager.default.temporaryDirectory.appendingPathComponent("breingen-dataformats-bench")
try? FileManager.default.removeItem(at: directory)
try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)

// ---- Front matter -------------------------------------------------------------------------------------
var generator = Generator()
var files: [[UInt8]] = []
for i in 0..<count {
    let text = frontMatterFile(i, &generator)
    files.append(Array(text.utf8))
    if runPeers {
        try text.write(to: directory.appendingPathComponent("bp-\(i).md"), atomically: false, encoding: .utf8)
    }
}
let totalBytes = files.reduce(0) { $0 + $1.count }

/// Takes the corpus as a parameter: a global `var` would cost an exclusivity check per access and share
/// one reference count between threads.
func parseAll(_ range: Range<Int>, _ corpus: [[UInt8]]) throws -> Int {
    var keys = 0
    for i in range {
        let parts = try FrontMatter.split(corpus[i], fileName: "bp-\(i).md")
        if case .mapping(let pairs) = try YAMLReader.parse(parts.frontMatter!).value { keys += pairs.count }
    }
    return keys
}

// Warm up, and check that every file parses.
let corpus = files
let keyCount = try parseAll(0..<count, corpus)
let sequential = try measure(runs: 7) { _ = try parseAll(0..<count, corpus) }
let cores = ProcessInfo.processInfo.activeProcessorCount
// Where the time goes: splitting alone, and parsing front matter that is already split.
let splitOnly = try measure(runs: 7) {
    for i in 0..<count { _ = try FrontMatter.split(files[i], fileName: "bp.md") }
}
let sources = try files.map { try FrontMatter.split($0, fileName: "bp.md").frontMatter! }
if CommandLine.arguments.contains("--profile-parse") {
    // A long parse-only loop for `perf record`.
    for _ in 0..<30 { for source in sources { _ = try YAMLReader.parse(source) } }
    exit(0)
}
let parseOnly = try measure(runs: 7) {
    for source in sources { _ = try YAMLReader.parse(source) }
}
// Threads: CPU time of this thread is meaningless here, so the wall-clock time is reported.
let parallel = measure(runs: 7) {
    let chunk = (count + cores - 1) / cores
    Parallel.forEach(cores) { c in _ = try? parseAll(c * chunk..<min(count, (c + 1) * chunk), corpus) }
}

let pythonFrontMatter = """
    import glob, os, sys, time, yaml
    paths = sorted(glob.glob(os.path.join(sys.argv[1], '*.md')))
    texts = [open(p, encoding='utf-8').read() for p in paths]
    def run(loader):
        keys = 0
        for t in texts:
            end = t.index('\\n---\\n', 3)
            keys += len(yaml.load(t[4:end + 1], Loader=loader))
        return keys
    print('version', yaml.__version__.split('.')[0] + yaml.__version__.split('.')[1].zfill(2) + yaml.__version__.split('.')[2].zfill(2))
    for name, loader, runs in (('csafe', yaml.CSafeLoader, 5), ('safe', yaml.SafeLoader, 1)):
        best = None
        for _ in range(runs):
            start = time.process_time(); run(loader); took = time.process_time() - start
            best = took if best is None else min(best, took)
        print(name, best * 1000)
    """
let python = runPeers ? runPython(pythonFrontMatter, [directory.path]) : [:]

print("Front matter: \(count) files, \(totalBytes / 1024) KiB, \(keyCount) keys")
print(
    "  breingen FrontMatter.split + YAMLReader.parse, 1 thread:  best \(format(sequential.best)), median \(format(sequential.median)) CPU (best wall \(format(sequential.wall)))"
)
print(
    "    of which FrontMatter.split alone:                   best \(format(splitOnly.best)); YAMLReader.parse alone: best \(format(parseOnly.best))"
)
print("  breingen, \(cores) threads (Parallel.forEach):              best wall \(format(parallel.wall))")
if let c = python["csafe"] {
    let v = Int(python["version"] ?? 0)
    print(
        "  PyYAML \(v / 10000).\(v / 100 % 100).\(v % 100) CSafeLoader (libyaml):             best \(format(c)) CPU -> breingen 1 thread is \(String(format: "%.1f", c / sequential.best))x faster"
    )
}
if let p = python["safe"] {
    print(
        "  PyYAML SafeLoader (pure Python):                  \(format(p)) CPU -> breingen 1 thread is \(String(format: "%.1f", p / sequential.best))x faster"
    )
}

// ---- CSV ------------------------------------------------------------------------------------------
let rows = 100_000
var csv = "post;omschrijving;2020;2019\n"
for i in 0..<rows {
    let amount = generator.next(10_000_000)
    let euros = amount / 100
    let cents = amount % 100
    let grouped = DutchFormat.number(Decimal(euros), decimals: 0)
    let negative = generator.next(5) == 0
    let a = "\(grouped),\(cents < 10 ? "0" : "")\(cents)"
    csv +=
        "\(4000 + i % 900);\"Kosten \(generator.pick(words)); deel \(i)\";\(negative ? "(\(a))" : a);\(generator.next(100_000))\n"
}
let csvBytes = Array(csv.utf8)
let csvPath = directory.appendingPathComponent("lasten.csv")
try csv.write(to: csvPath, atomically: false, encoding: .utf8)

var total = Decimal(0)
let csvTimes = try measure(runs: 5) {
    let table = try CSVReader.parse(SourceFile(name: "lasten.csv", bytes: csvBytes))
    var sum = Decimal(0)
    for row in table.rows {
        sum += DutchNumber.parseAmount(row.fields[2])!
    }
    total = sum
}
let pythonCSV = """
    import csv, decimal, io, sys, time
    text = open(sys.argv[1], encoding='utf-8').read()
    def amount(s):
        s = s.strip(); neg = s.startswith('(')
        d = decimal.Decimal(s.strip('()').replace('.', '').replace(',', '.'))
        return -d if neg else d
    best = None
    for _ in range(5):
        start = time.process_time()
        rows = list(csv.reader(io.StringIO(text), delimiter=';'))
        total = sum(amount(r[2]) for r in rows[1:])
        took = time.process_time() - start
        best = took if best is None else min(best, took)
    print('csv', best * 1000)
    print('total', total)
    """
let pythonCsv = runPeers ? runPython(pythonCSV, [csvPath.path]) : [:]
print("CSV: \(rows) rows, \(csvBytes.count / 1024) KiB, sum of column 2020 = \(DutchFormat.number(total, decimals: 2))")
print(
    "  breingen CSVReader.parse + DutchNumber.parseAmount:  best \(format(csvTimes.best)), median \(format(csvTimes.median)) CPU (best wall \(format(csvTimes.wall)))"
)
if let p = pythonCsv["csv"] {
    let check =
        pythonCsv["total"].map {
            abs($0 - NSDecimalNumber(decimal: total).doubleValue) < 1 ? "same total" : "TOTAL DIFFERS"
        } ?? ""
    print(
        "  Python csv.reader + decimal.Decimal:               best \(format(p)) CPU -> breingen is \(String(format: "%.1f", p / csvTimes.best))x faster (\(check))"
    )
}
try? FileManager.default.removeItem(at: directory)
