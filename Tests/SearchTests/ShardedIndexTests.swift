import Foundation
import TestSupport
import XCTest

@testable import Search

final class ShardedIndexTests: XCTestCase {
    private func record(
        _ title: String, kind: String = "Best practice", themes: [String] = [], summary: String? = nil,
        meta: [String] = [], headings: [String] = [], text: String = ""
    ) -> SearchRecord {
        SearchRecord(
            title: title, url: "/" + title.lowercased().replacingOccurrences(of: " ", with: "-") + "/", kind: kind,
            filterKind: kind, themes: themes, summary: summary, meta: meta, headings: headings, text: text)
    }

    /// The files of an index, in the order written, and its build hash.
    private struct Output {
        var build: String
        var files: [(path: String, bytes: [UInt8])]
    }

    private func index(_ records: [SearchRecord], shardBytes: Int = ShardedIndex.defaultShardBytes, groupSize: Int = 3)
        -> (Output, ShardedIndexReader)
    {
        var written: [(path: String, bytes: [UInt8])] = []
        let build = ShardedIndex.write(
            records.map(IndexedPage.init), folder: "zoeken/index/", shardBytes: shardBytes,
            groupSize: groupSize
        ) { written.append(($0, $1)) }
        let output = Output(build: build, files: written)
        var files: [String: [UInt8]] = [:]
        for file in output.files { files[file.path] = file.bytes }
        return (output, ShardedIndexReader(files: files))
    }

    func testWeightsAndPositionsRoundTrip() throws {
        let (_, reader) = index([
            record(
                "Woningen voor iedereen", meta: ["Den Haag"], headings: ["Betaalbare woning"],
                text: "Betaalbare woning. Wij bouwen woningen en nog meer woningen."),
            record("Scholen", text: "Een school zonder woning."),
        ])
        // Pages are numbered by title: "Scholen" 0, "Woningen voor iedereen" 1.
        let woning = try reader.postings("woning")
        XCTAssertEqual(Set(woning.keys), [0, 1])
        let w = try XCTUnwrap(woning[1])
        XCTAssertEqual(IndexedPage.Weights.unpack(UInt32(w.w)).title, 1)
        XCTAssertEqual(IndexedPage.Weights.unpack(UInt32(w.w)).meta, 0)
        XCTAssertEqual(IndexedPage.Weights.unpack(UInt32(w.w)).headings, 1)
        // The body: "Betaalbare woning. Wij bouwen woningen en nog meer woningen.": three times, first as word 1.
        XCTAssertEqual(IndexedPage.Weights.unpack(UInt32(w.w)).body, 3)
        XCTAssertEqual(w.p, 1)
        // "Een school zonder woning.": word 3.
        XCTAssertEqual(try XCTUnwrap(woning[0]).p, 3)
        XCTAssertEqual(IndexedPage.Weights.unpack(UInt32(try XCTUnwrap(woning[0]).w)).title, 0)
        XCTAssertEqual(IndexedPage.Weights.unpack(UInt32(try XCTUnwrap(try reader.postings("hag")[1]).w)).meta, 1)
        XCTAssertTrue(try reader.postings("de").isEmpty, "stop words are not indexed")
    }

    func testTitleHitsFirstAndFoldedDiacritics() throws {
        let (_, reader) = index([
            record("Alfa", text: "Wij creëren samen onderwijs."),
            record("Onderwijs", text: "Over scholen."),
            record("Bravo", meta: ["onderwijs"]),
        ])
        XCTAssertEqual(try reader.search("onderwijs"), ["Onderwijs", "Bravo", "Alfa"])
        XCTAssertEqual(try reader.search("creeren"), ["Alfa"])
        XCTAssertEqual(try reader.search("creëren onderwijs"), ["Alfa"])
    }

