import Foundation
import Glibc

/// A raw HTTP/1.1 client on one TCP connection, so tests control every byte sent and can reuse the
/// connection (keep-alive) or send garbage.
final class TestClient {
    struct Response {
        var status: Int
        var headers: [String: String]
        var body: [UInt8]
        var text: String { String(decoding: body, as: UTF8.self) }
        func header(_ name: String) -> String? { headers[name.lowercased()] }
    }

    struct Failure: Error, CustomStringConvertible {
        var description: String
    }

    let fd: Int32
    private var buffer: [UInt8] = []

    init(port: UInt16, timeout: Double = 5) throws {
        fd = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_port = port.bigEndian
        inet_pton(AF_INET, "127.0.0.1", &address.sin_addr)
        let result = withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) {
                connect(fd, $0, socklen_t(MemoryLayout<sockaddr_in>.size))
            }
        }
        guard result == 0 else {
            close(fd)
            throw Failure(description: "connect failed: \(errno)")
        }
        var value = timeval(tv_sec: Int(timeout), tv_usec: 0)
        setsockopt(fd, SOL_SOCKET, SO_RCVTIMEO, &value, socklen_t(MemoryLayout<timeval>.size))
    }

    deinit { close(fd) }

    func send(_ text: String) throws {
        let bytes = Array(text.utf8)
        var sent = 0
        while sent < bytes.count {
            let n = bytes[sent...].withUnsafeBytes { Glibc.send(fd, $0.baseAddress, $0.count, Int32(MSG_NOSIGNAL)) }
            guard n > 0 else { throw Failure(description: "send failed") }
            sent += n
        }
    }

    /// Sends a GET (or another method) with a Host header and reads the response.
    func request(_ path: String, method: String = "GET", headers: [String] = []) throws -> Response {
        try send("\(method) \(path) HTTP/1.1\r\nHost: 127.0.0.1\r\n" + headers.map { $0 + "\r\n" }.joined() + "\r\n")
        return try readResponse(head: method == "HEAD")
    }

    /// Reads more bytes; false on end of stream.
    private func fill() throws -> Bool {
        var chunk = [UInt8](repeating: 0, count: 65536)
        let n = recv(fd, &chunk, chunk.count, 0)
        if n < 0 { throw Failure(description: "read timed out or failed (errno \(errno))") }
        if n == 0 { return false }
        buffer.append(contentsOf: chunk[0..<n])
        return true
    }

    func readResponse(head: Bool = false) throws -> Response {
        let separator: [UInt8] = Array("\r\n\r\n".utf8)
        var end: Int?
        while end == nil {
            if buffer.count >= 4 {
                end = (0...(buffer.count - 4)).first { Array(buffer[$0..<$0 + 4]) == separator }
            }
            if end == nil, try !fill() { throw Failure(description: "connection closed before a response") }
        }
        let headText = String(decoding: buffer[0..<end!], as: UTF8.self)
        buffer.removeFirst(end! + 4)
        var lines = headText.components(separatedBy: "\r\n")
        let statusLine = lines.removeFirst().split(separator: " ")
        guard statusLine.count >= 2, let status = Int(statusLine[1]) else {
            throw Failure(description: "bad status: \(headText)")
        }
        var headers: [String: String] = [:]
        for line in lines {
            guard let colon = line.firstIndex(of: ":") else { continue }
            headers[line[..<colon].lowercased()] = line[line.index(after: colon)...].trimmingCharacters(
                in: .whitespaces)
        }
        var body: [UInt8] = []
        if !head && status != 304 && status != 204 {
            if let length = headers["content-length"].flatMap(Int.init) {
                while buffer.count < length, try fill() {}
                body = Array(buffer.prefix(length))
                buffer.removeFirst(min(length, buffer.count))
            } else if headers["content-type"]?.hasPrefix("text/event-stream") != true {
                while try fill() {}
                body = buffer
                buffer = []
            }
        }
        return Response(status: status, headers: headers, body: body)
    }

    /// Reads one server-sent event (name and data), skipping comments.
    func readEvent() throws -> (name: String?, data: String) {
        while true {
            let separator: [UInt8] = Array("\n\n".utf8)
            var end: Int?
            while end == nil {
                if buffer.count >= 2 {
                    end = (0...(buffer.count - 2)).first { Array(buffer[$0..<$0 + 2]) == separator }
                }
                if end == nil, try !fill() { throw Failure(description: "stream closed") }
            }
            let text = String(decoding: buffer[0..<end!], as: UTF8.self)
            buffer.removeFirst(end! + 2)
            var name: String?
            var data: [String] = []
            for line in text.split(separator: "\n") {
                if line.hasPrefix("event: ") { name = String(line.dropFirst(7)) }
                if line.hasPrefix("data: ") { data.append(String(line.dropFirst(6))) }
            }
            if name == nil && data.isEmpty { continue }
            return (name, data.joined(separator: "\n"))
        }
    }

    /// True when the server closed the connection (reads end of stream).
    func isClosedByServer() -> Bool {
        (try? fill()) == false
    }
}
