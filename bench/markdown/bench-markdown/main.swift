import Foundation
import Markdown
import MarkdownHostileInputs

// The Markdown benchmark (release build only; bench/markdown/run.sh installs the peers and builds):
//   bench-markdown [all]          speed, memory and hostile input
//   bench-markdown speed          both 10 MB corpora: breingen against pulldown-cmark, md4c and cmark
//   bench-markdown memory         peak memory of turning each corpus into HTML, in process and by whole programs
//   bench-markdown stats FILE [commonmark]   the nodes of FILE's tree, by kind
//   bench-markdown hostile        the hostile inputs at full size and doubled
//   bench-markdown corpus DIR     writes the two corpora to DIR
//   bench-markdown hostile-dump DIR   writes each hostile input at full size and doubled to DIR
//   bench-markdown profile FILE [commonmark|gfm] [REPEATS]   parse + render in a loop, for perf
// Options: --runs N (rounds of the speed benchmark, default 7), --shared DIR (the seed documents of
// the prose corpus, see Corpora). md4c runs through the driver named by $MD4C_DRIVER; $MARKDOWN_BASELINE
// names another breingen binary to time in the same rounds.

func now() -> Double {
    var t = timespec()
    clock_gettime(CLOCK_MONOTONIC, &t)
    return Double(t.tv_sec) + Double(t.tv_nsec) / 1e9
}

func seconds(_ t: timeval) -> Double { Double(t.tv_sec) + Double(t.tv_usec) / 1e6 }

/// One measured run: wall clock and CPU (user + system).
struct Sample {
    var wall: Double
    var cpu: Double
}

/// User + system CPU seconds of this process so far.
func ownCPU() -> Double {
    var usage = rusage()
    getrusage(RUSAGE_SELF.rawValue, &usage)
    return seconds(usage.ru_utime) + seconds(usage.ru_stime)
}

/// Times `body` in this process.
func measure(_ body: () -> Void) -> Sample {
    let cpu0 = ownCPU()
    let start = now()
    body()
    return Sample(wall: now() - start, cpu: ownCPU() - cpu0)
}

/// Runs a program with its standard input from `input` (or /dev/null) and its output to /dev/null,
/// and measures it with `wait4`: the CPU time of exactly that child.
func runProcess(_ path: String, _ arguments: [String], input: String? = nil) -> Sample? {
    var actions: posix_spawn_file_actions_t = posix_spawn_file_actions_t()
    posix_spawn_file_actions_init(&actions)
    defer { posix_spawn_file_actions_destroy(&actions) }
    posix_spawn_file_actions_addopen(&actions, 0, input ?? "/dev/null", O_RDONLY, 0)
    posix_spawn_file_actions_addopen(&actions, 1, "/dev/null", O_WRONLY, 0)
    let argv = ([path] + arguments).map { strdup($0) } + [nil]
    defer { argv.forEach { free($0) } }
    var pid: pid_t = 0
    let start = now()
    guard posix_spawn(&pid, path, &actions, nil, argv, environ) == 0 else { return nil }
    var status: Int32 = 0
    var usage = rusage()
    guard wait4(pid, &status, 0, &usage) == pid else { return nil }
    let wall = now() - start
    guard status == 0 else { return nil }
    return Sample(wall: wall, cpu: seconds(usage.ru_utime) + seconds(usage.ru_stime))
}

func which(_ tool: String) -> String? {
    if tool.hasPrefix("/") { return FileManager.default.isExecutableFile(atPath: tool) ? tool : nil }
    for dir in (ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin").split(separator: ":") {
        let path = "\(dir)/\(tool)"
        if FileManager.default.isExecutableFile(atPath: path) { return path }
    }
    return nil
}

func option(_ name: String) -> String? {
    let arguments = CommandLine.arguments
    guard let i = arguments.firstIndex(of: name), i + 1 < arguments.count else { return nil }
    return arguments[i + 1]
}

