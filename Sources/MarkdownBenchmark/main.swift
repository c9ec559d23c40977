import Foundation
import Markdown
import MarkdownHostileInputs

// The Markdown benchmark (release build only):
//   swift run -c release MarkdownBenchmark            all of it
//   swift run -c release MarkdownBenchmark speed      MB/s on both corpora, with cmark and cmark-gfm
//   swift run -c release MarkdownBenchmark hostile    the pathological inputs at full size and doubled
//   swift run -c release MarkdownBenchmark memory     peak memory for a 10 MB document

func now() -> Double {
    var t = timespec()
    clock_gettime(CLOCK_MONOTONIC, &t)
    return Double(t.tv_sec) + Double(t.tv_nsec) / 1e9
}

/// User + system CPU seconds of this process (`RUSAGE_SELF`) or of its finished children.
func cpuSeconds(_ who: Int32) -> Double {
    var usage = rusage()
    getrusage(who == 0 ? RUSAGE_SELF.rawValue : RUSAGE_CHILDREN.rawValue, &usage)
    return Double(usage.ru_utime.tv_sec) + Double(usage.ru_utime.tv_usec) / 1e6
        + Double(usage.ru_stime.tv_sec) + Double(usage.ru_stime.tv_usec) / 1e6
}

/// A timing: wall clock and CPU seconds. On a shared machine the CPU time is the steadier figure.
struct Timing {
    var wall = Double.infinity
    var cpu = Double.infinity
    mutating func keepBest(_ other: Timing) {
        wall = min(wall, other.wall)
        cpu = min(cpu, other.cpu)
    }
}

/// Best of `runs` wall-clock and CPU times of `body` (in this process).
func best(_ runs: Int, _ body: () -> Void) -> Double { bestTiming(runs, body).wall }

func bestTiming(_ runs: Int, _ body: () -> Void) -> Timing {
    var result = Timing()
    for _ in 0..<runs {
        let cpu0 = cpuSeconds(0)
        let start = now()
        body()
        result.keepBest(Timing(wall: now() - start, cpu: cpuSeconds(0) - cpu0))
    }
    return result
}

/// Best of `runs` timings of a child process (its output goes to /dev/null).
func runProcess(_ runs: Int, _ path: String, _ arguments: [String]) -> Timing {
    var result = Timing()
    for _ in 0..<runs {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: path)
        process.arguments = arguments
        process.standardOutput = FileHandle.nullDevice
        let cpu0 = cpuSeconds(1)
        let start = now()
        do { try process.run() } catch { return Timing(wall: .nan, cpu: .nan) }
        process.waitUntilExit()
        result.keepBest(Timing(wall: now() - start, cpu: cpuSeconds(1) - cpu0))
    }
    return result
}

func which(_ tool: String) -> String? {
    for dir in (ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin").split(separator: ":") {
        let path = "\(dir)/\(tool)"
        if FileManager.default.isExecutableFile(atPath: path) { return path }
    }
    return nil
}

let mode = CommandLine.arguments.dropFirst().first ?? "all"
let runs = 5
let benchDirectory = URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent()
let breingen = benchDirectory.appendingPathComponent("breingen").path

func speed() throws {
    let corpora: [(String, [UInt8])] = [
        ("spec-voorbeelden", try Corpora.specExamples(targetBytes: 10_000_000)),
        ("Nederlands proza", try Corpora.dutchProse(targetBytes: 10_000_000)),
    ]
    let gfmFlags = ["--unsafe", "-e", "table", "-e", "strikethrough", "-e", "autolink", "-e", "tagfilter",
                    "-e", "tasklist", "-e", "footnotes"]
    print("## Snelheid (beste van \(runs); MB/s = 10^6 bytes per seconde CPU-tijd, tussen haakjes per seconde wandkloktijd)\n")
    print("| corpus | modus | breingen (in proces) | breingen CLI | C-referentie | naam | verhouding CLI / C (CPU) |")
    print("| --- | --- | ---: | ---: | ---: | --- | ---: |")
    for (name, bytes) in corpora {
        let file = FileManager.default.temporaryDirectory.appendingPathComponent("breingen-bench-\(getpid())-\(name.hashValue).md")
        try Data(bytes).write(to: file)
        defer { try? FileManager.default.removeItem(at: file) }
        let mb = Double(bytes.count) / 1e6
        func f(_ t: Timing) -> String { String(format: "%.1f (%.1f)", mb / t.cpu, mb / t.wall) }
        for (mode, options, tool, toolArguments, cliArguments) in [
            ("CommonMark", MarkdownOptions.commonMark, "cmark", ["--unsafe"], ["markdown", "--commonmark"]),
            ("GFM", MarkdownOptions.default, "cmark-gfm", gfmFlags, ["markdown"]),
        ] {
            var sink = 0
            let ours = bestTiming(runs) { sink &+= HTMLRenderer().renderBytes(Markdown.parse(bytes, options: options)).count }
            var reference = Timing(wall: .nan, cpu: .nan)
            if let path = which(tool) { reference = runProcess(runs, path, toolArguments + [file.path]) }
            var cli = Timing(wall: .nan, cpu: .nan)
            if FileManager.default.isExecutableFile(atPath: breingen) { cli = runProcess(runs, breingen, cliArguments + [file.path]) }
            print("| \(name) (\(String(format: "%.1f", mb)) MB) | \(mode) | \(f(ours)) | \(f(cli)) | \(f(reference)) | \(tool) | \(String(format: "%.2f×", reference.cpu / cli.cpu)) |")
            if sink == 42 { print("") }
        }
    }
    print("")
}

