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

    /// A full disk: the build writes its output to a 64 KB tmpfs, mounted in a mount namespace of the build's
    /// own (`unshare`: as root, or as any user through a user namespace), so nothing stays mounted and no
    /// root is needed. Where the system allows neither, a limit on the size of a file (`ulimit -f`, with
    /// SIGXFSZ ignored) makes the same failure of a write in the middle of a build, with its own reason.
    func testFullDisk() throws {
        let disk = base.appendingPathComponent("schijf")
        try fm.createDirectory(at: disk, withIntermediateDirectories: true)
        let build = [BreingenProcess.binary.path, "build", "--root", site.path, "--output", disk.path + "/uit"]
        let unshare = URL(fileURLWithPath: "/usr/bin/unshare")
        // Mounts the tmpfs on $0, runs the rest, then lists what the build left on it (the mount goes with
        // the namespace, so it is looked at from inside).
        let script =
            #"mount -t tmpfs -o size=64k tmpfs "$0" || exit 97; "$@"; s=$?; echo "--inhoud--"; ls -A "$0"; exit $s"#
        let namespaces = [["--mount"], ["--user", "--map-root-user", "--mount"]]
        let usable = namespaces.first { namespace in
            guard fm.isExecutableFile(atPath: unshare.path),
                let probe = try? BreingenProcess.run(
                    namespace + ["sh", "-c", #"mount -t tmpfs -o size=64k tmpfs "$0""#, disk.path], timeout: 30,
                    executable: unshare)
            else { return false }
            return probe.status == 0
        }
        let result: BreingenProcess.Result
        let left: [String]
        let reason: String
        if let namespace = usable {
            result = try BreingenProcess.run(
                namespace + ["sh", "-c", script, disk.path] + build, timeout: 60, executable: unshare)
            let listing = try XCTUnwrap(result.stdout.components(separatedBy: "--inhoud--\n").last, result.stdout)
            left = listing.split(separator: "\n").map(String.init)
            reason = ": schijf vol"
        } else {
            result = try BreingenProcess.run(
                ["-c", #"trap '' XFSZ; ulimit -f 8; exec "$0" "$@""#] + build, timeout: 60,
                executable: URL(fileURLWithPath: "/bin/sh"))
            left = try fm.contentsOfDirectory(atPath: disk.path)
            reason = ": bestand te groot"
        }
        XCTAssertEqual(result.status, 1, result.stderr)
        XCTAssertTrue(result.stderr.contains(reason), result.stderr)
        XCTAssertTrue(result.stderr.contains(disk.path), result.stderr)
        assertNoFoundationText(result.stderr)
        XCTAssertEqual(left, [], "the half-written build is removed")
    }
}