func median(_ values: [Double]) -> Double {
    let sorted = values.sorted()
    guard !sorted.isEmpty else { return .nan }
    return sorted.count % 2 == 1
        ? sorted[sorted.count / 2] : (sorted[sorted.count / 2 - 1] + sorted[sorted.count / 2]) / 2
}

func ms(_ seconds: Double) -> String { seconds.isNaN ? "–" : String(format: "%.1f", seconds * 1000) }

func loadAverage() -> String {
    (try? String(contentsOfFile: "/proc/loadavg", encoding: .utf8))?.split(separator: " ").prefix(3).joined(
        separator: " ") ?? "?"
}

let mode = CommandLine.arguments.dropFirst().first ?? "all"
let rounds = Int(option("--runs") ?? "") ?? 7
let benchDirectory = URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent()
let breingen = benchDirectory.appendingPathComponent("breingen").path
let md4cDriver =
    ProcessInfo.processInfo.environment["MD4C_DRIVER"] ?? benchDirectory.appendingPathComponent("../md4c-driver").path
/// Another breingen binary to time alongside (an older commit's, say): `$MARKDOWN_BASELINE`.
let baseline = ProcessInfo.processInfo.environment["MARKDOWN_BASELINE"]

/// A program that turns a Markdown file into HTML, and how to call it.
struct Contender {
    var name: String
    var path: String?
    var arguments: [String]
    /// Reads the file from standard input instead of taking its path.
    var readsStandardInput = false

    func run(_ file: String) -> Sample? {
        guard let path else { return nil }
        return readsStandardInput ? runProcess(path, arguments, input: file) : runProcess(path, arguments + [file])
    }

    /// Peak resident memory of the program on `file`, in kB, measured by GNU time: a child's peak
    /// counts the memory of the process that started it, so it must be started by a small one.
    func peakKilobytes(_ file: String) -> Int? {
        guard let path, let time = which("/usr/bin/time") else { return nil }
        let report = FileManager.default.temporaryDirectory.appendingPathComponent("breingen-maxrss-\(getpid())").path
        defer { try? FileManager.default.removeItem(atPath: report) }
        let timed = ["-f", "%M", "-o", report, path] + arguments
        guard (readsStandardInput ? runProcess(time, timed, input: file) : runProcess(time, timed + [file])) != nil,
            let text = try? String(contentsOfFile: report, encoding: .utf8)
        else { return nil }
        return Int(text.trimmingCharacters(in: .whitespacesAndNewlines))
    }
}