func hostile() {
    print("## Vijandige invoer (release, beste van 3; n = volle grootte, 2n = verdubbeld)\n")
    print("| geval | n | bytes | tijd n | tijd 2n | verhouding tijd | tijd per byte 2n / n |")
    print("| --- | ---: | ---: | ---: | ---: | ---: | ---: |")
    var worst = 0.0
    for c in HostileInput.all {
        let small = Array(c.make(c.size).utf8)
        let large = Array(c.make(c.size * 2).utf8)
        var sink = 0
        let t1 = best(3) { sink &+= HTMLRenderer().renderBytes(Markdown.parse(small)).count }
        let t2 = best(3) { sink &+= HTMLRenderer().renderBytes(Markdown.parse(large)).count }
        worst = max(worst, t1)
        print("| \(c.name) | \(c.size) | \(small.count) | \(String(format: "%.3f s", t1)) | \(String(format: "%.3f s", t2)) | \(String(format: "%.2f", t2 / t1)) | \(String(format: "%.2f", (t2 / Double(large.count)) / (t1 / Double(small.count)))) |")
        if sink == 42 { print("") }
    }
    print("\nTraagste geval op volle grootte: \(String(format: "%.3f s", worst))\n")
}

func residentKilobytes(_ field: String) -> Int {
    guard let status = try? String(contentsOfFile: "/proc/self/status", encoding: .utf8) else { return 0 }
    for line in status.split(separator: "\n") where line.hasPrefix(field + ":") {
        return Int(line.split(separator: " ", omittingEmptySubsequences: true).dropFirst().first ?? "0") ?? 0
    }
    return 0
}

func memoryChild(_ path: String) {
    let bytes = [UInt8](FileManager.default.contents(atPath: path) ?? Data())
    let baseline = residentKilobytes("VmRSS")
    let html = HTMLRenderer().renderBytes(Markdown.parse(bytes))
    let peak = residentKilobytes("VmHWM")
    print("\(bytes.count) \(baseline) \(peak) \(html.count)")
}

func memory() throws {
    print("## Geheugen (10 MB Nederlands proza, GFM, parse + render in een nieuw proces)\n")
    let bytes = try Corpora.dutchProse(targetBytes: 10_000_000)
    let file = FileManager.default.temporaryDirectory.appendingPathComponent("breingen-mem-\(getpid()).md")
    try Data(bytes).write(to: file)
    defer { try? FileManager.default.removeItem(at: file) }
    let process = Process()
    process.executableURL = URL(fileURLWithPath: CommandLine.arguments[0])
    process.arguments = ["memory-child", file.path]
    let pipe = Pipe()
    process.standardOutput = pipe
    try process.run()
    let output = String(decoding: pipe.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
    process.waitUntilExit()
    let fields = output.split(separator: " ").compactMap { Int($0.trimmingCharacters(in: .whitespacesAndNewlines)) }
    guard fields.count == 4 else {
        print("meting mislukt: \(output)")
        return
    }
    let size = Double(fields[0])
    let above = Double(fields[2] - fields[1]) * 1024
    print("invoer \(String(format: "%.1f", size / 1e6)) MB (al ingelezen in de basislijn), piek boven basislijn "
          + "\(String(format: "%.1f", above / 1e6)) MB = \(String(format: "%.2f", above / size))× de invoer "
          + "(HTML \(String(format: "%.1f", Double(fields[3]) / 1e6)) MB)\n")
}

switch mode {
case "corpus":
    // Writes the two corpora to a folder, to look at them or time other tools by hand.
    let dir = URL(fileURLWithPath: CommandLine.arguments.count > 2 ? CommandLine.arguments[2] : ".")
    try Data(try Corpora.specExamples(targetBytes: 10_000_000)).write(to: dir.appendingPathComponent("spec-10mb.md"))
    try Data(try Corpora.dutchProse(targetBytes: 10_000_000)).write(to: dir.appendingPathComponent("proza-10mb.md"))
case "speed": try speed()
case "hostile": hostile()
case "memory": try memory()
case "memory-child": memoryChild(CommandLine.arguments[2])
case "profile":
    // `profile FILE [commonmark|gfm] [REPEATS]`: parse and render one file repeatedly in this process,
    // to run under perf or callgrind.
    let arguments = CommandLine.arguments
    let bytes = [UInt8](FileManager.default.contents(atPath: arguments[2]) ?? Data())
    let options = arguments.count > 3 && arguments[3] == "commonmark" ? MarkdownOptions.commonMark : .default
    let repeats = arguments.count > 4 ? Int(arguments[4]) ?? 1 : 1
    var sink = 0
    let timing = bestTiming(repeats) { sink &+= HTMLRenderer().renderBytes(Markdown.parse(bytes, options: options)).count }
    print("best of \(repeats): \(String(format: "%.1f", timing.cpu * 1000)) ms CPU, \(String(format: "%.1f", timing.wall * 1000)) ms wall (\(sink / repeats) bytes of HTML)")
default:
    try speed()
    try memory()
    hostile()
}
