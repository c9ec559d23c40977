import Foundation

/// Times the phases of a build and prints them, with the resident memory after each, to stderr when
/// `BREINGEN_TIMINGS` is set (for profiling the benchmark; silent otherwise).
final class PhaseTimer {
    private let enabled = ProcessInfo.processInfo.environment["BREINGEN_TIMINGS"] != nil
    private var last = DispatchTime.now().uptimeNanoseconds
    private var phases: [(String, Double, Int)] = []

    func mark(_ name: String) {
        guard enabled else { return }
        let now = DispatchTime.now().uptimeNanoseconds
        phases.append((name, Double(now - last) / 1e6, Self.residentMegabytes()))
        last = now
    }

    func report() {
        guard enabled else { return }
        let line = phases.map { "\($0.0) \(String(format: "%.1f", $0.1)) (\($0.2) MB)" }.joined(separator: ", ")
        FileHandle.standardError.write(Data("fasen (ms, geheugen na de fase): \(line)\n".utf8))
    }

    /// The resident memory of the process now, from `/proc/self/statm`.
    private static func residentMegabytes() -> Int {
        guard let text = try? String(contentsOfFile: "/proc/self/statm", encoding: .utf8) else { return 0 }
        let fields = text.split(separator: " ")
        guard fields.count > 1, let pages = Int(fields[1]) else { return 0 }
        return pages * 4096 / 1_000_000
    }
}
