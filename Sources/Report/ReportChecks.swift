import ContentModel
import Diagnostics
import Foundation

extension AnnualReport {
    /// `breingen check`'s part for the annual reports: everything `report` and `build` would reject or warn
    /// about, with the same messages. Every year under `content/reports/` is built as a model (not
    /// rendered): its definition, the editors' texts (front matter, stale heading numbers), the generated
    /// parts. Files in `content/reports/` that no report uses are warnings.
    ///
    /// - Parameters:
    ///   - knowledgeBase: the content loaded as the report loads it (drafts left out, internal items in);
    ///     nil when the content has errors of its own, which would only cascade into the reports: then
    ///     only the definitions are checked.
    ///   - theme: the theme the build uses (its fonts); `root/themes/default` when nil.
    /// - Returns: the diagnostics, and how many files of `content/reports/` were read (each report.yml and
    ///   the texts it names).
    public static func check(root: URL, knowledgeBase kb: KnowledgeBase?, theme: URL? = nil) -> (
        diagnostics: [Diagnostic], files: Int
    ) {
        var diagnostics = folderProblems(root: root)
        var files = 0
        for year in availableYears(root: root) {
            files += 1
            let definition: ReportDefinition
            do {
                definition = try ReportDefinition.read(root: root, year: year)
            } catch let d as Diagnostic {
                diagnostics.append(d)
                continue
            } catch let e as DiagnosticError {
                diagnostics += e.diagnostics
                continue
            } catch {
                diagnostics.append(Diagnostic(.error, "\(error)", file: "content/reports/\(year)/report.yml"))
                continue
            }
            diagnostics += unusedTexts(root: root, definition: definition)
            let texts = Set([definition.foreword?.file].compactMap { $0 } + definition.chapters.compactMap(\.file))
            files +=
                texts.filter {
                    FileManager.default.fileExists(
                        atPath: root.appendingPathComponent("content/reports/\(year)/\($0)").path)
                }.count
            guard let kb else {
                diagnostics += definition.problems
                continue
            }
            do {
                diagnostics += try ReportBuilder(
                    root: root, kb: kb, definition: definition, includeInternal: false, theme: theme
                ).build().1
            } catch let e as DiagnosticError {
                diagnostics += e.diagnostics
            } catch let d as Diagnostic {
                diagnostics.append(d)
            } catch {
                diagnostics.append(Diagnostic(.error, "\(error)", file: "content/reports/\(year)/report.yml"))
            }
        }
        return (diagnostics, files)
    }

    /// Anything in `content/reports/` that is no year folder with a `report.yml`.
    private static func folderProblems(root: URL) -> [Diagnostic] {
        let folder = root.appendingPathComponent("content/reports")
        let fm = FileManager.default
        guard let entries = try? fm.contentsOfDirectory(atPath: folder.path) else { return [] }
        var diagnostics: [Diagnostic] = []
        for entry in entries.sorted() where !entry.hasPrefix(".") && entry != "README.md" {
            let name = "content/reports/\(entry)"
            var isDirectory: ObjCBool = false
            _ = fm.fileExists(atPath: folder.appendingPathComponent(entry).path, isDirectory: &isDirectory)
            if !isDirectory.boolValue {
                diagnostics.append(
                    Diagnostic(
                        .warning,
                        "onbekend bestand in content/reports/: een jaarverslag staat in content/reports/JAAR/report.yml",
                        file: name))
            } else if entry.count != 4 || Int(entry) == nil {
                diagnostics.append(
                    Diagnostic(
                        .warning, "map \(name)/ is geen jaar: een jaarverslag staat in content/reports/JAAR/report.yml",
                        file: name))
            } else if !fm.fileExists(atPath: folder.appendingPathComponent("\(entry)/report.yml").path) {
                diagnostics.append(
                    Diagnostic(
                        .warning, "\(name)/ heeft geen report.yml, dus geen jaarverslag",
                        file: name, notes: ["maak er een met: breingen new report \(entry)"]))
            }
        }
        return diagnostics
    }

    /// Markdown files in a report's folder that its `report.yml` does not name: text that would never print.
    private static func unusedTexts(root: URL, definition: ReportDefinition) -> [Diagnostic] {
        let folder = "content/reports/\(definition.year)/"
        let used = Set([definition.foreword?.file].compactMap { $0 } + definition.chapters.compactMap(\.file))
        let entries =
            (try? FileManager.default.contentsOfDirectory(atPath: root.appendingPathComponent(folder).path)) ?? []
        return entries.sorted().filter {
            $0.hasSuffix(".md") && $0 != "README.md" && !$0.hasPrefix(".") && !used.contains($0)
        }.map {
            Diagnostic(
                .warning, "\(folder + $0) staat in geen hoofdstuk van report.yml en komt dus niet in het jaarverslag",
                file: folder + $0, notes: ["noem het in report.yml (chapters: - file: \($0)) of haal het weg"])
        }
    }
}
