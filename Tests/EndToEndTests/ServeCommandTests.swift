import Foundation
import XCTest

/// `breingen serve` as a user runs it: the real binary on a free port, an edit, Ctrl-C.
final class ServeCommandTests: XCTestCase {
    /// A running `breingen serve` whose standard error is collected as it arrives.
    final class ServeProcess: @unchecked Sendable {
        let process = Process()
        private let condition = NSCondition()
        private var errText = ""

        init(_ arguments: [String], temporary: URL) throws {
            process.executableURL = BreingenProcess.binary
            process.arguments = arguments
            var environment = ProcessInfo.processInfo.environment
            environment["NO_COLOR"] = "1"
            environment["TMPDIR"] = temporary.path
            process.environment = environment
            let err = Pipe()
            process.standardError = err
            process.standardOutput = FileHandle.nullDevice
            err.fileHandleForReading.readabilityHandler = { [weak self] handle in
                let data = handle.availableData
                guard let self, !data.isEmpty else { return }
                self.condition.lock()
                self.errText += String(decoding: data, as: UTF8.self)
                self.condition.broadcast()
                self.condition.unlock()
            }
            try process.run()
        }

        var stderr: String {
            condition.lock()
            defer { condition.unlock() }
            return errText
        }

        /// Waits until standard error contains `text`; returns everything so far.
        @discardableResult
        func waitFor(_ text: String, timeout: Double = 20) -> String {
            let deadline = Date().addingTimeInterval(timeout)
            condition.lock()
            defer { condition.unlock() }
            while !errText.contains(text), condition.wait(until: deadline) {}
            return errText
        }

        /// The port from the `serveert http://127.0.0.1:PORT/` line.
        func port() throws -> UInt16 {
            let text = waitFor("serveert ")
            guard let range = text.range(of: "http://127.0.0.1:"),
                let port = UInt16(text[range.upperBound...].prefix { $0.isNumber })
            else { throw NSError(domain: "serve", code: 1, userInfo: [NSLocalizedDescriptionKey: text]) }
            return port
        }
    }

