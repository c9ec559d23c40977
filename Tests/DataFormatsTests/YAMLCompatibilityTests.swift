import DataFormats
import Diagnostics
import Foundation
import XCTest

/// Runs the documents of `scripts/yaml-compat/expected.json` (generated from PyYAML by
/// `scripts/yaml-compat/generate.py`) and compares our typed JSON with PyYAML's.
final class YAMLCompatibilityTests: XCTestCase {
    private struct Case {
        var name: String
        var yaml: String
        var expected: String?
        var pyyamlError: String?
        var deviationExpected: String?
        var deviationError: Bool
        var isDeviation: Bool
    }

    private func loadCases() throws -> [Case] {
        // YAML_COMPAT_CASES runs another case file instead, e.g. one from scripts/yaml-compat/fuzz.py.
        let override = ProcessInfo.processInfo.environment["YAML_COMPAT_CASES"].flatMap { $0.isEmpty ? nil : $0 }
        let url =
            override.map { URL(fileURLWithPath: $0) }
            ?? URL(fileURLWithPath: #filePath)
            .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
            .appendingPathComponent("scripts/yaml-compat/expected.json")
        let data = try Data(contentsOf: url)
        let root = try XCTUnwrap(JSONSerialization.jsonObject(with: data) as? [String: Any])
        let cases = try XCTUnwrap(root["cases"] as? [[String: Any]])
        return cases.map { c in
            let deviation = c["deviation"] as? [String: Any]
            return Case(
                name: c["name"] as? String ?? "?", yaml: c["yaml"] as? String ?? "",
                expected: c["expected"] as? String, pyyamlError: c["error"] as? String,
                deviationExpected: deviation?["expected"] as? String,
                deviationError: deviation?["error"] as? Bool ?? false, isDeviation: deviation != nil)
        }
    }

    func testCompatibilityWithPyYAML() throws {
        let override = ProcessInfo.processInfo.environment["YAML_COMPAT_CASES"].flatMap { $0.isEmpty ? nil : $0 }
        let cases = try loadCases()
        if override == nil { XCTAssertGreaterThanOrEqual(cases.count, 100) }
        var agree = 0
        var deviations = 0
        var failures: [String] = []
        for c in cases {
            let result: Result<String, Error> = Result {
                try YAMLReader.parse(SourceFile(name: c.name + ".yml", text: c.yaml)).jsonText(typed: true)
            }
            let wantError = c.isDeviation ? c.deviationError : c.pyyamlError != nil
            let want = c.isDeviation ? c.deviationExpected : c.expected
            switch result {
            case .success(let got):
                if wantError {
                    failures.append("\(c.name): expected an error, got \(got)")
                } else if got != want {
                    failures.append("\(c.name):\n  want \(want ?? "nil")\n  got  \(got)")
                } else if c.isDeviation {
                    deviations += 1
                } else {
                    agree += 1
                }
            case .failure(let error):
                if !wantError {
                    failures.append("\(c.name): unexpected error \(error)")
                } else if !(error is Diagnostic) {
                    failures.append("\(c.name): error is not a Diagnostic: \(error)")
                } else if c.isDeviation {
                    deviations += 1
                } else {
                    agree += 1
                }
            }
        }
        print(
            "YAML compatibility: \(agree) of \(cases.count - deviations) documents agree with PyYAML, "
                + "\(deviations) documented deviations, \(failures.count) failures")
        for failure in failures { XCTFail(failure) }
    }
}
