import Foundation
import TestSupport
import XCTest

@testable import Server

/// Garbage in never crashes the parser or the path decoder, and never stops the server answering others.
final class MalformedInputTests: XCTestCase {
    private let seeds = [
        "GET /thema/wonen/?x=1 HTTP/1.1\r\nHost: localhost\r\nConnection: keep-alive\r\n\r\n",
        "HEAD /%2e%2e/caf%C3%A9 HTTP/1.0\r\nContent-Length: 3\r\n\r\nabc",
        "GET http://h/a HTTP/1.1\r\nHost: h\r\nIf-None-Match: \"x\"\r\n\r\n",
    ]

    private func mutate(_ bytes: [UInt8], _ random: inout SplitMix64) -> [UInt8] {
        var out = bytes
        for _ in 0..<(1 + random.int(6)) {
            guard !out.isEmpty else { break }
            let i = random.int(out.count)
            switch random.int(5) {
            case 0: out[i] = UInt8(truncatingIfNeeded: random.next())
            case 1: out.remove(at: i)
            case 2: out.insert([0x0D, 0x0A, 0x20, 0x3A, 0x25, 0x00, 0x2F, 0x2E][random.int(8)], at: i)
            case 3: out = Array(out.prefix(i))
            default: out.insert(contentsOf: out[i..<min(out.count, i + random.int(20))], at: i)
            }
        }
        return out
    }

    func testParserAndPathDecoderSurviveMutatedRequests() {
        var random = SplitMix64(seed: 2026)
        var outcomes = [0, 0, 0]
        for round in 0..<20_000 {
            let input = mutate(Array(seeds[round % seeds.count].utf8), &random)
            switch HTTPRequestParser.parse(input) {
            case .incomplete: outcomes[0] += 1
            case .invalid(let error):
                outcomes[1] += 1
                XCTAssertTrue([400, 505].contains(error.status))
            case .request(let request, let consumed):
                outcomes[2] += 1
                XCTAssertLessThanOrEqual(consumed, input.count)
                _ = request.keepAlive
                if let path = try? RequestPath(request.path) {
                    XCTAssertFalse(path.segments.contains(".."))
                    XCTAssertFalse(path.segments.contains { $0.contains("/") || $0.isEmpty })
                }
            }
        }
        // Every kind of outcome was reached, so the mutations exercise the parser, not just its first check.
        XCTAssertTrue(outcomes.allSatisfy { $0 > 100 }, "\(outcomes)")
    }

    func testRandomPathsNeverEscape() {
        var random = SplitMix64(seed: 7)
        let alphabet = Array("./%2e%2E%2f%5c..abc/".utf8)
        for _ in 0..<20_000 {
            var path: [UInt8] = [UInt8(ascii: "/")]
            for _ in 0..<random.int(24) { path.append(alphabet[random.int(alphabet.count)]) }
            if let decoded = try? RequestPath(String(decoding: path, as: UTF8.self)) {
                XCTAssertFalse(decoded.segments.contains(".."), String(decoding: path, as: UTF8.self))
                XCTAssertFalse(decoded.segments.contains("."))
            }
        }
    }

    func testServerKeepsAnsweringWhileClientsSendGarbage() throws {
        let site = FileManager.default.temporaryDirectory.appendingPathComponent(
            "breingen-garbage-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: site, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: site) }
        try Data("<p>hallo</p>".utf8).write(to: site.appendingPathComponent("index.html"))
        let folder = try ServedFolder(root: site)
        var configuration = HTTPServer.Configuration(host: "127.0.0.1", port: 0)
        configuration.idleTimeout = 1
        let server = HTTPServer(configuration: configuration) { StaticResponder.respond(to: $0, from: folder) }
        try server.start()
        defer { server.stop() }

        let good = try TestClient(port: server.port)
        var random = SplitMix64(seed: 99)
        for round in 0..<60 {
            let garbage = mutate(Array(seeds[round % seeds.count].utf8), &random)
            let bad = try TestClient(port: server.port, timeout: 2)
            _ = try? bad.send(String(decoding: garbage, as: UTF8.self) + "\r\n\r\n")
            shutdown(bad.fd, Int32(SHUT_WR))
            if let response = try? bad.readResponse() {
                XCTAssertTrue([200, 301, 400, 403, 404, 405, 505].contains(response.status), "\(response.status)")
            }
            XCTAssertEqual(try good.request("/").text, "<p>hallo</p>")
        }
    }
}
