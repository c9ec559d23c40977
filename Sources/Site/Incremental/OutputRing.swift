import Diagnostics
import Foundation

#if canImport(Glibc)
import Glibc
#endif

/// A few output folders used in turn, so the folder being served is never written to: each build
/// brings the next folder up to date with the served one (hard links of the files that differ) and then
/// writes only what it changed. Files are always replaced by rename, never rewritten in place, so a
/// file shared by hard links between folders never changes under a reader.
final class OutputRing: @unchecked Sendable {
    let folders: [URL]
    /// Per folder: nil when it must be made afresh, else the files that may differ from the served folder.
    private var differing: [Set<String>?]
    private(set) var current: Int?
    /// Hard-link copies made in the background after a full build; `prepare` waits for them.
    private let cloning = DispatchGroup()
    private let cloneLock = NSLock()
    private var cloned: [Int] = []
    /// Files replaced in a folder while bringing it up to date, still linked here: the last link of a big
    /// file (the search index) takes the file system milliseconds to free, which happens after the build.
    private let trash: String
    /// Files put there by the current `prepare`; names count on, so a late emptying never meets a new one.
    private var trashed = 0
    private var trashNames = 0
    private let emptying = DispatchGroup()

    init(workDirectory: URL, count: Int = 3) {
        folders = (0..<count).map { workDirectory.appendingPathComponent("site-\($0)", isDirectory: true) }
        trash = workDirectory.appendingPathComponent("replaced").path
        differing = Array(repeating: nil, count: count)
    }

    /// The folder the next build writes into: empty when `fresh`, else equal to the served folder.
    func prepare(fresh: Bool) throws -> URL {
        waitUntilIdle()
        cloneLock.lock()
        for other in cloned { differing[other] = [] }
        cloned = []
        cloneLock.unlock()
        let index = ((current ?? -1) + 1) % folders.count
        let target = folders[index]
        if fresh || current == nil {
            StagedOutput.removeInParallel(target)
            try makeFolder(target.path)
        } else if let paths = differing[index] {
            let source = folders[current!].path
            for path in paths.sorted() { try mirror(path, from: source, to: target.path) }
        } else {
            StagedOutput.removeInParallel(target)
            try cloneTree(from: folders[current!].path, to: target.path)
        }
        differing[index] = []
        emptyTrashLater()
        return target
    }

    /// Removes the replaced files a moment after the build that replaced them, off its path.
    private func emptyTrashLater() {
        guard trashed > 0 else { return }
        trashed = 0
        let trash = self.trash
        emptying.enter()
        DispatchQueue.global(qos: .utility).asyncAfter(deadline: .now() + .milliseconds(300)) { [self] in
            for entry in (try? FileManager.default.contentsOfDirectory(atPath: trash)) ?? [] {
                unlink(trash + "/" + entry)
            }
            emptying.leave()
        }
    }

    /// The build into the prepared folder succeeded, having written or removed `changed`: serve it.
    func commit(changed: Set<String>, fresh: Bool) {
        let index = ((current ?? -1) + 1) % folders.count
        for other in folders.indices where other != index {
            differing[other] = fresh ? nil : differing[other].map { $0.union(changed) }
        }
        differing[index] = []
        current = index
        // After a full build the other folders become hard-link copies in the background, so the first
        // edit afterwards only writes what it changed (and the full build is served without waiting).
        if fresh {
            let others = folders.indices.filter { $0 != index }
            let source = folders[index].path
            cloning.enter()
            DispatchQueue.global().async { [self] in
                for other in others {
                    StagedOutput.removeInParallel(folders[other])
                    if (try? cloneTree(from: source, to: folders[other].path)) != nil {
                        cloneLock.lock()
                        cloned.append(other)
                        cloneLock.unlock()
                    }
                }
                cloning.leave()
                // A full build leaves hundreds of megabytes for the kernel to write back, by default 30 s
                // later: just when the editor makes the first edits, which the disk traffic then slows.
                // Writing them back now, while the editor reads the first page, moves that out of the way.
                emptying.enter()
                Self.writeBack(source)
                emptying.leave()
            }
        }
    }