func speed() throws {
    let corpora: [(String, [UInt8])] = [
        ("spec text", try Corpora.specExamples(targetBytes: 10_000_000)),
        ("Dutch prose", try Corpora.dutchProse(targetBytes: 10_000_000)),
    ]
    print("## Speed: \(rounds) alternating rounds per corpus and mode (load average before: \(loadAverage()))\n")
    print("CPU = user + system time of the process (`wait4`); wall = elapsed. Best and median of the rounds, in ms.\n")
    print("| corpus | mode | program | CPU best | CPU median | wall best | wall median | MB/s (CPU best) |")
    print("| --- | --- | --- | ---: | ---: | ---: | ---: | ---: |")
    var ratios: [String] = []
    for (name, bytes) in corpora {
        let file = FileManager.default.temporaryDirectory.appendingPathComponent(
            "breingen-bench-\(getpid())-\(name.count).md")
        try Data(bytes).write(to: file)
        defer { try? FileManager.default.removeItem(at: file) }
        let mb = Double(bytes.count) / 1e6
        for (modeName, options, contenders) in [
            (
                "CommonMark", MarkdownOptions.commonMark,
                [
                    Contender(
                        name: "breingen markdown --commonmark", path: which(breingen),
                        arguments: ["markdown", "--commonmark"]),
                    baseline.map {
                        Contender(
                            name: "baseline breingen --commonmark", path: which($0),
                            arguments: ["markdown", "--commonmark"])
                    },
                    Contender(
                        name: "pulldown-cmark", path: which("pulldown-cmark"), arguments: [], readsStandardInput: true),
                    Contender(name: "md4c", path: which(md4cDriver), arguments: []),
                    Contender(name: "cmark --unsafe", path: which("cmark"), arguments: ["--unsafe"]),
                ].compactMap { $0 }
            ),
            (
                "GFM", MarkdownOptions.default,
                [
                    Contender(name: "breingen markdown", path: which(breingen), arguments: ["markdown"]),
                    baseline.map { Contender(name: "baseline breingen", path: which($0), arguments: ["markdown"]) },
                    Contender(
                        name: "pulldown-cmark -T -S -L -F", path: which("pulldown-cmark"),
                        arguments: ["-T", "-S", "-L", "-F"],
                        readsStandardInput: true),
                    Contender(name: "md4c --gfm", path: which(md4cDriver), arguments: ["--gfm"]),
                    Contender(
                        name: "cmark-gfm (6 extensions)", path: which("cmark-gfm"),
                        arguments: [
                            "--unsafe", "-e", "table", "-e", "strikethrough", "-e", "autolink", "-e", "tagfilter",
                            "-e", "tasklist", "-e", "footnotes",
                        ]),
                ].compactMap { $0 }
            ),
        ] {
            // Rounds alternate between the programs, so load from other work falls on all of them alike.
            var samples = [[Sample]](repeating: [], count: contenders.count + 1)
            var sink = 0
            for _ in 0..<rounds {
                samples[0].append(
                    measure { sink &+= HTMLRenderer().renderBytes(Markdown.parse(bytes, options: options)).count })
                for (k, contender) in contenders.enumerated() {
                    if let sample = contender.run(file.path) { samples[k + 1].append(sample) }
                }
            }
            let names =
                ["breingen (in process)"] + contenders.map { $0.path == nil ? "\($0.name) (not installed)" : $0.name }
            var cpuMedians: [Double] = []
            var wallBests: [Double] = []
            for (k, runs) in samples.enumerated() {
                let cpus = runs.map(\.cpu)
                let walls = runs.map(\.wall)
                cpuMedians.append(median(cpus))
                wallBests.append(walls.min() ?? .nan)
                let best = cpus.min() ?? .nan
                print(
                    "| \(name) (\(String(format: "%.1f", mb)) MB) | \(modeName) | \(names[k]) | \(ms(best)) | \(ms(median(cpus))) | "
                        + "\(ms(walls.min() ?? .nan)) | \(ms(median(walls))) | \(best.isNaN ? "–" : String(format: "%.0f", mb / best)) |"
                )
            }
            // Ratios of the peers' times to breingen's process: above 1 means breingen is faster.
            for k in 2..<samples.count where !cpuMedians[k].isNaN {
                ratios.append(
                    "| \(name) | \(modeName) | \(names[k]) | \(String(format: "%.2f×", cpuMedians[k] / cpuMedians[1])) | "
                        + "\(String(format: "%.2f×", wallBests[k] / wallBests[1])) |")
            }
            if sink == 42 { print("") }
        }
    }
    print("\n### breingen markdown against each peer (peer's time / breingen's; above 1: breingen is faster)\n")
    print("| corpus | mode | peer | CPU, medians | wall, best runs |")
    print("| --- | --- | --- | ---: | ---: |")
    ratios.forEach { print($0) }
    print("\nLoad average after: \(loadAverage())\n")
}

