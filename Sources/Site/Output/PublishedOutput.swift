import Diagnostics
import Foundation

#if canImport(Glibc)
    import Glibc
#endif

/// The output folder of `breingen build`, swapped in whole: a build is written into a second tree, the
/// spare, which then trades places with `output/` in one atomic step (`renameat2` with `RENAME_EXCHANGE`),
/// so a failed or killed build leaves `output/` exactly as it was, and nothing is deleted on the way.
/// The old output becomes the spare of the next build, which finds most of its files already right.
///
/// Both trees live in the same file system, beside each other: `output/` and `.output.breingen/` (the
/// spare, a manifest and a lock). The manifest holds the content hash of every file of each tree, by the
/// tree's device and inode (which a rename keeps), so it stays true whatever step a killed build reached;
/// a tree it does not describe is listed and all its files are written again.
final class PublishedOutput: OutputSink {
    let output: String
    let work: String
    let spare: String
    private let manifestPath: String
    private var lockDescriptor: Int32 = -1
    private var manifest: [TreeIdentity: [String: UInt64]] = [:]
    private var spareTree: OutputTree?

    /// Problems met while clearing up after builds that were killed (a leftover folder that could not be
    /// removed): the build goes on, the user is told.
    private(set) var warnings: [Diagnostic] = []

    /// Clears up after killed builds, then takes the lock of `output`'s work folder (a second build of the
    /// same output waits for the first).
    init(output: URL) throws {
        self.output = output.standardizedFileURL.path
        let parent = (self.output as NSString).deletingLastPathComponent
        let name = (self.output as NSString).lastPathComponent
        work = parent + "/." + name + ".breingen"
        spare = work + "/spare"
        manifestPath = work + "/manifest"
        do {
            try FileManager.default.createDirectory(atPath: parent, withIntermediateDirectories: true)
        } catch {
            let failure =
                FileSystemError(error, path: parent, writing: true)
                ?? FileSystemError(code: EIO, path: parent, writing: true)
            throw failure.diagnostic("kan de map \(failure.path) niet maken")
        }
        warnings = LeftoverFolders.removeLeftovers(beside: output)
        if mkdir(work, 0o755) != 0 && errno != EEXIST {
            // The cause is that of the folder it goes in: "map is alleen-lezen" when `parent` is.
            throw FileSystemError.last(work, writing: true).diagnostic("kan geen tijdelijke bouwmap maken in \(parent)")
        }
        lockDescriptor = open(work + "/lock", O_RDWR | O_CREAT | O_CLOEXEC, 0o644)
        if lockDescriptor >= 0 { flock(lockDescriptor, LOCK_EX) }
        // A build killed between the renames of a swap without RENAME_EXCHANGE left no output: put it back.
        if access(self.output, F_OK) != 0, access(work + "/previous", F_OK) == 0 {
            rename(work + "/previous", self.output)
        }
    }

    deinit {
        if lockDescriptor >= 0 { close(lockDescriptor) }
    }

    /// The writer that brings the spare up to the new build, linking unchanged files from `output/`.
    func prepare() throws -> TreeWriter {
        manifest = Self.readManifest(manifestPath)
        let current = TreeIdentity(output).map { OutputTree(path: output, files: manifest[$0] ?? [:]) }
        let tree: OutputTree
        var fresh = false
        if let identity = TreeIdentity(spare), let known = manifest[identity] {
            tree = OutputTree(path: spare, files: known)
            // From here on the spare changes: a build killed halfway leaves it unknown.
            manifest[identity] = nil
            try writeManifest()
        } else if TreeIdentity(spare) != nil {
            tree = try OutputTree.listing(spare)
        } else {
            try OutputTree.makeFolder(spare)
            tree = OutputTree(path: spare, files: [:])
            fresh = true
        }
        spareTree = tree
        return TreeWriter(target: tree, source: current, fresh: fresh)
    }

    /// Swaps the finished spare in as `output/`; the old output becomes the spare.
    func commit(changedFiles: Int) throws {
        guard let tree = spareTree, let identity = TreeIdentity(spare) else {
            throw Diagnostic(.error, "interne fout: geen voorbereide uitvoer om te plaatsen")
        }
        manifest[identity] = tree.files
        try writeManifest()
        if access(output, F_OK) == 0 {
            // A read-only output (`chmod -R a-w`) cannot move to another folder, and as the next spare its
            // files could not be replaced: the folders the user owns are made writable again.
            if access(output, W_OK) != 0 { Self.makeFoldersWritable(output) }
            if !Self.exchange(spare, output) {
                // Without RENAME_EXCHANGE (an old kernel or file system): three renames, the output gone
                // only between the first two.
                let aside = work + "/previous"
                guard rename(output, aside) == 0 else {
                    throw FileSystemError.last(output, writing: true).diagnostic("kan \(output) niet vervangen")
                }
                guard rename(spare, output) == 0 else {
                    let failure = FileSystemError.last(output, writing: true)
                    rename(aside, output)
                    throw failure.diagnostic("kan \(output) niet vervangen")
                }
                rename(aside, spare)
            }
        } else {
            guard rename(spare, output) == 0 else {
                throw FileSystemError.last(output, writing: true).diagnostic("kan \(output) niet maken")
            }
        }
        spareTree = nil
    }

