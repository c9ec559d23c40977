// libFuzzer harness: the HTTP/1.1 request parser and request-path normalisation of `breingen serve`.
// The first byte picks the mode: a raw request (whose path, when it parses, is normalised too) or a bare
// request path. Every path that normalisation accepts must stay inside the served folder.
@testable import Server

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzHTTP(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    guard size > 0 else { return 0 }
    let bytes = Array(UnsafeBufferPointer(start: data + 1, count: size - 1))
    if data[0] & 1 == 0 {
        var limits = HTTPLimits()
        limits.maxHeadBytes = 2048
        limits.maxBodyBytes = 512
        switch HTTPRequestParser.parse(bytes, limits: limits) {
        case .incomplete, .invalid: break
        case .request(let request, let consumed):
            precondition(consumed > 0 && consumed <= bytes.count, "consumed \(consumed) of \(bytes.count)")
            _ = request.keepAlive
            _ = request.header("host")
            if let path = try? RequestPath(request.path) { checkInsideRoot(path) }
        }
    } else if let path = try? RequestPath(String(decoding: bytes, as: UTF8.self)) {
        checkInsideRoot(path)
    }
    return 0
}

/// The file system splits paths on the byte `/`: resolving the accepted path from the root, segment by
/// segment, must never climb above it, and no segment may smuggle in a separator or a NUL.
func checkInsideRoot(_ path: RequestPath) {
    var depth = 0
    for segment in path.segments {
        let utf8 = Array(segment.utf8)
        precondition(!utf8.isEmpty, "empty segment")
        precondition(!utf8.contains(0x2F) && !utf8.contains(0) && !utf8.contains(0x5C), "separator in \(utf8)")
        precondition(utf8 != [0x2E] && utf8 != [0x2E, 0x2E], "dot segment")
        depth += 1
    }
    var level = 0
    for component in path.relative.utf8.split(separator: 0x2F, omittingEmptySubsequences: true) {
        if Array(component) == [0x2E, 0x2E] { level -= 1 } else if Array(component) != [0x2E] { level += 1 }
        precondition(level >= 0, "leaves the root: \(path.relative)")
    }
    precondition(level == depth)
}
