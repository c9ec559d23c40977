import Foundation
import TestSupport
import XCTest

/// Every file-system failure reaches the user as a Dutch message naming the path and the cause, never
/// as Foundation's own text (issue 18: `Error Domain=NSCocoaErrorDomain Code=513 …`).
final class FileSystemMessageTests: XCTestCase {
    private let fm = FileManager.default
    private var base: URL!
    private var site: URL!

    override func setUpWithError() throws {
        base = fm.temporaryDirectory.appendingPathComponent("breingen-fsmsg-\(UUID().uuidString)")
        site = base.appendingPathComponent("site")
        try fm.createDirectory(at: base, withIntermediateDirectories: true)
        try fm.copyItem(at: BreingenProcess.fixture("minimal"), to: site)
    }

    override func tearDownWithError() throws {
        _ = try? Process.run(URL(fileURLWithPath: "/bin/chmod"), arguments: ["-R", "u+rwx", base.path]).waitUntilExit()
        try? fm.removeItem(at: base)
    }

    private func assertNoFoundationText(_ text: String, file: StaticString = #filePath, line: UInt = #line) {
        for raw in ["Error Domain", "NSCocoaErrorDomain", "NSPOSIXErrorDomain", "NSFilePath", "UserInfo"] {
            XCTAssertFalse(text.contains(raw), "raw Foundation text: \(text)", file: file, line: line)
        }
    }

    /// Runs as the user `nobody` when this is root (root writes into read-only folders anyway).
    private func runAsOtherUser(_ arguments: [String], environment: [String: String] = [:]) throws
        -> BreingenProcess.Result
    {
        if getuid() == 0 {
            _ = try Process.run(URL(fileURLWithPath: "/bin/chmod"), arguments: ["-R", "a+rX", base.path])
                .waitUntilExit()
        }
        return try OtherUser.run { try BreingenProcess.run(arguments, environment: environment, timeout: 60) }
    }

    func testReadOnlyParentFolder() throws {
        let parent = base.appendingPathComponent("alleen-lezen")
        try fm.createDirectory(at: parent, withIntermediateDirectories: true)
        try fm.setAttributes([.posixPermissions: 0o555], ofItemAtPath: parent.path)
        // The folder above it is writable: the cause is that of `parent` itself (before, the message said
        // "geen toegang" whenever the grandparent was writable).
        try fm.setAttributes([.posixPermissions: 0o777], ofItemAtPath: base.path)
        let result = try runAsOtherUser([
            "build", "--root", site.path, "--output", parent.appendingPathComponent("uit").path,
        ])
        XCTAssertEqual(result.status, 1)
        XCTAssertTrue(
            result.stderr.contains("error: kan geen tijdelijke bouwmap maken in \(parent.path): map is alleen-lezen"),
            result.stderr)
        assertNoFoundationText(result.stderr)

        let deeper = try runAsOtherUser([
            "build", "--root", site.path, "--output", parent.appendingPathComponent("a/uit").path,
        ])
        XCTAssertEqual(deeper.status, 1)
        XCTAssertTrue(
            deeper.stderr.contains("error: kan de map \(parent.path)/a niet maken: map is alleen-lezen"), deeper.stderr)
        assertNoFoundationText(deeper.stderr)
    }

    func testServeWithReadOnlyTemporaryFolder() throws {
        let temporary = base.appendingPathComponent("tmp")
        try fm.createDirectory(at: temporary, withIntermediateDirectories: true)
        try fm.setAttributes([.posixPermissions: 0o555], ofItemAtPath: temporary.path)
        let result = try runAsOtherUser(
            ["serve", "--root", site.path, "--port", "0"], environment: ["TMPDIR": temporary.path])
        XCTAssertEqual(result.status, 1)
        XCTAssertTrue(
            result.stderr.contains(
                "error: kan geen werkmap voor serve maken in \(temporary.path): map is alleen-lezen"),
            result.stderr)
        assertNoFoundationText(result.stderr)
    }

    /// A full disk, on a tiny tmpfs (needs root to mount one).
    func testFullDisk() throws {
        guard getuid() == 0 else { throw XCTSkip("mounting a small tmpfs to fill needs root") }
        let disk = base.appendingPathComponent("schijf")
        try fm.createDirectory(at: disk, withIntermediateDirectories: true)
        let mount = Process()
        mount.executableURL = URL(fileURLWithPath: "/bin/mount")
        mount.arguments = ["-t", "tmpfs", "-o", "size=64k", "tmpfs", disk.path]
        mount.standardError = FileHandle.nullDevice
        try mount.run()
        mount.waitUntilExit()
        guard mount.terminationStatus == 0 else { throw XCTSkip("cannot mount a tmpfs here") }
        defer {
            let umount = try? Process.run(URL(fileURLWithPath: "/bin/umount"), arguments: [disk.path])
            umount?.waitUntilExit()
        }
        let result = try BreingenProcess.run(
            ["build", "--root", site.path, "--output", disk.appendingPathComponent("uit").path], timeout: 60)
        XCTAssertEqual(result.status, 1)
        XCTAssertTrue(result.stderr.contains(": schijf vol"), result.stderr)
        XCTAssertTrue(result.stderr.contains(disk.path), result.stderr)
        assertNoFoundationText(result.stderr)
        XCTAssertEqual(try fm.contentsOfDirectory(atPath: disk.path), [], "the half-written build is removed")
    }
}
