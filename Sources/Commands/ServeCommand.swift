import DataFormats
import Diagnostics
import Foundation
import Server
import Site

extension CLI {
    static var serveCommand: Command {
        Command(
            name: "serve",
            summary: "bouw de site, toon hem op http://127.0.0.1:8080 en herlaad bij elke wijziging",
            usage: "breingen serve [--root MAP] [--port POORT] [--host ADRES] [--drafts] [--internal] [--poll]",
            details: """
                Bouwt de site, serveert hem lokaal en houdt content/, themes/, static/, assets/ en
                templates/ in de gaten.
                Na elke wijziging wordt de site opnieuw gebouwd en laden open pagina's vanzelf opnieuw.
                Een bouwfout verschijnt in de terminal en over de pagina in de browser; de laatste
                gelukte versie blijft zichtbaar. output/ wordt niet aangeraakt. Met --drafts en --internal
                zie je ook concepten en interne items. Stop met Ctrl-C.
                """,
            options: [
                OptionSpec("root", value: "MAP", help: "de sitemap met content/ en themes/ (standaard: huidige map)"),
                OptionSpec(
                    "port", short: "p", value: "POORT", help: "de poort (standaard: 8080; 0 kiest een vrije poort)"),
                OptionSpec("host", value: "ADRES", help: "het adres om op te luisteren (standaard: 127.0.0.1)"),
                OptionSpec("drafts", help: "toon ook concepten (draft: true)"),
                OptionSpec("internal", help: "toon ook interne items (visibility: internal)"),
                OptionSpec("poll", help: "kijk elke halve seconde naar wijzigingen in plaats van via inotify"),
            ]
        ) { arguments, console in
            let root = URL(fileURLWithPath: arguments.value("root") ?? ".", isDirectory: true).standardizedFileURL
            let portText = arguments.value("port") ?? "8080"
            guard let port = UInt16(portText) else {
                throw UsageError("ongeldige poort '\(portText)': geef een getal van 0 tot en met 65535")
            }
            let host = arguments.value("host") ?? "127.0.0.1"
            guard let loopback = HostAddress.isLoopback(host) else {
                throw UsageError("ongeldig adres '\(host)': geef een IP-adres zoals 127.0.0.1 of ::1")
            }
            if !loopback {
                console.report(
                    Diagnostic(
                        .warning,
                        "de site is nu ook vanaf andere computers te bereiken via \(host); "
                            + "gebruik 127.0.0.1 om alleen op deze computer te kijken"))
            }
            var isFolder: ObjCBool = false
            guard
                FileManager.default.fileExists(
                    atPath: root.appendingPathComponent("content").path, isDirectory: &isFolder),
                isFolder.boolValue
            else {
                throw Diagnostic(.error, "geen map content/ in \(root.path); geef de sitemap met --root MAP")
            }
            var configuration = PreviewConfiguration(root: root, host: host, port: port)
            configuration.forcePolling = arguments.has("poll")
            let drafts = arguments.has("drafts")
            let includeInternal = arguments.has("internal")
            let rebuilder = try IncrementalRebuilder(
                options: BuildOptions(root: root, drafts: drafts, includeInternal: includeInternal, quiet: true),
                report: { console.report($0) })
            let preview = PreviewServer(
                configuration: configuration, rebuilder: rebuilder,
                log: PreviewLog(info: { console.err($0) }, problem: { console.report($0) }))
            do {
                try preview.run {
                    console.err("serveert \(preview.url) (wijzigingen via \(preview.watcherKind); stop met Ctrl-C)")
                }
            } catch {
                rebuilder.cleanUp()
                throw error
            }
            console.err("gestopt")
            return 0
        }
    }
}

/// Plugs the site's incremental builder into the preview server: each batch of changed paths re-renders
/// only the pages it touches, into a ring of folders inside a private temporary folder.
final class IncrementalRebuilder: Rebuilder, @unchecked Sendable {
    /// The private folder holding the builds; removed by `cleanUp()`.
    let workDirectory: URL
    static let folderPrefix = "breingen-serve-"
    private let builder: IncrementalSiteBuilder

    private let report: @Sendable (Diagnostic) -> Void

    /// `report` gets the warnings of each build.
    init(
        options: BuildOptions, temporaryDirectory: URL = FileManager.default.temporaryDirectory,
        report: @escaping @Sendable (Diagnostic) -> Void
    ) throws {
        self.report = report
        // What an earlier serve left when it was killed (`kill -9`) or crashed.
        LeftoverFolders.removeAll(in: temporaryDirectory, prefix: Self.folderPrefix).forEach(report)
        workDirectory = temporaryDirectory.appendingPathComponent(
            "\(Self.folderPrefix)\(getpid())-\(UInt32.random(in: 0...UInt32.max))", isDirectory: true)
        do {
            try FileManager.default.createDirectory(at: workDirectory, withIntermediateDirectories: true)
        } catch {
            guard let failure = FileSystemError(error, path: workDirectory.path, writing: true) else { throw error }
            throw failure.diagnostic("kan geen werkmap voor serve maken in \(temporaryDirectory.path)")
        }
        builder = IncrementalSiteBuilder(options: options, workDirectory: workDirectory, defersSlowOutput: true)
    }

    func onLaterOutput(_ ready: @escaping @Sendable () -> Void) {
        builder.whenLaterOutputIsReady(ready)
    }

    func rebuild(_ changes: ChangeSet) throws -> RebuildResult {
        let summary = try builder.build(changed: changes.everything ? nil : changes.paths)
        summary.warnings.forEach(report)
        let text =
            summary.full
            ? DutchFormat.count(summary.pages, "pagina", "pagina's") + ", alles opnieuw"
            : "\(summary.rendered) van " + DutchFormat.count(summary.pages, "pagina", "pagina's") + " opnieuw, "
                + DutchFormat.count(summary.changedFiles, "bestand", "bestanden") + " bijgewerkt"
        return RebuildResult(outputFolder: summary.folder, summary: text)
    }

    func cleanUp() {
        builder.waitUntilIdle()
        try? FileManager.default.removeItem(at: workDirectory)
    }
}
