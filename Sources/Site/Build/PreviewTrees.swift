import Diagnostics
import Foundation

#if canImport(Glibc)
    import Glibc
#endif

/// The output folders of the live preview, used in turn, so the folder being served is never written to:
/// each build brings the next folder up to the new files (`TreeWriter`: unchanged files stay, files of
/// the served folder are hard-linked, only new contents are written) and the server switches to it. Three,
/// so a request still reading the folder served before the last switch is left alone too.
final class PreviewTrees: OutputSink, @unchecked Sendable {
    let trees: [OutputTree]
    private(set) var current: Int?
    private var next: Int { ((current ?? -1) + 1) % trees.count }
    /// Replaced files, still linked here: the last link of a big file (the search index) takes the file
    /// system milliseconds to free, which happens after the build instead.
    private let trash: String
    /// Background work: bringing the other folders up to a build that changed many files, emptying the
    /// trash. `prepare` waits for the first.
    private let catchingUp = DispatchGroup()
    private let emptying = DispatchGroup()

    init(workDirectory: URL, count: Int = 3) {
        trees = (0..<count).map {
            OutputTree(path: workDirectory.appendingPathComponent("site-\($0)").path, files: [:])
        }
        trash = workDirectory.appendingPathComponent("replaced").path
    }

    /// The folder of the last good build.
    var folder: URL? { current.map { URL(fileURLWithPath: trees[$0].path, isDirectory: true) } }

    func prepare() throws -> TreeWriter {
        catchingUp.wait()
        let target = trees[next]
        let fresh = access(target.path, F_OK) != 0
        if fresh { try OutputTree.makeFolder(target.path) }
        emptyTrashLater()
        return TreeWriter(target: target, source: current.map { trees[$0] }, fresh: fresh, trash: trash)
    }

    /// The build into the prepared folder succeeded, having changed `changedFiles` files: serve it.
    func commit(changedFiles: Int) {
        current = next
        let served = trees[current!]
        guard changedFiles > 100 else { return }
        // A build that changed many files (the first, a new template) leaves the other folders far behind:
        // they catch up in the background, so the editor's next edit writes only what it changes.
        let behind = trees.indices.filter { $0 != current! && Self.differences(trees[$0], served) > 100 }
        guard !behind.isEmpty else { return }
        catchingUp.enter()
        DispatchQueue.global().async { [self] in
            for index in behind {
                let tree = trees[index]
                if access(tree.path, F_OK) != 0 { try? OutputTree.makeFolder(tree.path) }
                let writer = TreeWriter(target: tree, source: served, trash: trash)
                do {
                    let files = served.lastPlanned ?? Array(served.files.keys)
                    try writer.makeFolders(for: files)
                    for file in files { try writer.keep(file, hash: served.files[file] ?? 0) }
                    try writer.finish(planned: files, pageHashes: served.lastPageHashes)
                } catch {
                    writer.abandon()
                }
            }
            catchingUp.leave()
            // A first build leaves hundreds of megabytes for the kernel to write back, by default 30 s later:
            // just when the editor makes the first edits, which the disk traffic then slows.
            Self.writeBack(served.path)
        }
    }

    func abandon(_ writer: TreeWriter) {
        writer.abandon()
    }

    /// Waits for the background work (before the folders are removed).
    func waitUntilDone() {
        catchingUp.wait()
        emptying.wait()
    }

    private static func differences(_ a: OutputTree, _ b: OutputTree) -> Int {
        var count = abs(a.files.count - b.files.count)
        for (file, hash) in b.files where a.files[file] != hash { count += 1 }
        return count
    }

    /// Removes the replaced files a moment after the build that replaced them, off its path.
    private func emptyTrashLater() {
        let trash = self.trash
        emptying.enter()
        DispatchQueue.global(qos: .utility).asyncAfter(deadline: .now() + .milliseconds(300)) { [self] in
            for entry in (try? FileManager.default.contentsOfDirectory(atPath: trash)) ?? [] {
                unlink(trash + "/" + entry)
            }
            emptying.leave()
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
}
