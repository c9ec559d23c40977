import Foundation

/// Finds and runs the independent command-line tools (qpdf, poppler's pdftotext, python3, ...) that tests
/// check our output with. A test whose tool is missing prints which tool and how to install it, then passes:
/// CI installs the tools (`.ci/run`), a developer's machine may lack them.
///
///     guard let qpdf = ExternalTool.find("qpdf") else { return }
///     let (status, output) = try ExternalTool.run(qpdf, ["--check", url.path])
public enum ExternalTool {
    /// The first executable `name` on `PATH` (`/usr/bin:/bin` when unset), silently; nil when there is none.
    public static func path(of name: String) -> String? {
        for directory in (ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin").split(separator: ":") {
            let path = "\(directory)/\(name)"
            if FileManager.default.isExecutableFile(atPath: path) { return path }
        }
        return nil
    }

    /// Like `path(of:)`, but a missing tool prints a note naming it, what is skipped (`check`, e.g.
    /// "this check of the report PDF") and the install command, so a passing run says what did not run.
    /// `alternatives` are other names of the same tool, tried in order after `name` (older Debian releases
    /// install node as `nodejs` only).
    public static func find(_ name: String, or alternatives: [String] = [], skipping check: String = "this check")
        -> String?
    {
        for candidate in [name] + alternatives {
            if let path = path(of: candidate) { return path }
        }
        print("NOTE: \(name) is not installed; skipping \(check) (\(installHint(for: name)))")
        return nil
    }

    /// The Debian command that installs `name`: the tools CI relies on by their package, anything else by its name.
    public static func installHint(for name: String) -> String {
        let packages = [
            "qpdf": "qpdf", "pdftotext": "poppler-utils", "pdfinfo": "poppler-utils", "pdftoppm": "poppler-utils",
            "python3": "python3", "node": "nodejs", "nodejs": "nodejs",
        ]
        return "apt-get install \(packages[name] ?? name)"
    }

    /// Runs `executable` to the end and returns its exit status with stdout and stderr merged (tools such as
    /// poppler report damage on stderr, and a failed assertion should show both).
    public static func run(_ executable: String, _ arguments: [String]) throws -> (status: Int32, output: String) {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: executable)
        process.arguments = arguments
        let pipe = Pipe()
        process.standardOutput = pipe
        process.standardError = pipe
        try process.run()
        // Read before waiting: a tool that fills the pipe would otherwise never exit.
        let data = pipe.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return (process.terminationStatus, String(decoding: data, as: UTF8.self))
    }

    /// Like `run`, but keeps stdout and stderr apart, for a test that parses stdout (JSON, a word list) and
    /// should not see the tool's warnings in it; stderr is there to explain a failure.
    public static func runSeparately(_ executable: String, _ arguments: [String]) throws
        -> (status: Int32, stdout: Data, stderr: String)
    {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: executable)
        process.arguments = arguments
        let out = Pipe()
        let err = Pipe()
        process.standardOutput = out
        process.standardError = err
        try process.run()
        // Drain stderr on another thread while this one reads stdout: reading them one after the other
        // deadlocks when the tool fills the pipe that is not being read.
        let errors = PipeReader()
        let group = DispatchGroup()
        DispatchQueue.global().async(group: group) { errors.data = err.fileHandleForReading.readDataToEndOfFile() }
        let output = out.fileHandleForReading.readDataToEndOfFile()
        group.wait()
        process.waitUntilExit()
        return (process.terminationStatus, output, String(decoding: errors.data, as: UTF8.self))
    }
}

/// Hands the stderr bytes from the reading thread to `runSeparately`; `group.wait()` orders the write before the read.
private final class PipeReader: @unchecked Sendable {
    var data = Data()
}
