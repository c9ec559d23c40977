import XCTest

@testable import Commands

final class ArgumentParserTests: XCTestCase {
    let options = [
        OptionSpec("output", short: "o", value: "MAP", help: ""),
        OptionSpec("root", value: "MAP", help: ""),
        OptionSpec("quiet", short: "q", help: ""),
        OptionSpec("drafts", short: "d", help: ""),
    ]

    func testLongOptionWithSeparateValue() throws {
        let parsed = try ArgumentParser.parse(["--output", "site", "x"], options: options)
        XCTAssertEqual(parsed.value("output"), "site")
        XCTAssertEqual(parsed.positionals, ["x"])
    }

    func testLongOptionWithEquals() throws {
        let parsed = try ArgumentParser.parse(["--root=/tmp/a=b"], options: options)
        XCTAssertEqual(parsed.value("root"), "/tmp/a=b")
    }

    func testShortOptionsSeparateAttachedAndGrouped() throws {
        XCTAssertEqual(try ArgumentParser.parse(["-o", "uit"], options: options).value("output"), "uit")
        XCTAssertEqual(try ArgumentParser.parse(["-ouit"], options: options).value("output"), "uit")
        let grouped = try ArgumentParser.parse(["-qdo", "uit"], options: options)
        XCTAssertEqual(grouped.flags, ["quiet", "drafts"])
        XCTAssertEqual(grouped.value("output"), "uit")
    }

    func testDoubleDashEndsOptions() throws {
        let parsed = try ArgumentParser.parse(["-q", "--", "--output", "-x"], options: options)
        XCTAssertEqual(parsed.flags, ["quiet"])
        XCTAssertEqual(parsed.positionals, ["--output", "-x"])
        XCTAssertNil(parsed.value("output"))
    }

    func testSingleDashIsPositional() throws {
        XCTAssertEqual(try ArgumentParser.parse(["-"], options: options).positionals, ["-"])
    }

    func testLaterValueWins() throws {
        XCTAssertEqual(try ArgumentParser.parse(["-o", "a", "--output=b"], options: options).value("output"), "b")
    }

    func testUnknownOptionSuggestsNearest() {
        XCTAssertThrowsError(try ArgumentParser.parse(["--ouptut", "x"], options: options)) { error in
            XCTAssertEqual((error as? UsageError)?.message, "onbekende optie '--ouptut'; bedoelde je '--output'?")
        }
        XCTAssertThrowsError(try ArgumentParser.parse(["-z"], options: options)) { error in
            XCTAssertEqual((error as? UsageError)?.message, "onbekende optie '-z'")
        }
    }

    func testMissingValueAndUnexpectedValue() {
        XCTAssertThrowsError(try ArgumentParser.parse(["--output"], options: options)) { error in
            XCTAssertEqual((error as? UsageError)?.message, "optie '--output' verwacht een waarde (MAP)")
        }
        XCTAssertThrowsError(try ArgumentParser.parse(["--quiet=yes"], options: options)) { error in
            XCTAssertEqual((error as? UsageError)?.message, "optie '--quiet' neemt geen waarde")
        }
    }
}