    /// A copy of the minimal fixture and an empty folder for serve's TMPDIR, both removed after the test.
    private func minimalSiteAndTemporaryFolder() throws -> (URL, URL) {
        let site = try BreingenProcess.copyOfFixture("minimal")
        let temporary = FileManager.default.temporaryDirectory.appendingPathComponent(
            "breingen-serve-tmp-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: temporary, withIntermediateDirectories: true)
        addTeardownBlock {
            try? FileManager.default.removeItem(at: site)
            try? FileManager.default.removeItem(at: temporary)
        }
        return (site, temporary)
    }

    func testServeBuildsServesRebuildsAndStopsCleanly() throws {
        let (site, temporary) = try minimalSiteAndTemporaryFolder()
        let serve = try ServeProcess(["serve", "--root", site.path, "--port", "0"], temporary: temporary)
        defer { if serve.process.isRunning { serve.process.terminate() } }
        let port = try serve.port()

        let page = try HTTP.get(port: port, "/")
        XCTAssertEqual(page.status, 200)
        XCTAssertTrue(page.body.contains("Proefsite"), page.body)
        XCTAssertTrue(page.body.contains("/__breingen/events"), "serve mode injects the live-reload script")
        XCTAssertEqual(try HTTP.get(port: port, "/bestaat-niet").status, 404)
        XCTAssertEqual(try HTTP.get(port: port, "/%2e%2e/%2e%2e/etc/passwd").status, 403)

        // An edit triggers a rebuild and a reload event.
        let events = try HTTP.openEventStream(port: port)
        XCTAssertTrue(try events.next().contains("event: hello"))
        let siteFile = site.appendingPathComponent("content/site.yml")
        let original = try String(contentsOf: siteFile, encoding: .utf8)
        try original.replacingOccurrences(of: "Proefsite", with: "Nieuwe proefsite").write(
            to: siteFile, atomically: true, encoding: .utf8)
        XCTAssertTrue(try events.next().contains("event: reload"))
        XCTAssertTrue(try HTTP.get(port: port, "/").body.contains("Nieuwe proefsite"))
        serve.waitFor("herbouwd na wijziging in content/site.yml")

        // A broken site file: the error is in the terminal and in the browser; the last good page stays.
        try "language: nl\n".write(to: siteFile, atomically: true, encoding: .utf8)
        let error = try events.next()
        XCTAssertTrue(error.contains("event: builderror") && error.contains("content/site.yml:"), error)
        XCTAssertTrue(error.contains("error:"), error)
        let terminal = serve.waitFor("bouwen mislukt")
        XCTAssertTrue(terminal.contains("content/site.yml:") && terminal.contains(": error: "), terminal)
        XCTAssertTrue(try HTTP.get(port: port, "/").body.contains("Nieuwe proefsite"))

        // The build output is untouched by serve mode.
        XCTAssertFalse(FileManager.default.fileExists(atPath: site.appendingPathComponent("output").path))

        kill(serve.process.processIdentifier, SIGINT)
        serve.process.waitUntilExit()
        XCTAssertEqual(serve.process.terminationStatus, 0, serve.stderr)
        XCTAssertTrue(serve.stderr.contains("gestopt"), serve.stderr)
        XCTAssertEqual(
            try FileManager.default.contentsOfDirectory(atPath: temporary.path), [], "no stray temporary folders")
        XCTAssertEqual(
            try FileManager.default.contentsOfDirectory(atPath: site.path).filter { $0.hasPrefix(".breingen") }, [])
    }

    func testSigtermStopsCleanlyToo() throws {
        let (site, temporary) = try minimalSiteAndTemporaryFolder()
        let serve = try ServeProcess(["serve", "--root", site.path, "-p", "0", "--poll"], temporary: temporary)
        defer { if serve.process.isRunning { serve.process.terminate() } }
        let port = try serve.port()
        XCTAssertTrue(serve.stderr.contains("via polling"), serve.stderr)
        XCTAssertEqual(try HTTP.get(port: port, "/").status, 200)
        serve.process.terminate()
        serve.process.waitUntilExit()
        XCTAssertEqual(serve.process.terminationStatus, 0, serve.stderr)
        XCTAssertEqual(try FileManager.default.contentsOfDirectory(atPath: temporary.path), [])
    }

    /// Issue 18: after a `kill -9` serve's `breingen-serve-PID-N` folder stayed for ever. The next serve
    /// removes it (and only folders whose process is gone: a serve still running keeps its own).
    func testNextServeRemovesTheFolderOfAKilledOne() throws {
        let (site, temporary) = try minimalSiteAndTemporaryFolder()
        let first = try ServeProcess(["serve", "--root", site.path, "--port", "0"], temporary: temporary)
        defer { if first.process.isRunning { first.process.terminate() } }
        _ = try first.port()
        let left = try FileManager.default.contentsOfDirectory(atPath: temporary.path)
        XCTAssertEqual(left.count, 1)
        XCTAssertTrue(left[0].hasPrefix("breingen-serve-\(first.process.processIdentifier)-"), "\(left)")
        kill(first.process.processIdentifier, SIGKILL)
        first.process.waitUntilExit()
        XCTAssertEqual(
            try FileManager.default.contentsOfDirectory(atPath: temporary.path), left, "kill -9 leaves the folder")

        let running = try ServeProcess(["serve", "--root", site.path, "--port", "0"], temporary: temporary)
        defer { if running.process.isRunning { running.process.terminate() } }
        _ = try running.port()
        let now = try FileManager.default.contentsOfDirectory(atPath: temporary.path)
        XCTAssertEqual(now.count, 1, "\(now)")
        XCTAssertTrue(now[0].hasPrefix("breingen-serve-\(running.process.processIdentifier)-"), "\(now)")
        // A third serve beside the running one leaves the running one's folder alone.
        let third = try ServeProcess(["serve", "--root", site.path, "--port", "0"], temporary: temporary)
        defer { if third.process.isRunning { third.process.terminate() } }
        _ = try third.port()
        XCTAssertEqual(try FileManager.default.contentsOfDirectory(atPath: temporary.path).count, 2)
        for serve in [running, third] {
            serve.process.terminate()
            serve.process.waitUntilExit()
        }
        XCTAssertEqual(try FileManager.default.contentsOfDirectory(atPath: temporary.path), [])
    }

    /// Every spelling of a loopback address is recognised: no warning that the site can be reached
    /// from other computers, and the server answers there.
    func testLoopbackInAnySpellingServesWithoutWarning() throws {
        let (site, temporary) = try minimalSiteAndTemporaryFolder()
        for host in ["::ffff:127.0.0.1", "LOCALHOST", "[::1]", "127.0.0.2"] {
            let serve = try ServeProcess(
                ["serve", "--root", site.path, "--port", "0", "--host", host], temporary: temporary)
            defer { if serve.process.isRunning { serve.process.terminate() } }
            let text = serve.waitFor("serveert ")
            XCTAssertFalse(text.contains("warning"), "\(host): \(text)")
            XCTAssertTrue(text.contains("serveert http://"), "\(host): \(text)")
            serve.process.terminate()
            serve.process.waitUntilExit()
        }
    }

    func testBadOptionsAreUsageErrors() throws {
        let port = try BreingenProcess.run(["serve", "--port", "99999"])
        XCTAssertEqual(port.status, 2)
        XCTAssertTrue(port.stderr.contains("ongeldige poort '99999'"), port.stderr)
        let host = try BreingenProcess.run(["serve", "--host", "niet-een-adres"])
        XCTAssertEqual(host.status, 2)
        XCTAssertTrue(host.stderr.contains("ongeldig adres 'niet-een-adres'"), host.stderr)
    }

    func testPortInUseIsAClearError() throws {
        let (site, temporary) = try minimalSiteAndTemporaryFolder()
        let first = try ServeProcess(["serve", "--root", site.path, "--port", "0"], temporary: temporary)
        defer { if first.process.isRunning { first.process.terminate() } }
        let port = try first.port()
        let second = try BreingenProcess.run(
            ["serve", "--root", site.path, "--port", "\(port)"], environment: ["TMPDIR": temporary.path])
        XCTAssertEqual(second.status, 1)
        XCTAssertTrue(
            second.stderr.contains("error: kan niet luisteren op 127.0.0.1:\(port): de poort is al in gebruik"),
            second.stderr)
        first.process.terminate()
        first.process.waitUntilExit()
        XCTAssertEqual(try FileManager.default.contentsOfDirectory(atPath: temporary.path), [])
    }

    func testFolderWithoutContentIsAnError() throws {
        let empty = FileManager.default.temporaryDirectory.appendingPathComponent("breingen-leeg-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: empty, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: empty) }
        let result = try BreingenProcess.run(
            ["serve", "--root", empty.path, "--port", "0"], environment: ["TMPDIR": empty.path])
        XCTAssertEqual(result.status, 1)
        XCTAssertTrue(result.stderr.contains("error: geen map content/ in \(empty.path)"), result.stderr)
        XCTAssertEqual(try FileManager.default.contentsOfDirectory(atPath: empty.path), [])
    }

    func testHelpListsServe() throws {
        let result = try BreingenProcess.run(["help", "serve"])
        XCTAssertEqual(result.status, 0)
        XCTAssertTrue(result.stdout.contains("--port POORT"))
        XCTAssertTrue(result.stdout.contains("--host ADRES"))
    }
}

/// A tiny HTTP client over POSIX sockets, for talking to the served site.
enum HTTP {
    struct Response {
        var status: Int
        var body: String
    }

    static func connect(port: UInt16) throws -> Int32 {
        let fd = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_port = port.bigEndian
        inet_pton(AF_INET, "127.0.0.1", &address.sin_addr)
        let result = withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) {
                Glibc.connect(fd, $0, socklen_t(MemoryLayout<sockaddr_in>.size))
            }
        }
        guard result == 0 else {
            close(fd)
            throw NSError(domain: "http", code: Int(errno))
        }
        var timeout = timeval(tv_sec: 10, tv_usec: 0)
        setsockopt(fd, SOL_SOCKET, SO_RCVTIMEO, &timeout, socklen_t(MemoryLayout<timeval>.size))
        return fd
    }

