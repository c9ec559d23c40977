import Diagnostics
import Foundation

/// Finds the theme a site is built with: `ROOT/themes/default`, or, for a site without its own copy,
/// breingen's default theme (`locateDefault`).
public enum ThemeLocator {
    /// The theme folder of the site at `root` (its own `themes/default`, else breingen's default theme).
    public static func locate(root: URL) throws -> URL {
        let own = root.appendingPathComponent("themes/default", isDirectory: true)
        if isTheme(own) { return own }
        if let theme = defaultTheme() { return theme }
        throw Diagnostic(
            .error, "geen thema gevonden: \(own.path)/templates ontbreekt",
            notes: ["kopieer de map themes/default van breingen naar de site"])
    }

    /// breingen's default theme, for `breingen init` to copy: the folder `BREINGEN_THEME` names, else
    /// `themes/default` of the checkout the running binary was built in (`.build/…/breingen`), else an
    /// installed `share/breingen/themes/default` beside the binary's `bin/`.
    public static func locateDefault() throws -> URL {
        if let theme = defaultTheme() { return theme }
        throw Diagnostic(
            .error, "breingen vindt zijn standaardthema niet om in de site te zetten",
            notes: [
                "zet BREINGEN_THEME op de map themes/default van breingen, of installeer het thema in "
                    + "PREFIX/share/breingen/themes/default naast PREFIX/bin/breingen",
                "of maak de site zonder eigen thema: breingen init --no-theme",
            ])
    }

    static func defaultTheme() -> URL? {
        if let named = ProcessInfo.processInfo.environment["BREINGEN_THEME"], !named.isEmpty {
            let url = URL(fileURLWithPath: named, isDirectory: true)
            if isTheme(url) { return url }
        }
        var directory = URL(fileURLWithPath: CommandLine.arguments.first ?? "").resolvingSymlinksInPath()
            .deletingLastPathComponent()
        for _ in 0..<6 {
            for relative in ["themes/default", "share/breingen/themes/default"] {
                let candidate = directory.appendingPathComponent(relative, isDirectory: true)
                if isTheme(candidate) { return candidate }
            }
            directory.deleteLastPathComponent()
        }
        return nil
    }

    private static func isTheme(_ url: URL) -> Bool {
        var isDirectory: ObjCBool = false
        return FileManager.default.fileExists(
            atPath: url.appendingPathComponent("templates/base.html").path, isDirectory: &isDirectory)
            && !isDirectory.boolValue
    }
}
