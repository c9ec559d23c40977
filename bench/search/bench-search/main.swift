// The search index's two CPU passes on one core, without the rest of a build: reading pages
// (`IndexedPage`) and joining them into files (`ShardedIndex.write`, the files counted, not written).
//
//     swift build -c release --product bench-search
//     .build/release/bench-search DIR [ROUNDS]
//
// DIR holds Markdown files (a benchmark site's `content/best-practices`, see bench/search/run.sh): each
// becomes a record with its first line as title and the rest as text. Prints the fastest of ROUNDS
// (default 5) for each pass, in milliseconds and per body word.
import Foundation
import Search

let arguments = CommandLine.arguments
guard arguments.count >= 2 else {
    FileHandle.standardError.write("gebruik: bench-search MAP [RONDES]\n".data(using: .utf8)!)
    exit(2)
}
let folder = arguments[1]
let rounds = arguments.count > 2 ? Int(arguments[2]) ?? 5 : 5
let names =
    (try? FileManager.default.contentsOfDirectory(atPath: folder))?.filter { $0.hasSuffix(".md") }.sorted() ?? []
var records: [SearchRecord] = []
var words = 0
for name in names {
    guard let text = try? String(contentsOfFile: folder + "/" + name, encoding: .utf8) else { continue }
    let title = text.prefix { $0 != "\n" }
    words += text.split(whereSeparator: { $0 == " " || $0 == "\n" }).count
    records.append(
        SearchRecord(
            title: String(title), url: "/\(name)/", kind: "Best practice", filterKind: "Best practice",
            themes: ["Thema"], summary: nil, meta: [], headings: [], text: text))
}
guard !records.isEmpty else {
    FileHandle.standardError.write("geen .md-bestanden in \(folder)\n".data(using: .utf8)!)
    exit(1)
}

func fastest(_ body: () -> Void) -> Double {
    var best = Double.infinity
    for _ in 0..<rounds {
        let start = DispatchTime.now().uptimeNanoseconds
        body()
        best = min(best, Double(DispatchTime.now().uptimeNanoseconds - start) / 1e6)
    }
    return best
}

var pages: [IndexedPage] = []
let read = fastest { pages = records.map(IndexedPage.init) }
var bytes = 0
var files = 0
let join = fastest {
    (bytes, files) = (0, 0)
    ShardedIndex.write(pages, folder: "zoeken/index/") { _, data in
        bytes += data.count
        files += 1
    }
}
print(
    String(
        format: "%d pages, %d words: read %.1f ms (%.1f ns a word), join %.1f ms (%d files, %d bytes)",
        records.count, words, read, read * 1e6 / Double(words), join, files, bytes))