func hostile() {
    print("## Hostile input (release, best of 9; n = full size, 2n = doubled; load average \(loadAverage()))\n")
    print("CPU = user + system time of this process for the parse and render, wall = elapsed; best of the rounds.\n")
    print("| case | n | bytes | CPU n | CPU 2n | CPU per byte 2n / n | wall n | wall 2n | wall per byte 2n / n |")
    print("| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |")
    var worstCPU = (0.0, "")
    var worstWall = (0.0, "")
    func perByte(_ t2: Double, _ t1: Double, _ n2: Int, _ n1: Int) -> String {
        String(format: "%.2f", (t2 / Double(n2)) / (t1 / Double(n1)))
    }
    for c in HostileInput.all {
        let small = Array(c.make(c.size).utf8)
        let large = Array(c.make(c.size * 2).utf8)
        var sink = 0
        // Alternating, best of 9: a single run of a few milliseconds is mostly the machine's noise. CPU
        // time leaves out the time other processes held the cores, so it is the steadier figure when
        // the machine is busy.
        var best1 = Sample(wall: .infinity, cpu: .infinity)
        var best2 = Sample(wall: .infinity, cpu: .infinity)
        for _ in 0..<9 {
            let s1 = measure { sink &+= HTMLRenderer().renderBytes(Markdown.parse(small)).count }
            let s2 = measure { sink &+= HTMLRenderer().renderBytes(Markdown.parse(large)).count }
            best1 = Sample(wall: min(best1.wall, s1.wall), cpu: min(best1.cpu, s1.cpu))
            best2 = Sample(wall: min(best2.wall, s2.wall), cpu: min(best2.cpu, s2.cpu))
        }
        if best1.cpu > worstCPU.0 { worstCPU = (best1.cpu, c.name) }
        if best1.wall > worstWall.0 { worstWall = (best1.wall, c.name) }
        print(
            "| \(c.name) | \(c.size) | \(small.count) | \(String(format: "%.3f s", best1.cpu)) | "
                + "\(String(format: "%.3f s", best2.cpu)) | \(perByte(best2.cpu, best1.cpu, large.count, small.count)) | "
                + "\(String(format: "%.3f s", best1.wall)) | \(String(format: "%.3f s", best2.wall)) | "
                + "\(perByte(best2.wall, best1.wall, large.count, small.count)) |")
        if sink == 42 { print("") }
    }
    print(
        "\nSlowest case at full size: \(String(format: "%.3f s", worstCPU.0)) of CPU (\(worstCPU.1)), "
            + "\(String(format: "%.3f s", worstWall.0)) wall (\(worstWall.1)); load average after: \(loadAverage())\n")
}

func residentKilobytes(_ field: String) -> Int {
    guard let status = try? String(contentsOfFile: "/proc/self/status", encoding: .utf8) else { return 0 }
    for line in status.split(separator: "\n") where line.hasPrefix(field + ":") {
        return Int(line.split(separator: " ", omittingEmptySubsequences: true).dropFirst().first ?? "0") ?? 0
    }
    return 0
}

/// Takes the resident memory now as the baseline and makes it the peak so far (writing 5 to
/// `/proc/self/clear_refs` resets the peak): reading the input may have held it twice for a moment
/// (file data and its copy), which is not the parser's.
func baselineKilobytes() -> Int {
    let fd = open("/proc/self/clear_refs", O_WRONLY)
    if fd >= 0 {
        _ = write(fd, "5", 1)
        close(fd)
    }
    return residentKilobytes("VmRSS")
}

/// The two ways to turn Markdown into HTML that the memory benchmark measures.
enum RenderPath: String, CaseIterable {
    /// What `breingen markdown` does: `Markdown.parse`, then `HTMLRenderer.render(_:chunks:)` writing
    /// each piece to standard output (here /dev/null).
    case pieces
    /// `Markdown.html` on a `String`, whose result (the whole HTML) is held.
    case string

    var label: String {
        switch self {
        case .pieces: return "parse + render in pieces (`breingen markdown`)"
        case .string: return "`Markdown.html` (String in, String out)"
        }
    }
}

/// In a fresh process: reads the file, then turns it into HTML by `path`; prints input size, resident
/// memory after reading, peak resident memory and the size of the HTML.
func memoryChild(_ file: String, _ modeName: String, _ path: RenderPath) {
    let options = modeName == "gfm" ? MarkdownOptions.default : .commonMark
    switch path {
    case .pieces:
        let input = [UInt8](FileManager.default.contents(atPath: file) ?? Data())
        let output = FileHandle(forWritingAtPath: "/dev/null")!
        let baseline = baselineKilobytes()
        // The code of MarkdownCommand.
        let document = Markdown.parse(input, options: options)
        var htmlBytes = 0
        HTMLRenderer().render(document) {
            htmlBytes += $0.count
            output.write(Data($0))
        }
        let peak = residentKilobytes("VmHWM")
        print("\(input.count) \(baseline) \(peak) \(htmlBytes)")
    case .string:
        let text = String(decoding: FileManager.default.contents(atPath: file) ?? Data(), as: UTF8.self)
        let baseline = baselineKilobytes()
        let html = Markdown.html(text, options: options)
        let peak = residentKilobytes("VmHWM")
        print("\(text.utf8.count) \(baseline) \(peak) \(html.utf8.count)")
    }
}