    static func send(_ fd: Int32, _ text: String) {
        let bytes = Array(text.utf8)
        _ = bytes.withUnsafeBytes { Glibc.send(fd, $0.baseAddress, $0.count, Int32(MSG_NOSIGNAL)) }
    }

    /// GET with `Connection: close`, read to the end.
    static func get(port: UInt16, _ path: String) throws -> Response {
        let fd = try connect(port: port)
        defer { close(fd) }
        send(fd, "GET \(path) HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n")
        var data = [UInt8]()
        var chunk = [UInt8](repeating: 0, count: 65536)
        while true {
            let n = recv(fd, &chunk, chunk.count, 0)
            if n <= 0 { break }
            data.append(contentsOf: chunk[0..<n])
        }
        let text = String(decoding: data, as: UTF8.self)
        guard let headEnd = text.range(of: "\r\n\r\n"),
            let status = Int(text.split(separator: " ").dropFirst().first ?? "")
        else { throw NSError(domain: "http", code: 0, userInfo: [NSLocalizedDescriptionKey: text]) }
        return Response(status: status, body: String(text[headEnd.upperBound...]))
    }

    /// An open event stream; `next()` returns one event block (its lines, without the blank line).
    final class EventStream {
        let fd: Int32
        var buffer = ""

        init(fd: Int32) { self.fd = fd }
        deinit { close(fd) }

        func next() throws -> String {
            while true {
                if let end = buffer.range(of: "\n\n") {
                    let block = String(buffer[..<end.lowerBound])
                    buffer.removeSubrange(..<end.upperBound)
                    if block.hasPrefix(":") || block.hasPrefix("HTTP/") { continue }
                    return block
                }
                var chunk = [UInt8](repeating: 0, count: 8192)
                let n = recv(fd, &chunk, chunk.count, 0)
                guard n > 0 else {
                    throw NSError(
                        domain: "http", code: 1, userInfo: [NSLocalizedDescriptionKey: "stream ended: \(buffer)"])
                }
                buffer += String(decoding: chunk[0..<n], as: UTF8.self).replacingOccurrences(of: "\r\n", with: "\n")
            }
        }
    }

    static func openEventStream(port: UInt16) throws -> EventStream {
        let fd = try connect(port: port)
        send(fd, "GET /__breingen/events HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n")
        return EventStream(fd: fd)
    }
}
