import Foundation
import Parallel
import XCTest

final class ParallelTests: XCTestCase {
    private struct Failure: Error, Equatable { var index: Int }

    func testResultsComeInIndexOrder() {
        for (count, chunk, threads) in [(0, 1, 2), (1, 1, 2), (1000, 1, 2), (1000, 16, 4), (7, 3, 16), (100, 200, 2)] {
            XCTAssertEqual(Parallel.map(count, chunk: chunk, threads: threads) { $0 * $0 }, (0..<count).map { $0 * $0 })
        }
        // Values that own memory are moved out and released exactly once.
        let strings = Parallel.map(500, chunk: 7) { String(repeating: "x", count: $0 % 40) + "\($0)" }
        XCTAssertEqual(strings, (0..<500).map { String(repeating: "x", count: $0 % 40) + "\($0)" })
    }

    func testFillMakesOnlyTheMissingValues() {
        let lock = NSLock()
        var made: [Int] = []
        let known: [String?] = (0..<100).map { $0 % 3 == 0 ? nil : "kept \($0)" }
        let filled = Parallel.fill(known, chunk: 4) { i -> String in
            lock.lock()
            made.append(i)
            lock.unlock()
            return "made \(i)"
        }
        XCTAssertEqual(filled, (0..<100).map { $0 % 3 == 0 ? "made \($0)" : "kept \($0)" })
        XCTAssertEqual(made.sorted(), Array(stride(from: 0, to: 100, by: 3)))
        XCTAssertEqual(Parallel.fill([nil, nil] as [Int?]) { $0 + 1 }, [1, 2])
        XCTAssertEqual(Parallel.fill([] as [Int?]) { $0 }, [])
    }

    func testEveryItemRunsOnce() {
        let lock = NSLock()
        var seen = [Int](repeating: 0, count: 2_000)
        Parallel.forEach(seen.count, chunk: 5, threads: 3) { i in
            lock.lock()
            seen[i] += 1
            lock.unlock()
        }
        XCTAssertEqual(Set(seen), [1])
    }

    /// The error of the lowest failing item, whichever worker met it first; no later chunk starts.
    func testTheFirstFailureByIndexIsThrown() {
        for _ in 0..<20 {
            let lock = NSLock()
            var ran: Set<Int> = []
            XCTAssertThrowsError(
                try Parallel.map(400, chunk: 4, threads: 4) { i -> Int in
                    lock.lock()
                    ran.insert(i)
                    lock.unlock()
                    if i == 37 || i == 38 || i == 250 { usleep(100) }
                    // Later items take a while, so that on a loaded machine the failure is seen long before the
                    // last item could be reached if the work went on.
                    if i >= 40 { usleep(1000) }
                    if i == 250 || i == 37 || i == 300 { throw Failure(index: i) }
                    return i
                }
            ) { error in
                XCTAssertEqual(error as? Failure, Failure(index: 37))
            }
            XCTAssertTrue(ran.isSuperset(of: 0...37), "an item before the failure did not run")
            XCTAssertFalse(ran.contains(399), "work went on after the failure")
        }
    }

    func testDeepRecursionFitsInAWorkersStack() {
        func depth(_ n: Int) -> Int { n == 0 ? 0 : 1 + depth(n - 1) }
        XCTAssertEqual(Parallel.map(4, threads: 4) { _ in depth(20_000) }, [20_000, 20_000, 20_000, 20_000])
    }
}
