import Diagnostics
import Foundation

/// What a build of the live preview did, for the terminal line of `breingen serve`.
public struct IncrementalSummary: Sendable {
    /// The folder holding the complete site of this build.
    public var folder: URL
    /// Pages the site has.
    public var pages: Int
    /// Pages rendered in this build (all of them when everything was built).
    public var rendered: Int
    /// Files written, linked or removed in the folder, pages included.
    public var changedFiles: Int
    /// Whether every page was rendered (the first build; a change of what every page shows, such as the
    /// site's settings, the menu, the assets or today's date).
    public var full: Bool
    /// Warnings of the content and of the pages.
    public var warnings: [Diagnostic]
}

/// The site for `breingen serve`: the build session keeps the state of its last good build, and each
/// build after a change renders only the pages whose recorded inputs changed, with the same bytes as
/// `SiteBuilder` writes. Output goes to folders used in turn (`PreviewTrees`), so the folder being served
/// is never written to. One build at a time.
public final class IncrementalSiteBuilder: @unchecked Sendable {
    public let options: BuildOptions
    private let session: BuildSession
    private let trees: PreviewTrees

    /// `workDirectory` holds the output folders; the caller removes it when done.
    public init(options: BuildOptions, workDirectory: URL) {
        self.options = options
        session = BuildSession(options: options, keepsState: true)
        trees = PreviewTrees(workDirectory: workDirectory)
    }

    /// Waits for the background work of the last build (bringing the other folders up to date, freeing
    /// replaced files); call it before removing the work directory.
    public func waitUntilIdle() {
        trees.waitUntilDone()
    }

    /// Builds after `changed` (paths relative to the site root); nil builds everything. Throws the build's
    /// errors; the folder of the last good build stays as it was.
    public func build(changed: Set<String>?) throws -> IncrementalSummary {
        let outcome = try session.build(changed: changed, into: trees)
        return IncrementalSummary(
            folder: trees.folder!, pages: outcome.pages, rendered: outcome.rendered, changedFiles: outcome.changedFiles,
            full: outcome.everything, warnings: outcome.warnings)
    }
}
