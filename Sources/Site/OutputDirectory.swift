import Foundation
import Parallel

/// Writes a build into a fresh temporary folder beside the target and swaps it in only when the
/// whole build succeeded, so a failed build leaves the previous output exactly as it was.
public struct StagedOutput {
    public let target: URL
    public let staging: URL

    public init(target: URL) throws {
        self.target = target
        let parent = target.deletingLastPathComponent()
        try FileManager.default.createDirectory(at: parent, withIntermediateDirectories: true)
        staging = parent.appendingPathComponent(".breingen-staging-\(getpid())-\(UInt32.random(in: 0...UInt32.max))")
        try FileManager.default.createDirectory(at: staging, withIntermediateDirectories: true)
    }

    /// Writes `data` at `relativePath` inside the staging folder, creating folders as needed.
    public func write(_ data: Data, to relativePath: String) throws {
        let url = staging.appendingPathComponent(relativePath)
        try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
        try data.write(to: url)
    }

    /// Replaces the target with the staged build. A `.gitignore` in the old output is carried over,
    /// since a repository keeps one there to ignore the built files.
    public func commit() throws {
        let fm = FileManager.default
        let keep = target.appendingPathComponent(".gitignore")
        if fm.fileExists(atPath: keep.path), !fm.fileExists(atPath: staging.appendingPathComponent(".gitignore").path) {
            try fm.copyItem(at: keep, to: staging.appendingPathComponent(".gitignore"))
        }
        if fm.fileExists(atPath: target.path) {
            let old = target.deletingLastPathComponent()
                .appendingPathComponent(".breingen-old-\(getpid())-\(UInt32.random(in: 0...UInt32.max))")
            try fm.moveItem(at: target, to: old)
            do {
                try fm.moveItem(at: staging, to: target)
            } catch {
                try? fm.moveItem(at: old, to: target)
                throw error
            }
            Self.removeInParallel(old)
        } else {
            try fm.moveItem(at: staging, to: target)
        }
    }

    /// Removes a folder tree, its top-level entries on all cores: deleting the previous build of a big
    /// site is thousands of system calls.
    static func removeInParallel(_ folder: URL) {
        let fm = FileManager.default
        let entries = (try? fm.contentsOfDirectory(atPath: folder.path)) ?? []
        Parallel.forEach(entries.count) { try? FileManager.default.removeItem(at: folder.appendingPathComponent(entries[$0])) }
        try? fm.removeItem(at: folder)
    }

    /// Drops the staged build; the target is untouched.
    public func discard() {
        try? FileManager.default.removeItem(at: staging)
    }
}
