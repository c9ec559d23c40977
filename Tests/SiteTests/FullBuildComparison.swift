import Foundation
import XCTest

@testable import Site

/// An incremental build's output folder against a full build of the same content (`SiteBuilder`): the
/// same files with the same bytes, and the same folders (a deleted page's folder must go too).
struct FullBuildComparison {
    /// The site folder that both build.
    let site: URL
    /// Where the full build goes (replaced on every comparison).
    let scratch: URL

    /// Builds the site fully and compares `folder` with it; every difference fails the test, naming
    /// `what` and, for the first differing file, its first differing line. Returns whether they are equal.
    @discardableResult
    func assertSame(_ folder: URL, _ what: String, file: StaticString = #filePath, line: UInt = #line) throws -> Bool {
        try? FileManager.default.removeItem(at: scratch)
        _ = try SiteBuilder(options: BuildOptions(root: site, output: scratch, quiet: true)).build()
        let expected = try Self.files(scratch)
        let actual = try Self.files(folder)
        let extra = Set(actual.keys).subtracting(expected.keys).sorted()
        let missing = Set(expected.keys).subtracting(actual.keys).sorted()
        let differing = expected.keys.filter { actual[$0] != nil && actual[$0] != expected[$0] }.sorted()
        let expectedFolders = try Self.folders(scratch)
        let actualFolders = try Self.folders(folder)
        XCTAssertEqual(extra, [], "\(what): extra files", file: file, line: line)
        XCTAssertEqual(missing, [], "\(what): missing files", file: file, line: line)
        XCTAssertEqual(differing, [], "\(what): files whose bytes differ", file: file, line: line)
        if let first = differing.first, let a = actual[first], let e = expected[first] {
            XCTFail("\(what): \(first) " + Self.firstDifference(a, e), file: file, line: line)
        }
        XCTAssertEqual(actualFolders, expectedFolders, "\(what): folders", file: file, line: line)
        return extra.isEmpty && missing.isEmpty && differing.isEmpty && actualFolders == expectedFolders
    }

    /// "first differs at line N: incremental … | full …", with a few lines around it.
    static func firstDifference(_ actual: Data, _ expected: Data) -> String {
        let a = String(decoding: actual, as: UTF8.self).split(separator: "\n", omittingEmptySubsequences: false)
        let e = String(decoding: expected, as: UTF8.self).split(separator: "\n", omittingEmptySubsequences: false)
        let line = (0..<min(a.count, e.count)).first { a[$0] != e[$0] } ?? min(a.count, e.count)
        func around(_ lines: [Substring]) -> String {
            lines[max(0, line - 2)..<min(lines.count, line + 4)].map { String($0.prefix(40)) }.joined(separator: " / ")
        }
        return "first differs at line \(line + 1): incremental \(around(a)) | full \(around(e))"
    }

    /// Every file under `folder` with its bytes.
    static func files(_ folder: URL) throws -> [String: Data] {
        var result: [String: Data] = [:]
        for path in try entries(folder) where !path.isDirectory {
            result[path.name] = FileManager.default.contents(atPath: folder.appendingPathComponent(path.name).path)
        }
        return result
    }

    /// Every folder under `folder`, empty ones included.
    static func folders(_ folder: URL) throws -> Set<String> {
        Set(try entries(folder).filter(\.isDirectory).map(\.name))
    }

    private static func entries(_ folder: URL) throws -> [(name: String, isDirectory: Bool)] {
        let fm = FileManager.default
        let enumerator = try XCTUnwrap(fm.enumerator(atPath: folder.path))
        var result: [(name: String, isDirectory: Bool)] = []
        while let path = enumerator.nextObject() as? String {
            var isDirectory: ObjCBool = false
            if fm.fileExists(atPath: folder.appendingPathComponent(path).path, isDirectory: &isDirectory) {
                result.append((path, isDirectory.boolValue))
            }
        }
        return result
    }
}
