import Diagnostics
import Foundation

#if canImport(Glibc)
    import Glibc
#endif

/// A folder of built output and what is known of it: the content hash (`ContentHash`) of every file in
/// it, 0 for a file whose contents are unknown.
final class OutputTree: @unchecked Sendable {
    let path: String
    var files: [String: UInt64]
    /// The planned files of the last build finished into this tree, in plan order, when `files` holds
    /// exactly them (nil: not known). A build plans nearly the same files in the same order as the one
    /// before, so the writer compares in order and looks up by name only what differs: looking up every
    /// one of 15,000 names was most of a small edit's bookkeeping.
    var lastPlanned: [String]?
    /// The hashes of the first files of `lastPlanned` (the pages), in the same order.
    var lastPageHashes: [UInt64] = []

    init(path: String, files: [String: UInt64]) {
        self.path = path
        self.files = files
    }

    /// A tree nothing is known of: its files are listed (a missing folder is made, empty).
    static func listing(_ path: String) throws -> OutputTree {
        var files: [String: UInt64] = [:]
        if !listFiles(path, prefix: "", into: &files) {
            try makeFolder(path)
        }
        return OutputTree(path: path, files: files)
    }

    /// Every file under `folder` with hash 0; false when there is no such folder.
    private static func listFiles(_ folder: String, prefix: String, into files: inout [String: UInt64]) -> Bool {
        guard let directory = opendir(folder) else { return false }
        defer { closedir(directory) }
        while let entry = readdir(directory) {
            let name = withUnsafeBytes(of: entry.pointee.d_name) { raw in
                String(decoding: raw.prefix { $0 != 0 }, as: UTF8.self)
            }
            if name == "." || name == ".." { continue }
            let full = folder + "/" + name
            var info = stat()
            guard lstat(full, &info) == 0 else { continue }
            if (info.st_mode & S_IFMT) == S_IFDIR {
                _ = listFiles(full, prefix: prefix + name + "/", into: &files)
            } else {
                files[prefix + name] = 0
            }
        }
        return true
    }

    static func makeFolder(_ path: String) throws {
        if mkdir(path, 0o755) != 0 && errno != EEXIST {
            throw FileSystemError(code: errno, path: path, writing: true).diagnostic("kan de map \(path) niet maken")
        }
    }
}

/// Brings a tree up to the files of a new build with as few system calls as it can: a file the tree
/// has already (same hash) is left alone, a file the current tree has (the one served or published) is
/// hard-linked from there, and only new contents are written. Files are never changed in place: a file
/// may be a hard link shared with the current tree, so it is replaced by a new one. Safe to call from
/// many rendering threads at once.
final class TreeWriter: @unchecked Sendable {
    let target: OutputTree
    /// The tree of the last build, whose unchanged files are linked; nil for a first build.
    let source: OutputTree?
    /// Whether the target was made empty for this build: nothing in it to replace.
    private let fresh: Bool
    /// Where replaced files go instead of being unlinked (the live preview frees them after the build);
    /// nil: unlinked at once.
    private let trash: String?
    private let lock = NSLock()
    private var results: [String: UInt64] = [:]
    private var touched: Set<String> = []
    private var trashed = 0
    /// Names in the trash go on counting across writers, so no writer replaces another's.
    private static let trashLock = NSLock()
    nonisolated(unsafe) private static var trashNames = 0
    private(set) var counts = (written: 0, linked: 0, removed: 0)

    init(target: OutputTree, source: OutputTree?, fresh: Bool = false, trash: String? = nil) {
        self.target = target
        self.source = source
        self.fresh = fresh
        self.trash = trash
    }

    /// Makes the folders `files` need that the target does not have, parents first. The innermost ones
    /// (a page's own folder) are left to the thread that writes into them, so the kernel makes them while
    /// other threads render, instead of before anything renders.
    func makeFolders(for files: [String]) throws {
        // Only files the target does not have yet need folders; those it has have theirs (all those it was
        // last planned with, in the same places, without a look-up).
        var needed = Set<String>()
        let common = target.lastPlanned.map { Self.commonPrefix(files, $0) } ?? 0
        for file in files[common...] where target.files[file] == nil { addParents(of: file, to: &needed) }
        guard !needed.isEmpty else { return }
        var outer = Set<String>()
        for folder in needed { addParents(of: folder, to: &outer) }
        deferred = needed.subtracting(outer)
        for folder in needed.intersection(outer).sorted() {
            try OutputTree.makeFolder(target.path + "/" + folder)
        }
    }

    /// The folders `makeFolders` left to the writers.
    private var deferred: Set<String> = []

