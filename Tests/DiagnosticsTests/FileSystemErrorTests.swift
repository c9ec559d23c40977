import Diagnostics
import Foundation
import TestSupport
import XCTest

final class FileSystemErrorTests: XCTestCase {
    func testCausesInDutch() {
        XCTAssertEqual(FileSystemError(code: ENOSPC, path: "/x/y").cause, "schijf vol")
        XCTAssertEqual(FileSystemError(code: EROFS, path: "/x/y").cause, "het bestandssysteem is alleen-lezen")
        XCTAssertEqual(FileSystemError(code: ENOENT, path: "/x/y").cause, "bestaat niet")
        XCTAssertEqual(FileSystemError(code: EACCES, path: "/x/y").cause, "geen toegang")
        XCTAssertEqual(
            FileSystemError(code: ELOOP, path: "/x").cause, "te veel symbolische links achter elkaar (een lus?)")
        XCTAssertEqual(
            FileSystemError(code: ENOSPC, path: "/x/y").diagnostic("kan y niet schrijven").message,
            "kan y niet schrijven: schijf vol")
    }

    /// Foundation's own errors (NSCocoaErrorDomain, with or without a POSIX error beneath) become the
    /// same Dutch causes, with the path Foundation names.
    func testFoundationErrorsAreTranslated() throws {
        let posix = NSError(domain: NSPOSIXErrorDomain, code: Int(ENOSPC))
        let cocoa = NSError(
            domain: NSCocoaErrorDomain, code: 640,
            userInfo: [
                NSFilePathErrorKey: "/schijf/bestand", NSUnderlyingErrorKey: posix,
            ])
        let full = try XCTUnwrap(FileSystemError(cocoa))
        XCTAssertEqual(full.path, "/schijf/bestand")
        XCTAssertEqual(full.cause, "schijf vol")
        let bare = try XCTUnwrap(FileSystemError(NSError(domain: NSCocoaErrorDomain, code: 642), path: "/p"))
        XCTAssertEqual(bare.cause, "het bestandssysteem is alleen-lezen")
        XCTAssertEqual(bare.path, "/p")
        XCTAssertNil(FileSystemError(NSError(domain: "iets anders", code: 1)))

        // What FileManager really throws.
        let missing = FileManager.default.temporaryDirectory.appendingPathComponent("bestaat-niet-\(UUID().uuidString)")
        XCTAssertThrowsError(try FileManager.default.contentsOfDirectory(atPath: missing.path)) { error in
            let failure = FileSystemError(error)
            XCTAssertEqual(failure?.cause, "bestaat niet")
            XCTAssertEqual(failure?.path, missing.path)
            let shown = Diagnostic.describing(error).map(\.message).joined()
            XCTAssertFalse(shown.contains("NSCocoaErrorDomain") || shown.contains("Error Domain"), shown)
            XCTAssertTrue(shown.contains(missing.path), shown)
        }
    }

    func testReadOnlyFolderIsNamedAsSuch() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("alleen-lezen-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer {
            try? FileManager.default.setAttributes([.posixPermissions: 0o755], ofItemAtPath: folder.path)
            try? FileManager.default.removeItem(at: folder)
        }
        try FileManager.default.setAttributes([.posixPermissions: 0o555], ofItemAtPath: folder.path)
        // Root may write in every folder: as root the check runs as the user nobody (as the end-to-end tests
        // run the binary).
        try OtherUser.run {
            XCTAssertNotEqual(access(folder.path, W_OK), 0, "the folder must be read-only for this user")
            XCTAssertEqual(
                FileSystemError(code: EACCES, path: folder.path + "/x", writing: true).cause, "map is alleen-lezen")
            XCTAssertEqual(FileSystemError(code: EACCES, path: folder.path + "/x").cause, "geen toegang")
        }
    }

    func testReadingFiles() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("lezen-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        try Data("hallo".utf8).write(to: folder.appendingPathComponent("a.txt"))
        XCTAssertEqual(try FileContents.read(folder.appendingPathComponent("a.txt").path), Array("hallo".utf8))
        XCTAssertThrowsError(try FileContents.read(folder.path)) {
            XCTAssertEqual(($0 as? FileSystemError)?.code, EISDIR)
        }
        XCTAssertThrowsError(try FileContents.read(folder.path + "/b")) {
            XCTAssertEqual(($0 as? FileSystemError)?.code, ENOENT)
        }
        // A named pipe is refused instead of blocking the reader.
        XCTAssertEqual(mkfifo(folder.path + "/pijp", 0o644), 0)
        XCTAssertThrowsError(try FileContents.read(folder.path + "/pijp"))
        // Files whose size stat does not know (/proc) are read to their end.
        XCTAssertFalse(try FileContents.read("/proc/self/status").isEmpty)
    }
}
