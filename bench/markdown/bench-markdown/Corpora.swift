import Foundation

/// The two benchmark corpora: the CommonMark spec examples concatenated, and Dutch prose built from
/// the seed documents (headings, paragraphs with emphasis and links, lists, tables).
enum Corpora {
    /// The repository this benchmark was built from.
    static let repository = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent()

    /// The folder with the seed documents for the prose corpus: `--shared DIR` on the command line,
    /// else `$BREINGEN_SHARED`, else `../shared` next to the repository.
    static var shared: URL {
        let arguments = CommandLine.arguments
        if let i = arguments.firstIndex(of: "--shared"), i + 1 < arguments.count {
            return URL(fileURLWithPath: arguments[i + 1])
        }
        if let path = ProcessInfo.processInfo.environment["BREINGEN_SHARED"], !path.isEmpty {
            return URL(fileURLWithPath: path)
        }
        return repository.deletingLastPathComponent().appendingPathComponent("shared")
    }

    static func specExamples(targetBytes: Int) throws -> [UInt8] {
        // The suite vendored with the conformance tests, so this corpus needs nothing outside the checkout.
        let data = try Data(
            contentsOf: repository.appendingPathComponent("Tests/MarkdownTests/Conformance/commonmark-0.31.2.json"))
        guard let examples = try JSONSerialization.jsonObject(with: data) as? [[String: Any]] else { return [] }
        let one = examples.compactMap { $0["markdown"] as? String }.joined(separator: "\n")
        var out: [UInt8] = []
        out.reserveCapacity(targetBytes + one.utf8.count)
        while out.count < targetBytes {
            out.append(contentsOf: one.utf8)
            out.append(0x0A)
        }
        return out
    }

    static func dutchProse(targetBytes: Int) throws -> [UInt8] {
        let folder = shared.appendingPathComponent("seeds")
        guard let seeds = try? FileManager.default.contentsOfDirectory(atPath: folder.path).sorted() else {
            throw MissingSeeds(
                description: "no seed documents at \(folder.path): pass --shared DIR or set BREINGEN_SHARED")
        }
        var words: [String] = []
        for name in seeds {
            let text = try String(contentsOf: folder.appendingPathComponent(name), encoding: .utf8)
            for word in text.split(whereSeparator: { $0 == " " || $0 == "\n" || $0 == "\t" }) {
                let w = word.filter { $0.isLetter || $0.isNumber || ",.;:-'’()%€".contains($0) }
                if !w.isEmpty && w.count < 25 { words.append(w) }
            }
        }
        if words.isEmpty { words = ["geen", "zaden", "gevonden"] }
        var state: UInt64 = 0x9E37_79B9_7F4A_7C15
        func next(_ n: Int) -> Int {
            state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
            return Int((state >> 33) % UInt64(n))
        }
        var wordIndex = 0
        func phrase(_ count: Int) -> String {
            var parts: [String] = []
            for _ in 0..<count {
                parts.append(words[wordIndex % words.count])
                wordIndex += 1 + next(3)
            }
            return parts.joined(separator: " ")
        }
        func sentenceLine() -> String {
            var s = phrase(6 + next(14))
            switch next(10) {
            case 0: s += " *" + phrase(2) + "*"
            case 1: s += " **" + phrase(2) + "**"
            case 2: s += " [" + phrase(2) + "](../best-practices/" + Slugish.make(phrase(2)) + ".md)"
            case 3: s += " `" + phrase(1) + "`"
            case 4: s += " zie https://www.maatschappelijkealliantie.nl/" + Slugish.make(phrase(1))
            default: break
            }
            return s + "."
        }
        var out = ""
        out.reserveCapacity(targetBytes + 4096)
        var section = 0
        while out.utf8.count < targetBytes {
            section += 1
            out += "## " + phrase(3 + next(4)) + "\n\n"
            for _ in 0..<(2 + next(3)) {
                var lines: [String] = []
                for _ in 0..<(2 + next(4)) { lines.append(sentenceLine()) }
                out += lines.joined(separator: "\n") + "\n\n"
            }
            if section % 3 == 0 {
                for k in 0..<(3 + next(3)) { out += (section % 2 == 0 ? "- " : "\(k + 1). ") + sentenceLine() + "\n" }
                out += "\n"
            }
            if section % 5 == 0 {
                out += "| Onderdeel | Bedrag | Toelichting |\n| --- | ---: | :--- |\n"
                for _ in 0..<(3 + next(4)) {
                    out += "| " + phrase(2) + " | € \(next(100_000)) | " + phrase(4) + " |\n"
                }
                out += "\n"
            }
            if section % 7 == 0 { out += "> " + sentenceLine() + "\n> " + sentenceLine() + "\n\n" }
        }
        return Array(out.utf8)
    }
}

/// A simple ASCII slug for generated link targets (the benchmark should not depend on `Slug`).
enum Slugish {
    static func make(_ text: String) -> String {
        String(
            text.lowercased().unicodeScalars.map {
                $0.isASCII && ($0.properties.isAlphabetic || ("0"..."9").contains($0)) ? Character($0) : "-"
            })
    }
}

struct MissingSeeds: Error, CustomStringConvertible {
    var description: String
}