    /// Asks the kernel to write the file system of `folder` back now (`syncfs`, which Glibc's Swift module
    /// does not declare: looked up at run time; nothing happens where it is missing).
    private static func writeBack(_ folder: String) {
        typealias SyncFS = @convention(c) (Int32) -> Int32
        guard let symbol = dlsym(UnsafeMutableRawPointer(bitPattern: 0), "syncfs") else { return }
        let fd = open(folder, O_RDONLY | O_DIRECTORY)
        guard fd >= 0 else { return }
        _ = unsafeBitCast(symbol, to: SyncFS.self)(fd)
        close(fd)
    }

    /// Waits for background copies (before the next build, and before the folders are removed).
    func waitUntilIdle() {
        cloning.wait()
    }

    /// Waits for all background work, the removal of replaced files included (before removing the folders).
    func waitUntilDone() {
        cloning.wait()
        emptying.wait()
    }

    /// The build failed after touching `attempted` in the prepared folder: remember what to repair.
    func abandon(attempted: Set<String>?) {
        let index = ((current ?? -1) + 1) % folders.count
        differing[index] = current == nil ? nil : attempted
    }

    // MARK: File operations

    /// Writes `bytes` at `path` inside `folder` through a temporary file and a rename.
    static func write(_ bytes: [UInt8], to path: String, in folder: String, fresh: Bool = false) throws {
        let full = folder + "/" + path
        try makeParents(of: full, below: folder)
        // A fresh folder is served by nobody yet and shares no file: write in place.
        if fresh { return try PageRenderer.writeFile(full, bytes) }
        let temporary = full + ".breingen-tmp"
        try PageRenderer.writeFile(temporary, bytes)
        guard rename(temporary, full) == 0 else {
            throw FileSystemError.last(full, writing: true).diagnostic("kan \(full) niet vervangen")
        }
    }

    /// Removes `path` inside `folder` and the folders it leaves empty.
    static func remove(_ path: String, in folder: String) {
        var full = folder + "/" + path
        unlink(full)
        while let slash = full.lastIndex(of: "/"), full.count > folder.count + 1 {
            full = String(full[..<slash])
            if full.count <= folder.count || rmdir(full) != 0 { break }
        }
    }

    static func makeParents(of file: String, below folder: String) throws {
        guard let slash = file.lastIndex(of: "/") else { return }
        let parent = String(file[..<slash])
        if parent.count <= folder.count || access(parent, F_OK) == 0 { return }
        try makeParents(of: parent, below: folder)
        if mkdir(parent, 0o755) != 0 && errno != EEXIST {
            throw FileSystemError.last(parent, writing: true).diagnostic("kan map \(parent) niet maken")
        }
    }

    /// Makes `path` in `target` what it is in `source`: a hard link to the same file, or absent.
    private func mirror(_ path: String, from source: String, to target: String) throws {
        let from = source + "/" + path
        let to = target + "/" + path
        if access(from, F_OK) != 0 {
            Self.remove(path, in: target)
            return
        }
        try Self.makeParents(of: to, below: target)
        // Keep the replaced file linked until after the build (see `trash`).
        if trashNames == 0 { mkdir(trash, 0o755) }
        trashNames += 1
        if link(to, trash + "/\(trashNames)") == 0 { trashed += 1 }
        let temporary = to + ".breingen-tmp"
        unlink(temporary)
        guard link(from, temporary) == 0, rename(temporary, to) == 0 else {
            throw FileSystemError.last(to, writing: true).diagnostic("kan \(to) niet bijwerken")
        }
    }

    private func makeFolder(_ path: String) throws {
        if mkdir(path, 0o755) != 0 && errno != EEXIST {
            throw FileSystemError.last(path, writing: true).diagnostic("kan map \(path) niet maken")
        }
    }

    /// A copy of the folder tree whose files are hard links (cheap: no file data is copied).
    private func cloneTree(from source: String, to target: String) throws {
        try makeFolder(target)
        guard let entries = try? FileManager.default.contentsOfDirectory(atPath: source) else { return }
        for entry in entries {
            let from = source + "/" + entry
            var info = stat()
            guard lstat(from, &info) == 0 else { continue }
            if (info.st_mode & S_IFMT) == S_IFDIR {
                try cloneTree(from: from, to: target + "/" + entry)
            } else if link(from, target + "/" + entry) != 0 {
                throw FileSystemError.last(target, writing: true).diagnostic("kan \(target)/\(entry) niet maken")
            }
        }
    }
}
