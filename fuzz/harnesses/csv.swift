// libFuzzer harness: CSV files and Dutch amounts, as the financial statements read them. The input is
// `finance.yml`, then the statement of income and expenses, then the expense distribution, separated by
// lines `=====` (an input without them is one CSV file for the default finance.yml). Every field also
// goes through `DutchNumber.parseAmount` and back through `DutchFormat`, and the three files through the
// finance reader, which checks every total.
import DataFormats
import Diagnostics
import Foundation

@testable import ContentModel

#if canImport(Glibc)
    import Glibc
#endif

/// A private folder `…/2020/` the finance reader reads from, rewritten for every input.
let folder: String = {
    let path = "/dev/shm/breingen-fuzz-csv-\(getpid())/2020"
    try! FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
    atexit { _ = try? FileManager.default.removeItem(atPath: "/dev/shm/breingen-fuzz-csv-\(getpid())") }
    return path
}()

let defaultFinance = Array(
    """
    year: 2020
    result: 10
    incomeAndExpenses:
      file: baten-en-lasten.csv
      column: Werkelijk 2020
      income: Som der baten
      expenses: Som der lasten
      result: Resultaat
      objectives: Doelen
      management: Beheer
      totals:
        - row: Som der baten
          sumOf: [Subsidie, Giften]
    distribution:
      file: verdeling-lasten.csv
      objectives: [Wonen, Onderwijs]
      management: [Beheer]

    """.utf8)

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzCSV(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    let bytes = Array(UnsafeBufferPointer(start: data, count: size))
    let parts = split(bytes)
    let (yaml, income, distribution) =
        parts.count >= 3
        ? (parts[0], parts[1], parts[2]) : (defaultFinance, parts[0], parts.count > 1 ? parts[1] : [])
    for csv in [income, distribution] {
        for separator: Character? in [nil, ";"] {
            guard let table = try? CSVReader.parse(SourceFile(name: "x.csv", bytes: csv), separator: separator) else {
                continue
            }
            for row in table.rows + (table.header.map { [$0] } ?? []) {
                precondition(row.fields.count == row.columns.count)
                for field in row.fields {
                    guard let amount = DutchNumber.parseAmount(field) else { continue }
                    // What the site prints reads back as the same amount.
                    let written = DutchFormat.number(amount)
                    if let back = DutchNumber.parseAmount(written) {
                        precondition(back == amount, "\(field) -> \(amount) -> \(written) -> \(back)")
                    }
                    _ = DutchFormat.money(amount)
                    _ = DutchFormat.euro(amount, cents: true)
                }
            }
        }
        csv.withUnsafeBufferPointer { _ = DutchNumber.parseAmount(bytes: $0) }
    }
    write(yaml, "finance.yml")
    write(income, "baten-en-lasten.csv")
    write(distribution, "verdeling-lasten.csv")
    let result = FinanceDecoder.decode(folder: folder, name: "content/finance/2020")
    for diagnostic in result.diagnostics {
        if let line = diagnostic.line { precondition(line >= 1) }
        if let column = diagnostic.column { precondition(column >= 1) }
    }
    return 0
}

func split(_ bytes: [UInt8]) -> [[UInt8]] {
    let marker = Array("\n=====\n".utf8)
    var parts: [[UInt8]] = []
    var start = 0
    var i = 0
    while i + marker.count <= bytes.count {
        if bytes[i] == marker[0], Array(bytes[i..<(i + marker.count)]) == marker {
            parts.append(Array(bytes[start..<i]))
            i += marker.count
            start = i
        } else {
            i += 1
        }
    }
    parts.append(Array(bytes[start...]))
    return parts
}

func write(_ bytes: [UInt8], _ name: String) {
    let fd = open(folder + "/" + name, O_WRONLY | O_CREAT | O_TRUNC, 0o644)
    precondition(fd >= 0)
    bytes.withUnsafeBytes { _ = Glibc.write(fd, $0.baseAddress, $0.count) }
    close(fd)
}
