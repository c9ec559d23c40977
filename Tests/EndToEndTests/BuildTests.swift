import Foundation
import XCTest

final class BuildTests: XCTestCase {
    func testBuildWritesIndexIntoOutput() throws {
        let site = try BreingenProcess.copyOfFixture("minimal")
        defer { try? FileManager.default.removeItem(at: site) }
        let result = try BreingenProcess.run(["build", "--quiet"], in: site)
        XCTAssertEqual(result.status, 0, result.stderr)
        let index = try String(contentsOf: site.appendingPathComponent("output/index.html"), encoding: .utf8)
        XCTAssertTrue(index.contains("Proefsite &amp; co"))
        XCTAssertEqual(result.stderr, "")
    }

    func testRootAndOutputOptions() throws {
        let site = try BreingenProcess.copyOfFixture("minimal")
        let elsewhere = FileManager.default.temporaryDirectory.appendingPathComponent(
            "breingen-out-\(UUID().uuidString)")
        defer {
            try? FileManager.default.removeItem(at: site)
            try? FileManager.default.removeItem(at: elsewhere)
        }
        let result = try BreingenProcess.run(["build", "--root", site.path, "-o", elsewhere.path])
        XCTAssertEqual(result.status, 0, result.stderr)
        XCTAssertTrue(FileManager.default.fileExists(atPath: elsewhere.appendingPathComponent("index.html").path))
        XCTAssertFalse(FileManager.default.fileExists(atPath: site.appendingPathComponent("output").path))
        XCTAssertTrue(result.stderr.contains("gebouwd:"))
    }

    func testMissingSiteFileFailsAndKeepsPreviousOutput() throws {
        let site = try BreingenProcess.copyOfFixture("minimal")
        defer { try? FileManager.default.removeItem(at: site) }
        XCTAssertEqual(try BreingenProcess.run(["build", "-q"], in: site).status, 0)
        let index = site.appendingPathComponent("output/index.html")
        let before = try Data(contentsOf: index)
        try FileManager.default.removeItem(at: site.appendingPathComponent("content/site.yml"))
        let result = try BreingenProcess.run(["build", "-q"], in: site)
        XCTAssertEqual(result.status, 1)
        XCTAssertTrue(result.stderr.contains("error:"), result.stderr)
        XCTAssertEqual(try Data(contentsOf: index), before)
        let leftovers = try FileManager.default.contentsOfDirectory(atPath: site.path).filter {
            $0.hasPrefix(".breingen")
        }
        XCTAssertEqual(leftovers, [])
    }
}
