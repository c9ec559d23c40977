import Diagnostics
import Foundation
import Templates

#if canImport(Glibc)
import Glibc
#endif

/// Renders planned pages on every core and writes each into the staging folder as soon as it is done,
/// so memory stays flat however big the site is. The first failure stops the remaining work.
enum PageRenderer {
    /// Renders `pages`; returns how many were written. Throws the first error (a template diagnostic).
    static func render(_ pages: [PlannedPage], environment: Environment, into staging: URL, progress: ProgressLine) throws -> Int {
        // Folders first, serially and parents first, with plain mkdir: creating them from many threads
        // races, and FileManager's createDirectory costs several system calls per folder.
        var folders = Set<String>()
        for page in pages {
            var file = Routes.file(for: page.path)
            while let slash = file.lastIndex(of: "/") {
                file = String(file[..<slash])
                if !folders.insert(file).inserted { break }
            }
        }
        for folder in folders.sorted() {
            let path = staging.path + "/" + folder
            if mkdir(path, 0o755) != 0 && errno != EEXIST {
                throw FileSystemError.last(path, writing: true).diagnostic("kan map \(path) niet maken")
            }
        }
        // Compile every template once, up front, so compile errors surface before any work starts.
        var templates: [String: Template] = [:]
        for name in Set(pages.map(\.template)).sorted() {
            templates[name] = try environment.template(named: name)
        }
        let compiled = templates
        let failure = FirstFailure()
        let chunk = 8
        let chunks = (pages.count + chunk - 1) / chunk
        let stagingPath = staging.path
        let next = ChunkCounter()
        // More workers than cores: a worker waiting in the kernel for its file to be created leaves its
        // core to another worker that renders meanwhile.
        let workers = max(1, min(chunks, workerCount()))
        let group = DispatchGroup()
        for _ in 0..<workers {
            group.enter()
            let thread = Thread {
                defer { group.leave() }
                while !failure.hasFailed, let c = next.take(below: chunks) {
                    for index in (c * chunk)..<min(pages.count, (c + 1) * chunk) {
                        let page = pages[index]
                        do {
                            let bytes = try compiled[page.template]!.renderBytes(try page.context())
                            try writeFile(stagingPath + "/" + Routes.file(for: page.path), bytes)
                            progress.advance()
                        } catch {
                            failure.record(error, order: index)
                            return
                        }
                    }
                }
            }
            thread.stackSize = 8 << 20  // deep template and Markdown nesting
            thread.start()
        }
        group.wait()
        if let error = failure.error { throw error }
        return pages.count
    }

    /// Writes with plain POSIX calls: no Foundation `Data` copy per page.
    static func writeFile(_ path: String, _ bytes: [UInt8]) throws {
        let fd = open(path, O_WRONLY | O_CREAT | O_TRUNC, 0o644)
        guard fd >= 0 else { throw FileSystemError.last(path, writing: true).diagnostic("kan \(path) niet schrijven") }
        defer { close(fd) }
        try bytes.withUnsafeBytes { raw in
            var offset = 0
            while offset < raw.count {
                let written = write(fd, raw.baseAddress! + offset, raw.count - offset)
                if written < 0 {
                    if errno == EINTR { continue }
                    throw FileSystemError.last(path, writing: true).diagnostic("kan \(path) niet schrijven")
                }
                offset += written
            }
        }
    }
}

/// Worker threads for rendering: `BREINGEN_THREADS` when set, else twice the cores.
func workerCount() -> Int {
    if let text = ProcessInfo.processInfo.environment["BREINGEN_THREADS"], let n = Int(text), n > 0 { return n }
    return max(2, ProcessInfo.processInfo.activeProcessorCount * 2)
}

/// Hands out chunk numbers to the workers, each once.
final class ChunkCounter: @unchecked Sendable {
    private let lock = NSLock()
    private var next = 0

    func take(below limit: Int) -> Int? {
        lock.lock()
        defer { lock.unlock() }
        guard next < limit else { return nil }
        next += 1
        return next - 1
    }
}

/// Keeps the first error (by page order, so the report does not depend on thread timing) of a
/// parallel run.
final class FirstFailure: @unchecked Sendable {
    private let lock = NSLock()
    private var stored: (order: Int, error: Error)?

    var hasFailed: Bool {
        lock.lock()
        defer { lock.unlock() }
        return stored != nil
    }

    var error: Error? {
        lock.lock()
        defer { lock.unlock() }
        return stored?.error
    }

    func record(_ error: Error, order: Int) {
        lock.lock()
        if stored == nil || order < stored!.order { stored = (order, error) }
        lock.unlock()
    }
}
