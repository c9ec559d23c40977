import Foundation
import TestSupport
import XCTest

/// A build killed at any moment leaves `output/` either the whole previous build or the whole new one,
/// never a mixture or nothing, and the next build clears away the temporary folders it left (issue 18:
/// 10 folders and 6 MB piled up beside output/ after 20 killed builds).
final class KilledBuildTests: XCTestCase {
    private let fm = FileManager.default

    /// Every file under `folder` with its bytes; nil when the folder does not exist.
    private func snapshot(_ folder: URL) -> [String: Data]? {
        var isDirectory: ObjCBool = false
        guard fm.fileExists(atPath: folder.path, isDirectory: &isDirectory), isDirectory.boolValue else { return nil }
        var files: [String: Data] = [:]
        for case let path as String in fm.enumerator(atPath: folder.path)?.allObjects ?? [] {
            let url = folder.appendingPathComponent(path)
            var isFolder: ObjCBool = false
            if fm.fileExists(atPath: url.path, isDirectory: &isFolder), !isFolder.boolValue {
                files[path] = (try? Data(contentsOf: url)) ?? Data("<unreadable>".utf8)
            }
        }
        return files
    }

    /// The two versions the trials switch between: another title (on every page) and a file only in B.
    private func setVersion(_ version: String, of site: URL) throws {
        let settings = site.appendingPathComponent("content/site.yml")
        var text = try String(contentsOf: settings, encoding: .utf8)
        text = text.replacingOccurrences(
            of: #"(?m)^title: .*$"#, with: "title: Proefbrein versie \(version)", options: .regularExpression)
        try Data(text.utf8).write(to: settings)
        let extra = site.appendingPathComponent("static/alleen-in-b.txt")
        if version == "B" {
            try fm.createDirectory(at: extra.deletingLastPathComponent(), withIntermediateDirectories: true)
            try Data("versie B".utf8).write(to: extra)
        } else {
            try? fm.removeItem(at: extra)
        }
    }

    private func leftovers(_ site: URL) throws -> [String] {
        try fm.contentsOfDirectory(atPath: site.path).filter { $0.hasPrefix(".breingen") }
    }

    func testBuildKilledAtRandomMomentsLeavesWholeOldOrWholeNewOutput() throws {
        let site = try BreingenProcess.copyOfFixture("site-small")
        defer { try? fm.removeItem(at: site) }
        let output = site.appendingPathComponent("output")

        // The expected outputs of both versions, and how long a build takes.
        try setVersion("B", of: site)
        XCTAssertEqual(try BreingenProcess.run(["build", "-q"], in: site).status, 0)
        let versionB = try XCTUnwrap(snapshot(output))
        try setVersion("A", of: site)
        let started = Date()
        XCTAssertEqual(try BreingenProcess.run(["build", "-q"], in: site).status, 0)
        let duration = Date().timeIntervalSince(started)
        let versionA = try XCTUnwrap(snapshot(output))
        XCTAssertNotEqual(versionA, versionB)

        var random = SplitMix64(seed: 18)
        var killed = 0
        var sawOld = 0
        var sawNew = 0
        // Trials go on until 20 builds were really killed: on a loaded machine some builds finish before
        // their kill, and counting trials instead of kills made the test flaky.
        let wantedKills = 20
        let maximumTrials = 80
        var trials = 0
        for trial in 0..<maximumTrials where killed < wantedKills {
            trials += 1
            let (from, to, expected) = trial % 2 == 0 ? ("A", "B", versionB) : ("B", "A", versionA)
            let previous = trial % 2 == 0 ? versionA : versionB
            try setVersion(to, of: site)
            let process = Process()
            process.executableURL = BreingenProcess.binary
            process.arguments = ["build", "-q"]
            process.currentDirectoryURL = site
            process.standardOutput = FileHandle.nullDevice
            process.standardError = FileHandle.nullDevice
            try process.run()
            // Anywhere from the start to a little past the usual end of a build.
            usleep(UInt32(Double(random.int(1000)) / 1000 * duration * 1.3 * 1_000_000))
            kill(process.processIdentifier, SIGKILL)
            process.waitUntilExit()
            if process.terminationReason == .uncaughtSignal { killed += 1 }

            let after = snapshot(output)
            XCTAssertNotNil(after, "trial \(trial) (\(from) → \(to)): output/ is gone")
            if after == previous {
                sawOld += 1
            } else if after == expected {
                sawNew += 1
            } else {
                let differing = Set(previous.keys).union(expected.keys).union(after?.keys ?? [:].keys)
                    .filter { after?[$0] != previous[$0] && after?[$0] != expected[$0] }
                XCTFail(
                    "trial \(trial) (\(from) → \(to)): output/ is neither build; differs in \(differing.sorted().prefix(5))"
                )
            }

            // The next build finishes, and nothing is left beside output/.
            let next = try BreingenProcess.run(["build", "-q"], in: site)
            XCTAssertEqual(next.status, 0, next.stderr)
            XCTAssertEqual(snapshot(output), expected, "trial \(trial): the build after the killed one")
            XCTAssertEqual(try leftovers(site), [], "trial \(trial)")
        }
        // The kills really landed during builds, and at both sides of the swap.
        XCTAssertGreaterThanOrEqual(killed, wantedKills, "killed \(killed) of \(trials)")
        XCTAssertGreaterThan(sawOld, 0)
        print(
            "killed builds: \(killed) of \(trials) killed; output/ was the old build \(sawOld) times, the new one \(sawNew) times"
        )
    }

    /// The folders a killed build leaves are removed by the next build, but only once their process is
    /// gone; a build that is still running keeps its own.
    func testLeftoversOfDeadProcessesAreRemovedAndLiveOnesKept() throws {
        let site = try BreingenProcess.copyOfFixture("minimal")
        defer { try? fm.removeItem(at: site) }
        XCTAssertEqual(try BreingenProcess.run(["build", "-q"], in: site).status, 0)
        // A process id that is surely not running: a child that has exited.
        let gone = Process()
        gone.executableURL = URL(fileURLWithPath: "/bin/true")
        try gone.run()
        gone.waitUntilExit()
        let dead = gone.processIdentifier
        let alive = getpid()
        for name in [".breingen-staging-\(dead)-1", ".breingen-old-\(dead)-2", ".breingen-staging-\(alive)-3"] {
            let folder = site.appendingPathComponent(name + "/sub")
            try fm.createDirectory(at: folder, withIntermediateDirectories: true)
            try Data("x".utf8).write(to: folder.appendingPathComponent("f.html"))
        }
        // A read-only leftover is removed too: it is our own build.
        try fm.setAttributes(
            [.posixPermissions: 0o555], ofItemAtPath: site.appendingPathComponent(".breingen-old-\(dead)-2/sub").path)
        let result = try BreingenProcess.run(["build"], in: site)
        XCTAssertEqual(result.status, 0, result.stderr)
        XCTAssertEqual(try leftovers(site), [".breingen-staging-\(alive)-3"])
    }

    /// Killed between moving the old output aside and moving the new one in (where the system has no
    /// atomic exchange): the next build puts the old output back before anything else.
    func testOldOutputMovedAsideIsPutBack() throws {
        let site = try BreingenProcess.copyOfFixture("minimal")
        defer { try? fm.removeItem(at: site) }
        XCTAssertEqual(try BreingenProcess.run(["build", "-q"], in: site).status, 0)
        let gone = Process()
        gone.executableURL = URL(fileURLWithPath: "/bin/true")
        try gone.run()
        gone.waitUntilExit()
        try fm.moveItem(
            at: site.appendingPathComponent("output"),
            to: site.appendingPathComponent(".breingen-old-\(gone.processIdentifier)-7"))
        // A failing build must leave the restored output in place.
        try Data("title: [".utf8).write(to: site.appendingPathComponent("content/site.yml"))
        let result = try BreingenProcess.run(["build"], in: site)
        XCTAssertEqual(result.status, 1)
        XCTAssertTrue(fm.fileExists(atPath: site.appendingPathComponent("output/index.html").path), result.stderr)
        XCTAssertEqual(try leftovers(site), [])
    }
}

extension KilledBuildTests {
    /// Where the system has no atomic exchange, `output/` goes to `.output.breingen/previous` and the new
    /// build in; a build killed between the two renames left no `output/`. The next build moves it back
    /// first, even when that build fails.
    func testOutputMovedAsideIsPutBack() throws {
        let site = try BreingenProcess.copyOfFixture("minimal")
        defer { try? fm.removeItem(at: site) }
        XCTAssertEqual(try BreingenProcess.run(["build", "-q"], in: site).status, 0)
        let before = try XCTUnwrap(snapshot(site.appendingPathComponent("output")))
        try fm.moveItem(
            at: site.appendingPathComponent("output"), to: site.appendingPathComponent(".output.breingen/previous"))
        try Data("title: [".utf8).write(to: site.appendingPathComponent("content/site.yml"))
        let result = try BreingenProcess.run(["build"], in: site)
        XCTAssertEqual(result.status, 1)
        XCTAssertEqual(snapshot(site.appendingPathComponent("output")), before, result.stderr)
        XCTAssertFalse(fm.fileExists(atPath: site.appendingPathComponent(".output.breingen/previous").path))
    }
}