    /// The deferred folders made so far: a folder that gets many files (the search index's) is made once,
    /// not tried again for each (a system call apiece).
    private var madeFolders: Set<String> = []

    /// Makes the folder of `file` if `makeFolders` left it to the writer.
    private func makeDeferredFolder(of file: String) throws {
        guard !deferred.isEmpty, let slash = file.lastIndex(of: "/") else { return }
        let folder = String(file[..<slash])
        guard deferred.contains(folder) else { return }
        lock.lock()
        let made = madeFolders.contains(folder)
        lock.unlock()
        if made { return }
        // Made before it is noted: a writer that finds it noted can write into it. Two writers of one folder
        // at once both make it, and one of them finds it there.
        try OutputTree.makeFolder(target.path + "/" + folder)
        lock.lock()
        madeFolders.insert(folder)
        lock.unlock()
    }

    private func addParents(of file: String, to set: inout Set<String>) {
        var path = Substring(file)
        while let slash = path.lastIndex(of: "/") {
            path = path[..<slash]
            if !set.insert(String(path)).inserted { break }
        }
    }

    /// How many first entries `a` and `b` have in common (strings that are the same object compare at once).
    private static func commonPrefix(_ a: [String], _ b: [String]) -> Int {
        var k = 0
        let end = min(a.count, b.count)
        while k < end, a[k] == b[k] { k += 1 }
        return k
    }

    /// `keep(_:hash:)` for the files of the pages, in plan order, but those `isDirty` marks: a page the
    /// target has in the same place of the last plan with the same hash is known to be there already.
    func keep(pages files: [String], hashes: [UInt64], except isDirty: [Bool]) throws {
        let last = target.lastPlanned ?? []
        let lastHashes = target.lastPageHashes
        for index in files.indices where !isDirty[index] {
            if index < lastHashes.count, lastHashes[index] == hashes[index], last[index] == files[index] { continue }
            try keep(files[index], hash: hashes[index])
        }
    }

    /// Puts `bytes` at `file` unless the target has them already.
    func put(_ file: String, _ bytes: [UInt8], hash: UInt64) throws {
        try put(file, parts: [bytes], hash: hash)
    }

    /// Puts a file made of `parts` (written one after the other, never joined in memory: the search index
    /// of a big site is many megabytes) at `file`, unless the target or the current tree has it already.
    func put(_ file: String, parts: [[UInt8]], hash: UInt64) throws {
        if target.files[file] == hash { return }
        if let source, source.files[file] == hash {
            try link(file, hash: hash)
            return
        }
        touch(file)
        let full = target.path + "/" + file
        if !fresh, target.files[file] != nil { try retire(full) }
        try makeDeferredFolder(of: file)
        try Self.writeFile(full, parts: parts)
        note(file, hash, counted: \.written)
    }

    /// Puts a file known by its hash at `file`, making its parts only when neither the target nor the
    /// current tree has it.
    func emit(_ file: String, hash: UInt64, parts: () -> [[UInt8]]) throws {
        if target.files[file] == hash || source?.files[file] == hash {
            try keep(file, hash: hash)
        } else {
            try put(file, parts: parts(), hash: hash)
        }
    }

    /// The hash this writer put `file` with, or the target's when it had it already.
    func hash(of file: String) -> UInt64 {
        lock.lock()
        defer { lock.unlock() }
        return results[file] ?? target.files[file] ?? 0
    }

    /// Puts the current tree's `file` (whose contents have `hash`) at `file` unless the target has it.
    func keep(_ file: String, hash: UInt64) throws {
        if target.files[file] == hash { return }
        try link(file, hash: hash)
    }

    private func link(_ file: String, hash: UInt64) throws {
        guard let source else { throw Diagnostic(.error, "interne fout: geen vorige uitvoer om \(file) uit te nemen") }
        touch(file)
        let full = target.path + "/" + file
        if target.files[file] != nil { try retire(full) }
        try makeDeferredFolder(of: file)
        guard Glibc.link(source.path + "/" + file, full) == 0 else {
            throw FileSystemError(code: errno, path: full, writing: true).diagnostic("kan \(full) niet maken")
        }
        note(file, hash, counted: \.linked)
    }

    /// Takes the target's file out of the way: into the trash, or unlinked.
    private func retire(_ full: String) throws {
        if let trash {
            lock.lock()
            if trashed == 0 { mkdir(trash, 0o755) }
            trashed += 1
            lock.unlock()
            Self.trashLock.lock()
            Self.trashNames += 1
            let name = trash + "/\(Self.trashNames)"
            Self.trashLock.unlock()
            if rename(full, name) == 0 || errno == ENOENT { return }
        } else if unlink(full) == 0 || errno == ENOENT {
            return
        }
        throw FileSystemError(code: errno, path: full, writing: true).diagnostic("kan \(full) niet vervangen")
    }

