import Foundation
import XCTest

final class CLITests: XCTestCase {
    func testHelpListsWorkingCommands() throws {
        let result = try BreingenProcess.run(["--help"])
        XCTAssertEqual(result.status, 0)
        XCTAssertTrue(result.stdout.contains("build"))
        XCTAssertTrue(result.stdout.contains("Gebruik: breingen OPDRACHT"))
    }

    func testVersion() throws {
        let result = try BreingenProcess.run(["--version"])
        XCTAssertEqual(result.status, 0)
        XCTAssertTrue(result.stdout.hasPrefix("breingen "))
    }

    func testHelpForCommand() throws {
        let result = try BreingenProcess.run(["help", "build"])
        XCTAssertEqual(result.status, 0)
        XCTAssertTrue(result.stdout.contains("--output MAP"))
        XCTAssertTrue(result.stdout.contains("Gebruik: breingen build"))
    }

    func testUnknownCommandSuggestsNearestAndExitsTwo() throws {
        let result = try BreingenProcess.run(["biuld"])
        XCTAssertEqual(result.status, 2)
        XCTAssertEqual(result.stderr, "error: onbekende opdracht 'biuld'; bedoelde je 'build'?\n")
    }

    func testUnknownFlagSuggestsNearestAndExitsTwo() throws {
        let result = try BreingenProcess.run(["build", "--ouput", "x"])
        XCTAssertEqual(result.status, 2)
        XCTAssertTrue(
            result.stderr.hasPrefix("error: onbekende optie '--ouput'; bedoelde je '--output'?"), result.stderr)
    }
}
