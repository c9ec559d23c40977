import Diagnostics
import Foundation

/// Finds the theme a site is built with: `ROOT/themes/default`, or, for a site without its own copy,
/// the default theme of the breingen checkout the running binary was built in.
public enum ThemeLocator {
    /// The theme folder of the site at `root` (its own `themes/default`, else the checkout's).
    public static func locate(root: URL) throws -> URL {
        let own = root.appendingPathComponent("themes/default", isDirectory: true)
        if isTheme(own) { return own }
        var directory = URL(fileURLWithPath: CommandLine.arguments.first ?? "").resolvingSymlinksInPath()
            .deletingLastPathComponent()
        for _ in 0..<6 {
            let candidate = directory.appendingPathComponent("themes/default", isDirectory: true)
            if isTheme(candidate) { return candidate }
            directory.deleteLastPathComponent()
        }
        throw Diagnostic(
            .error, "geen thema gevonden: \(own.path)/templates ontbreekt",
            notes: ["kopieer de map themes/default van breingen naar de site"])
    }

    private static func isTheme(_ url: URL) -> Bool {
        var isDirectory: ObjCBool = false
        return FileManager.default.fileExists(atPath: url.appendingPathComponent("templates/base.html").path, isDirectory: &isDirectory)
            && !isDirectory.boolValue
    }
}
