import Diagnostics

#if canImport(Glibc)
    import Glibc
#endif

/// Thin wrappers over the POSIX socket calls the server needs.
enum Socket {
    /// A listening TCP socket on `host:port` (IPv4 or IPv6 literal, or `localhost`); port 0 picks a free
    /// port. Returns the descriptor and the port actually bound.
    static func listen(host: String, port: UInt16, backlog: Int32 = 1024) throws -> (fd: Int32, port: UInt16) {
        guard let address = SocketAddress(host: host, port: port) else {
            throw Diagnostic(.error, "ongeldig adres '\(host)': geef een IP-adres zoals 127.0.0.1 of ::1")
        }
        let fd = socket(address.family, Int32(SOCK_STREAM.rawValue) | Int32(SOCK_CLOEXEC.rawValue), 0)
        guard fd >= 0 else { throw failure("kan geen socket maken", errno) }
        var on: Int32 = 1
        setsockopt(fd, SOL_SOCKET, SO_REUSEADDR, &on, socklen_t(MemoryLayout<Int32>.size))
        let bound = address.withSockaddr { bind(fd, $0, $1) }
        guard bound == 0 else {
            let code = errno
            close(fd)
            throw failure("kan niet luisteren op \(address.display(port: port))", code)
        }
        guard Glibc.listen(fd, backlog) == 0 else {
            let code = errno
            close(fd)
            throw failure("kan niet luisteren op \(address.display(port: port))", code)
        }
        var storage = sockaddr_storage()
        var length = socklen_t(MemoryLayout<sockaddr_storage>.size)
        _ = withUnsafeMutablePointer(to: &storage) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { getsockname(fd, $0, &length) }
        }
        let family = storage.ss_family
        let actual: UInt16 = withUnsafePointer(to: &storage) { pointer in
            if family == sa_family_t(AF_INET6) {
                return pointer.withMemoryRebound(to: sockaddr_in6.self, capacity: 1) {
                    UInt16(bigEndian: $0.pointee.sin6_port)
                }
            }
            return pointer.withMemoryRebound(to: sockaddr_in.self, capacity: 1) {
                UInt16(bigEndian: $0.pointee.sin_port)
            }
        }
        return (fd, actual)
    }

    private static func failure(_ what: String, _ code: Int32) -> Diagnostic {
        let reason: String
        switch code {
        case EADDRINUSE: reason = "de poort is al in gebruik (kies een andere met --port)"
        case EACCES: reason = "geen toestemming (poorten onder 1024 vragen beheerrechten)"
        case EADDRNOTAVAIL: reason = "dit adres hoort niet bij deze computer"
        default: reason = String(cString: strerror(code))
        }
        return Diagnostic(.error, "\(what): \(reason)")
    }

    /// Sends `head` then `body` completely, in as few system calls as possible. False when the peer is gone.
    static func send(_ fd: Int32, _ head: [UInt8], _ body: [UInt8] = []) -> Bool {
        head.withUnsafeBytes { headBytes in
            body.withUnsafeBytes { bodyBytes in
                var sentHead = 0
                var sentBody = 0
                while sentHead < headBytes.count || sentBody < bodyBytes.count {
                    var vectors: [iovec] = []
                    if sentHead < headBytes.count {
                        vectors.append(
                            iovec(
                                iov_base: UnsafeMutableRawPointer(mutating: headBytes.baseAddress! + sentHead),
                                iov_len: headBytes.count - sentHead))
                    }
                    if sentBody < bodyBytes.count {
                        vectors.append(
                            iovec(
                                iov_base: UnsafeMutableRawPointer(mutating: bodyBytes.baseAddress! + sentBody),
                                iov_len: bodyBytes.count - sentBody))
                    }
                    let sent = vectors.withUnsafeMutableBufferPointer { buffer -> Int in
                        var message = msghdr()
                        message.msg_iov = buffer.baseAddress
                        message.msg_iovlen = buffer.count
                        return sendmsg(fd, &message, Int32(MSG_NOSIGNAL))
                    }
                    if sent < 0 {
                        if errno == EINTR { continue }
                        return false
                    }
                    var rest = sent
                    let fromHead = min(rest, headBytes.count - sentHead)
                    sentHead += fromHead
                    rest -= fromHead
                    sentBody += rest
                }
                return true
            }
        }
    }

    /// Sets a receive or send timeout (`SO_RCVTIMEO`, `SO_SNDTIMEO`); 0 means none.
    static func setTimeout(_ fd: Int32, _ option: Int32, seconds: Double) {
        var value = timeval(tv_sec: Int(seconds), tv_usec: Int((seconds - Double(Int(seconds))) * 1_000_000))
        setsockopt(fd, SOL_SOCKET, option, &value, socklen_t(MemoryLayout<timeval>.size))
    }

    static func setNoDelay(_ fd: Int32) {
        var on: Int32 = 1
        setsockopt(fd, Int32(IPPROTO_TCP), TCP_NODELAY, &on, socklen_t(MemoryLayout<Int32>.size))
    }
}