    func testFragmentsAreEscapedJSONInGroups() throws {
        let (output, reader) = index(
            (0..<7).map { record("Pagina \($0) <b>\"x\"</b>", summary: "Samenvatting \($0) & meer") })
        let m = try reader.manifest()
        XCTAssertEqual(m["pages"] as? Int, 7)
        XCTAssertEqual(m["group"] as? Int, 3)
        XCTAssertEqual(output.files.filter { $0.path.contains("/f-") }.count, 3, "7 pages in groups of 3")
        let fragment = try reader.fragment(6)
        XCTAssertEqual(fragment["t"] as? String, "Pagina 6 <b>\"x\"</b>")
        XCTAssertEqual(fragment["s"] as? String, "Samenvatting 6 & meer")
        // HTML-safe: no raw "<" in the file, so it can never close a script element it is pasted into.
        let bytes = try XCTUnwrap(output.files.first { $0.path.contains("/f-") }?.bytes)
        XCTAssertFalse(bytes.contains(UInt8(ascii: "<")))
    }

    func testManifestRangesCoverEveryStemInItsShard() throws {
        let words = (0..<400).map { "woord\($0)x" }
        let records = (0..<40).map { k in
            record("Pagina \(k)", text: words[(k * 10)..<(k * 10 + 10)].joined(separator: " "))
        }
        let (output, reader) = index(records, shardBytes: 300)
        let m = try reader.manifest()
        let firsts = try XCTUnwrap(m["shards"] as? [String])
        XCTAssertGreaterThan(firsts.count, 5, "small shards: many of them")
        XCTAssertEqual(firsts.first, "", "the first shard starts the range")
        XCTAssertEqual(firsts.dropFirst().sorted(), Array(firsts.dropFirst()), "first stems in order")
        var seen = 0
        for (k, first) in firsts.enumerated() {
            let shard = try XCTUnwrap(try reader.json(ShardedIndexReader.shardName(m, k)) as? [String: [Int]])
            for stem in shard.keys {
                XCTAssertGreaterThanOrEqual(stem, first)
                if k + 1 < firsts.count { XCTAssertLessThan(stem, firsts[k + 1]) }
            }
            seen += shard.count
        }
        // Every word of the texts and of the titles ("pagina", and the numbers 0 to 39).
        XCTAssertEqual(seen, 400 + 1 + 40)
        XCTAssertEqual(output.files.filter { $0.path.contains("/s-") }.count, firsts.count)
        for k in 0..<40 {
            XCTAssertEqual(try reader.search("woord\(k * 10 + 3)x"), ["Pagina \(k)"])
        }
    }

    func testEveryNameButTheEntryCarriesItsOwnHash() throws {
        var records = (0..<40).map { record("Pagina \($0)", text: "woord\($0) gedeeld tekst\($0 % 7)") }
        records.append(record("Twee", kind: "Thema", text: "school"))
        let (first, _) = index(records, shardBytes: 200)
        let (again, _) = index(records, shardBytes: 200)
        XCTAssertEqual(first.build, again.build, "the same records, the same build")
        XCTAssertEqual(first.files.map(\.path), again.files.map(\.path))
        XCTAssertEqual(first.build.count, 12)
        for file in first.files where !file.path.hasSuffix("/" + ShardedIndex.entryName) {
            let name = file.path.split(separator: "/").last!.dropLast(".json".count)
            let hash = name.split(separator: "-").last!
            XCTAssertEqual(String(hash), ShardedIndex.fileHash(file.bytes), file.path)
        }
        // One page's text changed: a new build hash, a new manifest, and new names only for the files that
        // page is in; every other shard and fragment group keeps its name, so a host and a browser keep it.
        var changed = records
        changed[40].text = "scholen en woningen"
        let (other, _) = index(changed, shardBytes: 200)
        XCTAssertNotEqual(other.build, first.build)
        let kept = Set(other.files.map(\.path)).intersection(first.files.map(\.path))
        XCTAssertFalse(kept.contains { $0.contains("/manifest-") }, "the manifest lists the new names")
        XCTAssertGreaterThan(kept.filter { $0.contains("/s-") }.count, 0, "shards without the page keep their names")
        XCTAssertGreaterThan(kept.filter { $0.contains("/f-") }.count, 2, "fragment groups without the page stay")
        XCTAssertLessThan(kept.count, first.files.count - 1, "the files with the page are new")
    }

