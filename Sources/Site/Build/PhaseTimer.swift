import Foundation

/// Times the phases of an incremental build and prints them to stderr when `BREINGEN_TIMINGS` is set
/// (for profiling the benchmark; silent otherwise).
final class PhaseTimer {
    private let enabled = ProcessInfo.processInfo.environment["BREINGEN_TIMINGS"] != nil
    private var last = DispatchTime.now().uptimeNanoseconds
    private var phases: [(String, Double)] = []

    func mark(_ name: String) {
        guard enabled else { return }
        let now = DispatchTime.now().uptimeNanoseconds
        phases.append((name, Double(now - last) / 1e6))
        last = now
    }

    func report() {
        guard enabled else { return }
        let line = phases.map { "\($0.0) \(String(format: "%.1f", $0.1))" }.joined(separator: ", ")
        FileHandle.standardError.write(Data("fasen (ms): \(line)\n".utf8))
    }
}
