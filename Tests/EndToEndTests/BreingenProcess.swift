import Foundation
import XCTest

/// Runs the built `breingen` binary, as a user would, and captures what it prints.
struct BreingenProcess {
    struct Result {
        var status: Int32
        var stdout: String
        var stderr: String
    }

    /// The folder that holds the test bundle also holds the built products, the binary among them.
    static var binary: URL {
        var directory = Bundle.main.bundleURL
        if directory.pathExtension == "xctest" { directory.deleteLastPathComponent() }
        for candidate in [directory, Bundle(for: Marker.self).bundleURL.deletingLastPathComponent()] {
            let url = candidate.appendingPathComponent("breingen")
            if FileManager.default.isExecutableFile(atPath: url.path) { return url }
        }
        return directory.appendingPathComponent("breingen")
    }

    /// The fixture sites beside this file.
    static func fixture(_ name: String) -> URL {
        URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Fixtures/\(name)")
    }

    /// Runs the binary with `arguments` (as the user `nobody` inside `OtherUser.run`); past `timeout`
    /// seconds the process is killed (the test then sees status 9 by signal).
    /// `executable` runs another copy of the binary (one installed elsewhere).
    static func run(
        _ arguments: [String], in directory: URL? = nil, stdin: String? = nil,
        environment: [String: String] = [:], timeout: Double? = nil,
        executable: URL? = nil
    ) throws -> Result {
        let process = Process()
        let binary = executable ?? Self.binary
        process.executableURL = binary
        process.arguments = arguments
        if let directory { process.currentDirectoryURL = directory }
        var env = ProcessInfo.processInfo.environment
        env["NO_COLOR"] = "1"
        env.merge(environment) { _, new in new }
        process.environment = env
        let out = Pipe()
        let err = Pipe()
        let input = Pipe()
        process.standardOutput = out
        process.standardError = err
        process.standardInput = input
        try process.run()
        if let timeout {
            DispatchQueue.global().asyncAfter(deadline: .now() + timeout) { [process] in
                if process.isRunning { kill(process.processIdentifier, SIGKILL) }
            }
        }
        if let stdin { input.fileHandleForWriting.write(Data(stdin.utf8)) }
        try input.fileHandleForWriting.close()
        // Read both pipes concurrently so a full pipe never blocks the child.
        final class Box: @unchecked Sendable { var data = Data() }
        let errBox = Box()
        let group = DispatchGroup()
        group.enter()
        DispatchQueue.global().async {
            errBox.data = err.fileHandleForReading.readDataToEndOfFile()
            group.leave()
        }
        let outData = out.fileHandleForReading.readDataToEndOfFile()
        group.wait()
        let errData = errBox.data
        process.waitUntilExit()
        return Result(
            status: process.terminationStatus,
            stdout: String(decoding: outData, as: UTF8.self),
            stderr: String(decoding: errData, as: UTF8.self))
    }

    /// A fresh temporary folder holding a copy of a fixture site.
    static func copyOfFixture(_ name: String) throws -> URL {
        let target = FileManager.default.temporaryDirectory.appendingPathComponent("breingen-e2e-\(UUID().uuidString)")
        try FileManager.default.copyItem(at: fixture(name), to: target)
        return target
    }
}

/// A fixture site copied and built once for the read-only tests of a class (building is the slow part):
/// `site()` gives the copy's folder, built on first use; the class's `tearDown` calls `remove()`.
final class FixtureBuild: @unchecked Sendable {
    private let name: String
    private let warnings: Bool
    private let lock = NSLock()
    private var built: URL?

    /// `warnings: false`: the build must print nothing (a fixture that passes `check` cleanly).
    init(_ name: String, warnings: Bool = true) {
        self.name = name
        self.warnings = warnings
    }

    func site() throws -> URL {
        lock.lock()
        defer { lock.unlock() }
        if let built { return built }
        let site = try BreingenProcess.copyOfFixture(name)
        let build = try BreingenProcess.run(["build", "-q"], in: site)
        XCTAssertEqual(build.status, 0, build.stderr)
        if !warnings { XCTAssertEqual(build.stderr, "", "de bouw van \(name) geeft geen waarschuwingen") }
        built = site
        return site
    }

    func remove() {
        lock.lock()
        defer { lock.unlock() }
        if let built { try? FileManager.default.removeItem(at: built) }
        built = nil
    }
}

private final class Marker {}