    /// The build failed after `writer` touched the spare: what it did not touch stays known. A first build
    /// (no output yet) leaves nothing behind: its half-written files serve no later build.
    func abandon(_ writer: TreeWriter) {
        writer.abandon()
        if access(output, F_OK) != 0 {
            spareTree = nil
            if lockDescriptor >= 0 { close(lockDescriptor) }
            lockDescriptor = -1
            _ = LeftoverFolders.remove(URL(fileURLWithPath: work))
            return
        }
        guard let tree = spareTree, let identity = TreeIdentity(spare) else { return }
        manifest[identity] = tree.files
        try? writeManifest()
        spareTree = nil
    }

    /// The `.gitignore` of the output being replaced, which a repository keeps there to ignore the built
    /// files: the new output keeps it.
    func preserved() -> [(path: String, bytes: [UInt8])] {
        guard let bytes = try? FileContents.read(output + "/.gitignore") else { return [] }
        return [(".gitignore", bytes)]
    }

    // MARK: The manifest

    private func writeManifest() throws {
        var text = "breingen-manifest 1\n"
        for (identity, files) in manifest {
            guard TreeIdentity(output) == identity || TreeIdentity(spare) == identity else { continue }
            text += "tree \(identity.device) \(identity.inode) \(files.count)\n"
            for (file, hash) in files where !file.utf8.contains(0x0A) {
                text += String(hash, radix: 16) + " " + file + "\n"
            }
        }
        let temporary = manifestPath + ".tmp"
        try TreeWriter.writeFile(temporary, Array(text.utf8))
        guard rename(temporary, manifestPath) == 0 else {
            throw FileSystemError.last(manifestPath, writing: true).diagnostic("kan \(manifestPath) niet schrijven")
        }
    }

    private static func readManifest(_ path: String) -> [TreeIdentity: [String: UInt64]] {
        guard let bytes = try? FileContents.read(path) else { return [:] }
        var result: [TreeIdentity: [String: UInt64]] = [:]
        var current: TreeIdentity?
        var lines = String(decoding: bytes, as: UTF8.self).split(separator: "\n", omittingEmptySubsequences: true)[...]
        guard lines.popFirst() == "breingen-manifest 1" else { return [:] }
        for line in lines {
            if line.hasPrefix("tree ") {
                let parts = line.split(separator: " ")
                guard parts.count == 4, let device = UInt64(parts[1]), let inode = UInt64(parts[2]) else { return [:] }
                current = TreeIdentity(device: device, inode: inode)
                result[current!] = [:]
                continue
            }
            guard let current, let space = line.firstIndex(of: " "), let hash = UInt64(line[..<space], radix: 16) else {
                return [:]
            }
            result[current]![String(line[line.index(after: space)...])] = hash
        }
        return result
    }

    /// Gives the owner write and search permission on `folder` and every folder below it (symbolic links
    /// are not followed; folders of other users are left alone, chmod refuses them).
    private static func makeFoldersWritable(_ folder: String) {
        var info = stat()
        guard lstat(folder, &info) == 0, (info.st_mode & S_IFMT) == S_IFDIR else { return }
        if (info.st_mode & (S_IWUSR | S_IXUSR | S_IRUSR)) != (S_IWUSR | S_IXUSR | S_IRUSR) {
            chmod(folder, (info.st_mode & 0o7777) | S_IWUSR | S_IXUSR | S_IRUSR)
        }
        guard let directory = opendir(folder) else { return }
        defer { closedir(directory) }
        while let entry = readdir(directory) {
            let name = withUnsafeBytes(of: entry.pointee.d_name) { raw in
                String(decoding: raw.prefix { $0 != 0 }, as: UTF8.self)
            }
            if name == "." || name == ".." { continue }
            if entry.pointee.d_type == UInt8(DT_DIR) || entry.pointee.d_type == UInt8(DT_UNKNOWN) {
                makeFoldersWritable(folder + "/" + name)
            }
        }
    }

    /// `renameat2(RENAME_EXCHANGE)`, which Glibc's Swift module does not declare: looked up at run time.
    private static func exchange(_ a: String, _ b: String) -> Bool {
        typealias RenameAt2 = @convention(c) (Int32, UnsafePointer<CChar>, Int32, UnsafePointer<CChar>, UInt32) -> Int32
        guard let symbol = dlsym(UnsafeMutableRawPointer(bitPattern: 0), "renameat2") else { return false }
        let renameat2 = unsafeBitCast(symbol, to: RenameAt2.self)
        let exchange: UInt32 = 2  // RENAME_EXCHANGE
        return renameat2(AT_FDCWD, a, AT_FDCWD, b, exchange) == 0
    }
}

/// A folder by device and inode: what a rename keeps.
struct TreeIdentity: Hashable {
    var device: UInt64
    var inode: UInt64

    init(device: UInt64, inode: UInt64) {
        self.device = device
        self.inode = inode
    }

    /// The identity of the folder at `path`; nil when there is none.
    init?(_ path: String) {
        var info = stat()
        guard lstat(path, &info) == 0, (info.st_mode & S_IFMT) == S_IFDIR else { return nil }
        device = UInt64(info.st_dev)
        inode = UInt64(info.st_ino)
    }
}