func memory() throws {
    print("## Memory (release; load average \(loadAverage()))\n")
    print("Each row in a fresh process: peak resident memory above the baseline taken after reading the input")
    print("(the input is in the baseline). The HTML written in pieces is never held; the String of `Markdown.html`")
    print("is, and is part of the peak.\n")
    print("| corpus | mode | path | input | peak above baseline | × input | HTML |")
    print("| --- | --- | --- | ---: | ---: | ---: | ---: |")
    var files: [(String, String)] = []
    defer { for (_, file) in files { try? FileManager.default.removeItem(atPath: file) } }
    for (name, bytes) in [
        ("spec text", try Corpora.specExamples(targetBytes: 10_000_000)),
        ("Dutch prose", try Corpora.dutchProse(targetBytes: 10_000_000)),
    ] {
        let file = FileManager.default.temporaryDirectory.appendingPathComponent(
            "breingen-mem-\(getpid())-\(files.count).md")
        try Data(bytes).write(to: file)
        files.append((name, file.path))
        for modeName in ["commonmark", "gfm"] {
            for path in RenderPath.allCases {
                let process = Process()
                process.executableURL = URL(fileURLWithPath: CommandLine.arguments[0])
                process.arguments = ["memory-child", file.path, modeName, path.rawValue]
                let pipe = Pipe()
                process.standardOutput = pipe
                try process.run()
                let output = String(decoding: pipe.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
                process.waitUntilExit()
                let fields = output.split(separator: " ").compactMap {
                    Int($0.trimmingCharacters(in: .whitespacesAndNewlines))
                }
                guard fields.count == 4 else {
                    print("| \(name) | \(modeName) | \(path.label) | measurement failed: \(output) | | | |")
                    continue
                }
                let size = Double(fields[0])
                let above = Double(fields[2] - fields[1]) * 1024
                print(
                    "| \(name) | \(modeName) | \(path.label) | \(String(format: "%.1f MB", size / 1e6)) | "
                        + "\(String(format: "%.1f MB", above / 1e6)) | \(String(format: "%.2f×", above / size)) | "
                        + "\(String(format: "%.1f MB", Double(fields[3]) / 1e6)) |")
            }
        }
    }
    // Whole processes, as a user runs them: runtime, input and output buffers included.
    let empty = FileManager.default.temporaryDirectory.appendingPathComponent("breingen-mem-\(getpid())-empty.md")
    try Data().write(to: empty)
    files.append(("empty", empty.path))
    let startUp = Contender(name: "breingen", path: which(breingen), arguments: ["markdown"]).peakKilobytes(empty.path)
    print(
        "\nWhole processes: peak resident memory in MB (GNU time's %M), input and runtime included; "
            + "`breingen markdown` of an empty file: \(startUp.map { String(format: "%.1f MB", Double($0) / 1024) } ?? "–").\n"
    )
    print("| corpus | mode | breingen markdown | pulldown-cmark | md4c | cmark |")
    print("| --- | --- | ---: | ---: | ---: | ---: |")
    for (name, file) in files where name != "empty" {
        for (modeName, contenders) in [
            (
                "CommonMark",
                [
                    Contender(name: "breingen", path: which(breingen), arguments: ["markdown", "--commonmark"]),
                    Contender(
                        name: "pulldown-cmark", path: which("pulldown-cmark"), arguments: [], readsStandardInput: true),
                    Contender(name: "md4c", path: which(md4cDriver), arguments: []),
                    Contender(name: "cmark", path: which("cmark"), arguments: ["--unsafe"]),
                ]
            ),
            (
                "GFM",
                [
                    Contender(name: "breingen", path: which(breingen), arguments: ["markdown"]),
                    Contender(
                        name: "pulldown-cmark", path: which("pulldown-cmark"), arguments: ["-T", "-S", "-L", "-F"],
                        readsStandardInput: true),
                    Contender(name: "md4c", path: which(md4cDriver), arguments: ["--gfm"]),
                    Contender(
                        name: "cmark-gfm", path: which("cmark-gfm"),
                        arguments: [
                            "--unsafe", "-e", "table", "-e", "strikethrough", "-e", "autolink", "-e", "tagfilter",
                            "-e", "tasklist", "-e", "footnotes",
                        ]),
                ]
            ),
        ] {
            let peaks = contenders.map { contender in
                contender.peakKilobytes(file).map { String(format: "%.1f", Double($0) / 1024) } ?? "–"
            }
            print("| \(name) | \(modeName) | \(peaks.joined(separator: " | ")) |")
        }
    }
    print("")
}

do {
    switch mode {
    case "corpus":
        let dir = URL(fileURLWithPath: CommandLine.arguments.count > 2 ? CommandLine.arguments[2] : ".")
        try Data(try Corpora.specExamples(targetBytes: 10_000_000)).write(
            to: dir.appendingPathComponent("spec-10mb.md"))
        try Data(try Corpora.dutchProse(targetBytes: 10_000_000)).write(to: dir.appendingPathComponent("proza-10mb.md"))
    case "hostile-dump":
        // Writes every hostile input at full size and doubled, to count instructions with callgrind.
        let dir = URL(fileURLWithPath: CommandLine.arguments.count > 2 ? CommandLine.arguments[2] : ".")
        var names = ""
        for (k, c) in HostileInput.all.enumerated() {
            try Data(c.make(c.size).utf8).write(to: dir.appendingPathComponent(String(format: "%02d-n.md", k)))
            try Data(c.make(c.size * 2).utf8).write(to: dir.appendingPathComponent(String(format: "%02d-2n.md", k)))
            names += String(format: "%02d", k) + " " + c.name + "\n"
        }
        try Data(names.utf8).write(to: dir.appendingPathComponent("names.txt"))
    case "stats":
        let bytes = [UInt8](FileManager.default.contents(atPath: CommandLine.arguments[2]) ?? Data())
        let doc = Markdown.parse(bytes, options: CommandLine.arguments.count > 3 ? .commonMark : .default)
        var counts: [String: Int] = [:]
        var total = 0
        doc.root.walk { n, enter in
            guard enter else { return }
            counts["\(n.kind)", default: 0] += 1
            total += 1
        }
        for (k, v) in counts.sorted(by: { $0.value > $1.value }) { print(k, v) }
        print("total", total)
    case "speed": try speed()
    case "hostile": hostile()
    case "memory": try memory()
    case "memory-child":
        memoryChild(
            CommandLine.arguments[2], CommandLine.arguments[3],
            RenderPath(rawValue: CommandLine.arguments[4]) ?? .pieces)
    case "profile":
        let arguments = CommandLine.arguments
        let bytes = [UInt8](FileManager.default.contents(atPath: arguments[2]) ?? Data())
        let options = arguments.count > 3 && arguments[3] == "commonmark" ? MarkdownOptions.commonMark : .default
        let repeats = arguments.count > 4 ? Int(arguments[4]) ?? 1 : 1
        var sink = 0
        let samples = (0..<repeats).map { _ in
            measure { sink &+= HTMLRenderer().renderBytes(Markdown.parse(bytes, options: options)).count }
        }
        print(
            "best of \(repeats): \(ms(samples.map(\.cpu).min()!)) ms CPU, \(ms(samples.map(\.wall).min()!)) ms wall "
                + "(\(sink / repeats) bytes of HTML)")
    default:
        try speed()
        try memory()
        hostile()
    }
} catch {
    FileHandle.standardError.write(Data("bench-markdown: \(error)\n".utf8))
    exit(1)
}
