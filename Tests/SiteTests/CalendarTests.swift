import ContentModel
import Foundation
import XCTest

@testable import Site

/// The iCalendar writer against RFC 5545: text escaping (3.3.11), line folding (3.1), CRLF, and the
/// three forms of DTSTART. Parsing it back with Python's icalendar is tests/browser/test_feeds.py.
final class CalendarTests: XCTestCase {
    private func text(_ bytes: [UInt8]) -> String { String(decoding: bytes, as: UTF8.self) }

    func testTextIsEscaped() {
        XCTAssertEqual(ICalendar.escaped(#"a\b;c,d"#), #"a\\b\;c\,d"#)
        XCTAssertEqual(ICalendar.escaped("regel 1\nregel 2\r\nregel 3"), #"regel 1\nregel 2\nregel 3"#)
        XCTAssertEqual(ICalendar.escaped("tab\there\u{7}"), "tab here")
        XCTAssertEqual(ICalendar.escaped("Saïd & Lody: “quotes” – fine"), "Saïd & Lody: “quotes” – fine")
    }

    func testLongLinesAreFoldedAt75OctetsWithoutSplittingCharacters() {
        // 30 two-byte letters after a 60-byte prefix: a fold at 75 octets would fall inside one.
        let line = "DESCRIPTION:" + String(repeating: "x", count: 48) + String(repeating: "é", count: 60)
        var out: [UInt8] = []
        ICalendar.fold(line, into: &out)
        let physical = text(out).components(separatedBy: "\r\n")
        XCTAssertEqual(physical.last, "", "ends in CRLF")
        let lines = physical.dropLast()
        XCTAssertGreaterThan(lines.count, 2)
        for (i, piece) in lines.enumerated() {
            XCTAssertLessThanOrEqual(piece.utf8.count, 75, "line \(i): \(piece.utf8.count) octets")
            if i > 0 { XCTAssertTrue(piece.hasPrefix(" "), "a continuation line starts with a space") }
        }
        // Unfolding (drop CRLF + one space) gives the line back, and every piece is valid UTF-8.
        XCTAssertEqual(
            lines.enumerated().map { $0.offset == 0 ? $0.element : String($0.element.dropFirst()) }.joined(), line)
        XCTAssertFalse(text(out).contains("\u{FFFD}"))
        // Exactly 75 octets stays one line.
        var exact: [UInt8] = []
        ICalendar.fold(String(repeating: "a", count: 75), into: &exact)
        XCTAssertEqual(exact.count, 77)
    }

    func testStartIsADateALocalTimeOrUTC() {
        XCTAssertEqual(ICalendar.start(ContentDate(year: 2020, month: 9, day: 23)), "DTSTART;VALUE=DATE:20200923")
        var local = ContentDate(year: 2023, month: 3, day: 14)
        local.hour = 19
        local.minute = 30
        XCTAssertEqual(ICalendar.start(local), "DTSTART;TZID=Europe/Amsterdam:20230314T193000")
        var offset = local
        offset.hour = 0
        offset.minute = 15
        offset.utcOffsetMinutes = 120
        // 00:15 at +02:00 is 22:15 the day before in UTC.
        XCTAssertEqual(ICalendar.start(offset), "DTSTART:20230313T221500Z")
    }

    /// Found on the wijkkracht fixture: an activity written at 16:00+01:00 had `datetime="…T16:00"` on its
    /// page and in its JSON-LD (the offset lost) while the feed gave 15:00 UTC. The page keeps the offset.
    func testThePageGivesTheSameMomentAsTheFeed() {
        var local = ContentDate(year: 2025, month: 1, day: 15)
        XCTAssertEqual(local.machineReadable, "2025-01-15")
        local.hour = 9
        local.minute = 5
        XCTAssertEqual(local.machineReadable, "2025-01-15T09:05")
        var offset = local
        offset.hour = 16
        offset.minute = 0
        offset.utcOffsetMinutes = 60
        XCTAssertEqual(offset.machineReadable, "2025-01-15T16:00+01:00")
        XCTAssertEqual(ICalendar.start(offset), "DTSTART:20250115T150000Z")
        offset.utcOffsetMinutes = -150
        XCTAssertEqual(offset.machineReadable, "2025-01-15T16:00-02:30")
        offset.utcOffsetMinutes = 0
        XCTAssertEqual(offset.machineReadable, "2025-01-15T16:00Z")
    }

    func testDocument() {
        var timed = ContentDate(year: 2023, month: 10, day: 5)
        timed.hour = 14
        timed.minute = 0
        let events = [
            ICalendar.Event(
                uid: "activiteit-a@example.org", summary: "Bijeenkomst; over wonen, zorg",
                url: "https://example.org/activiteiten/a/",
                start: ContentDate(year: 2023, month: 3, day: 1), location: "Buurthuis De Pijler, Den Haag",
                description: "Eerste regel\nTweede", categories: ["Wonen, zorg"]),
            ICalendar.Event(
                uid: "activiteit-b@example.org", summary: "Webinar", url: "https://example.org/activiteiten/b/",
                start: timed),
        ]
        let bytes = ICalendar.document(
            name: "Brein: activiteiten", events: events, stamp: ContentDate(year: 2026, month: 12, day: 7))
        let document = text(bytes)
        XCTAssertFalse(document.replacingOccurrences(of: "\r\n", with: "").contains("\n"), "only CRLF line ends")
        let lines = document.components(separatedBy: "\r\n")
        XCTAssertEqual(lines.first, "BEGIN:VCALENDAR")
        XCTAssertEqual(lines.dropLast().last, "END:VCALENDAR")
        XCTAssertTrue(lines.contains("VERSION:2.0"))
        XCTAssertTrue(lines.contains { $0.hasPrefix("PRODID:") })
        XCTAssertEqual(lines.filter { $0 == "BEGIN:VEVENT" }.count, 2)
        XCTAssertEqual(lines.filter { $0 == "DTSTAMP:20261207T000000Z" }.count, 2)
        XCTAssertTrue(lines.contains("SUMMARY:Bijeenkomst\\; over wonen\\, zorg"))
        XCTAssertTrue(lines.contains("LOCATION:Buurthuis De Pijler\\, Den Haag"))
        XCTAssertTrue(lines.contains("DESCRIPTION:Eerste regel\\nTweede"))
        XCTAssertTrue(lines.contains("CATEGORIES:Wonen\\, zorg"))
        XCTAssertTrue(lines.contains("DTSTART;TZID=Europe/Amsterdam:20231005T140000"))
        // A TZID needs its VTIMEZONE in the same file, and only then.
        XCTAssertTrue(lines.contains("BEGIN:VTIMEZONE") && lines.contains("TZID:Europe/Amsterdam"))
        let dateOnly = text(
            ICalendar.document(name: "x", events: [events[0]], stamp: ContentDate(year: 2026, month: 1, day: 1)))
        XCTAssertFalse(dateOnly.contains("VTIMEZONE"))
        XCTAssertTrue(lines.allSatisfy { $0.utf8.count <= 75 })
    }
}
