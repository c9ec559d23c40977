import Foundation

/// Times the phases of a build and prints them to stderr when `BREINGEN_TIMINGS` is set (for profiling
/// the benchmark; silent otherwise): per phase the time it took, the processor time of the thread that
/// runs the build (on a busy machine the two differ), the resident memory after it and the peak so far
/// (which a phase may reach inside and give back before its end).
final class PhaseTimer {
    private let enabled = ProcessInfo.processInfo.environment["BREINGEN_TIMINGS"] != nil
    private var last = DispatchTime.now().uptimeNanoseconds
    private var lastCPU = PhaseTimer.threadCPU()
    private var phases: [(String, Double, Double, Int, Int)] = []

    func mark(_ name: String) {
        guard enabled else { return }
        let now = DispatchTime.now().uptimeNanoseconds
        let cpu = Self.threadCPU()
        phases.append(
            (
                name, Double(now - last) / 1e6, Double(cpu - lastCPU) / 1e6, Self.residentMegabytes(),
                Self.peakMegabytes()
            ))
        (last, lastCPU) = (now, cpu)
    }

    func report() {
        guard enabled else { return }
        let line = phases.map { "\($0.0) \(String(format: "%.1f/%.1f", $0.1, $0.2)) (\($0.3)/\($0.4) MB)" }.joined(
            separator: ", ")
        FileHandle.standardError.write(
            Data("fasen (ms tijd/processor van deze draad, geheugen na de fase/piek tot dan): \(line)\n".utf8))
    }

    /// The processor time of the calling thread, in nanoseconds.
    private static func threadCPU() -> UInt64 {
        var time = timespec()
        clock_gettime(CLOCK_THREAD_CPUTIME_ID, &time)
        return UInt64(time.tv_sec) * 1_000_000_000 + UInt64(time.tv_nsec)
    }

    /// The highest resident memory of the process so far (`VmHWM` in `/proc/self/status`).
    private static func peakMegabytes() -> Int {
        guard let text = try? String(contentsOfFile: "/proc/self/status", encoding: .utf8),
            let line = text.split(separator: "\n").first(where: { $0.hasPrefix("VmHWM:") }),
            let kilobytes = Int(line.split(separator: " ").dropFirst().first ?? "")
        else { return 0 }
        return kilobytes * 1_024 / 1_000_000
    }

    /// The resident memory of the process now, from `/proc/self/statm`.
    private static func residentMegabytes() -> Int {
        guard let text = try? String(contentsOfFile: "/proc/self/statm", encoding: .utf8) else { return 0 }
        let fields = text.split(separator: " ")
        guard fields.count > 1, let pages = Int(fields[1]) else { return 0 }
        return pages * 4096 / 1_000_000
    }
}