    private func touch(_ file: String) {
        lock.lock()
        touched.insert(file)
        lock.unlock()
    }

    private func note(
        _ file: String, _ hash: UInt64, counted: WritableKeyPath<(written: Int, linked: Int, removed: Int), Int>?
    ) {
        lock.lock()
        results[file] = hash
        if let counted { counts[keyPath: counted] += 1 }
        lock.unlock()
    }

    /// Removes the files of the target that are not in `planned` (and the folders they leave empty), and
    /// gives the target its new file map: exactly `planned`. `pageHashes`: the hashes of the first files
    /// of `planned` (the pages), for the next build into this target (`keep(pages:hashes:except:)`).
    func finish(planned: [String], pageHashes: [UInt64] = []) throws {
        var removedFolders = Set<String>()
        var stale: [String] = []
        // Files planned last time in the same places stay; only the rest are looked up by name.
        let common = target.lastPlanned.map { Self.commonPrefix(planned, $0) } ?? 0
        let rest = Set(planned[common...])
        if let last = target.lastPlanned {
            for file in last[common...] where !rest.contains(file) { stale.append(file) }
        } else {
            for file in target.files.keys where !rest.contains(file) { stale.append(file) }
        }
        for file in stale {
            try retire(target.path + "/" + file)
            target.files[file] = nil
            counts.removed += 1
            var path = Substring(file)
            while let slash = path.lastIndex(of: "/") {
                path = path[..<slash]
                removedFolders.insert(String(path))
            }
        }
        if !removedFolders.isEmpty {
            // A folder stays when a planned file lies in it: the few folders are looked for in the planned
            // files' names (walking every planned file's parents cost 30-50 ms a build at 15,000 files).
            var emptied = removedFolders.map { $0 + "/" }
            for file in planned where !emptied.isEmpty { emptied.removeAll { file.hasPrefix($0) } }
            // Deepest first, so a folder is empty when its turn comes.
            for folder in emptied.map({ String($0.dropLast()) }).sorted(by: { $0.count > $1.count }) {
                rmdir(target.path + "/" + folder)
            }
        }
        lock.lock()
        for (file, hash) in results { target.files[file] = hash }
        lock.unlock()
        // A planned file the writer was not told about has unknown contents.
        if target.files.count != planned.count {
            for file in planned where target.files[file] == nil { target.files[file] = 0 }
        }
        // The tree holds exactly the planned files (no name twice, none put unplanned): the next build can
        // go by the plan.
        let exact = target.files.count == planned.count
        target.lastPlanned = exact ? planned : nil
        target.lastPageHashes = exact ? pageHashes : []
    }

    /// The build failed: what it may have changed in the target is no longer known.
    func abandon() {
        target.lastPlanned = nil
        target.lastPageHashes = []
        lock.lock()
        for file in touched { target.files[file] = 0 }
        lock.unlock()
    }

    /// Writes a new file with plain POSIX calls: no Foundation `Data` copy per page.
    static func writeFile(_ path: String, _ bytes: [UInt8]) throws {
        try writeFile(path, parts: [bytes])
    }

    /// Writes a new file of `parts`, gathered into writes of about a megabyte.
    static func writeFile(_ path: String, parts: [[UInt8]]) throws {
        let fd = open(path, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0o644)
        guard fd >= 0 else {
            throw FileSystemError(code: errno, path: path, writing: true).diagnostic("kan \(path) niet schrijven")
        }
        defer { close(fd) }
        func send(_ raw: UnsafeRawBufferPointer) throws {
            var offset = 0
            while offset < raw.count {
                let written = write(fd, raw.baseAddress! + offset, raw.count - offset)
                if written < 0 {
                    if errno == EINTR { continue }
                    throw FileSystemError(code: errno, path: path, writing: true).diagnostic(
                        "kan \(path) niet schrijven")
                }
                offset += written
            }
        }
        if parts.count == 1 { return try parts[0].withUnsafeBytes(send) }
        var buffer: [UInt8] = []
        buffer.reserveCapacity(1 << 20)
        for part in parts {
            if buffer.count + part.count > 1 << 20, !buffer.isEmpty {
                try buffer.withUnsafeBytes(send)
                buffer.removeAll(keepingCapacity: true)
            }
            if part.count >= 1 << 20 { try part.withUnsafeBytes(send) } else { buffer.append(contentsOf: part) }
        }
        if !buffer.isEmpty { try buffer.withUnsafeBytes(send) }
    }
}