/// An IPv4 or IPv6 socket address parsed from a literal.
struct SocketAddress {
    var family: Int32
    private var v4 = sockaddr_in()
    private var v6 = sockaddr_in6()

    init?(host: String, port: UInt16) {
        var name = host
        if name.hasPrefix("["), name.hasSuffix("]") { name = String(name.dropFirst().dropLast()) }
        // `localhost` in any case, with or without the root's trailing dot (RFC 6761 keeps it loopback).
        let lower = name.lowercased()
        if lower == "localhost" || lower == "localhost." { name = "127.0.0.1" }
        if inet_pton(AF_INET, name, &v4.sin_addr) == 1 {
            family = AF_INET
            v4.sin_family = sa_family_t(AF_INET)
            v4.sin_port = port.bigEndian
        } else if inet_pton(AF_INET6, name, &v6.sin6_addr) == 1 {
            family = AF_INET6
            v6.sin6_family = sa_family_t(AF_INET6)
            v6.sin6_port = port.bigEndian
        } else {
            return nil
        }
    }

    /// Whether the address only reaches this computer: 127.0.0.0/8, ::1, or 127.0.0.0/8 mapped into IPv6
    /// (`::ffff:127.0.0.1`, also written `::ffff:7f00:1`).
    var isLoopback: Bool {
        if family == AF_INET { return UInt32(bigEndian: v4.sin_addr.s_addr) >> 24 == 127 }
        return withUnsafeBytes(of: v6.sin6_addr) { bytes in
            let zeros = bytes.prefix(10).allSatisfy { $0 == 0 }
            if zeros && bytes[10] == 0xFF && bytes[11] == 0xFF { return bytes[12] == 127 }
            return zeros && bytes[10...14].allSatisfy { $0 == 0 } && bytes[15] == 1
        }
    }

    func display(port: UInt16) -> String {
        var buffer = [CChar](repeating: 0, count: Int(INET6_ADDRSTRLEN))
        if family == AF_INET {
            var addr = v4.sin_addr
            inet_ntop(AF_INET, &addr, &buffer, socklen_t(buffer.count))
            return String(cString: buffer) + ":\(port)"
        }
        var addr = v6.sin6_addr
        inet_ntop(AF_INET6, &addr, &buffer, socklen_t(buffer.count))
        return "[" + String(cString: buffer) + "]:\(port)"
    }

    func withSockaddr<T>(_ body: (UnsafePointer<sockaddr>, socklen_t) -> T) -> T {
        if family == AF_INET {
            var copy = v4
            return withUnsafePointer(to: &copy) {
                $0.withMemoryRebound(to: sockaddr.self, capacity: 1) {
                    body($0, socklen_t(MemoryLayout<sockaddr_in>.size))
                }
            }
        }
        var copy = v6
        return withUnsafePointer(to: &copy) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) {
                body($0, socklen_t(MemoryLayout<sockaddr_in6>.size))
            }
        }
    }
}

/// Host checks for the command line: `--host` other than loopback earns a warning.
public enum HostAddress {
    /// Nil when `host` is not an IP literal or `localhost`.
    public static func isLoopback(_ host: String) -> Bool? {
        SocketAddress(host: host, port: 0)?.isLoopback
    }
}