    func testFiltersListPagesOfEachKindAndTheme() throws {
        let (_, reader) = index([
            record("C", kind: "Thema", themes: ["Wonen"]), record("A", themes: ["Wonen", "Leren"]),
            record("B", themes: ["Leren"]),
        ])
        let m = try reader.manifest()
        XCTAssertEqual(m["kinds"] as? [String], ["Thema", "Best practice"])
        XCTAssertEqual(m["themes"] as? [String], ["Wonen", "Leren"])
        let filters = try XCTUnwrap(
            try reader.json(try XCTUnwrap(m["filters"] as? String)) as? [String: [[Int]]])
        // Pages by title: A 0, B 1, C 2; lists as differences.
        XCTAssertEqual(filters["kinds"], [[2], [0, 1]])
        XCTAssertEqual(filters["themes"], [[0, 2], [0, 1]])
    }

    func testBodyStemLimitKeepsTitleComplete() throws {
        let text = (0..<(IndexedPage.maximumBodyStems + 50)).map { "w\($0)q" }.joined(separator: " ")
        let page = IndexedPage(record("Uniekwoord", text: text))
        XCTAssertEqual(page.keys.count, IndexedPage.maximumBodyStems + 1)
        XCTAssertTrue(page.keys.map { StemNames.shared.stem($0) }.contains(Array("uniekwoord".utf8)))
    }
}

final class ShardLayoutTests: XCTestCase {
    /// The postings are laid out in runs of pages on several threads: the files do not depend on how
    /// many runs (big sites use as many as cores).
    func testRunsOfPagesGiveTheSameFiles() {
        let words = ["woning", "school", "buurt", "jongeren", "werk", "zorg", "taal", "sport", "geld", "wijk"]
        let pages = (0..<300).map { n in
            IndexedPage(
                SearchRecord(
                    title: "Pagina \(n)", url: "/p/\(n)/", kind: "Pagina", filterKind: "Pagina",
                    themes: n % 3 == 0 ? ["Wonen"] : ["Werk"],
                    text: (0..<(n % 17 + 3)).map { words[($0 * 7 + n) % words.count] + "\($0 % 5)" }
                        .joined(separator: " ")))
        }
        func files(runs: Int) -> [String] {
            var written: [String] = []
            ShardedIndex.write(pages, folder: "i/", shardBytes: 2_000, groupSize: 10, layoutRuns: runs) {
                written.append($0 + "\n" + String(decoding: $1, as: UTF8.self))
            }
            return written
        }
        let one = files(runs: 1)
        XCTAssertGreaterThan(one.count, 5)
        for runs in [2, 3, 7, 300] { XCTAssertEqual(files(runs: runs), one, "\(runs) runs") }
    }
}

final class ShardNumbersTests: XCTestCase {
    /// Positions past 10,000 words (beyond the table of digits) are written in full.
    func testLargeNumbersRoundTrip() throws {
        let text = (0..<12_345).map { _ in "vul" }.joined(separator: " ") + " zeldzaamwoord"
        var written: [String: [UInt8]] = [:]
        ShardedIndex.write(
            [IndexedPage(SearchRecord(title: "Lang", url: "/lang/", kind: "Pagina", filterKind: "Pagina", text: text))],
            folder: "zoeken/index/"
        ) { written[$0] = $1 }
        let reader = ShardedIndexReader(files: written)
        XCTAssertEqual(try XCTUnwrap(try reader.postings("zeldzaamwoord")[0]).p, 12_345)
        XCTAssertEqual(
            IndexedPage.Weights.unpack(UInt32(try XCTUnwrap(try reader.postings("vul")[0]).w)).body, 31, "capped")
        XCTAssertEqual(try XCTUnwrap(try reader.postings("vul")[0]).p, 0)
    }
}
