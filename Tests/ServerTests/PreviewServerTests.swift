import Diagnostics
import Foundation
import XCTest

@testable import Server

/// A rebuilder that renders `content/titel.txt` into `index.html`, or fails with a diagnostic when the
/// title contains "FOUT", so the tests exercise the whole serve loop without the site module.
final class TitleRebuilder: Rebuilder, @unchecked Sendable {
    let root: URL
    let full: FullRebuilder

    init(root: URL, temporary: URL) throws {
        self.root = root
        let source = root
        full = try FullRebuilder(
            build: { folder in
                let title = try String(contentsOf: source.appendingPathComponent("content/titel.txt"), encoding: .utf8)
                // An empty file is an error, as a best practice without front matter is.
                if title.isEmpty {
                    throw Diagnostic(.error, "lege titel", file: "content/titel.txt")
                }
                // A build that takes a while, during which the test finishes writing the file.
                if title == "HALF" {
                    Thread.sleep(forTimeInterval: 0.2)
                    throw Diagnostic(.error, "halve titel", file: "content/titel.txt")
                }
                if title.contains("FOUT") {
                    throw Diagnostic(
                        .error, "titel bevat <script>alert(1)</script>", file: "content/titel.txt", line: 1,
                        column: 1, sourceLine: title)
                }
                try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
                try Data("<html><body><h1>\(title)</h1></body></html>".utf8).write(
                    to: folder.appendingPathComponent("index.html"))
                try Data("body{}".utf8).write(to: folder.appendingPathComponent("site.css"))
                return "1 pagina"
            }, temporaryDirectory: temporary)
    }

    func rebuild(_ changes: ChangeSet) throws -> RebuildResult { try full.rebuild(changes) }
    func cleanUp() { full.cleanUp() }
}

final class PreviewServerTests: XCTestCase {
    private var base: URL!
    private var root: URL!
    private var temporary: URL!

    override func setUpWithError() throws {
        base = FileManager.default.temporaryDirectory.appendingPathComponent("breingen-preview-\(UUID().uuidString)")
        root = base.appendingPathComponent("site")
        temporary = base.appendingPathComponent("tmp")
        try FileManager.default.createDirectory(
            at: root.appendingPathComponent("content"), withIntermediateDirectories: true)
        try FileManager.default.createDirectory(at: temporary, withIntermediateDirectories: true)
        try setTitle("Eerste versie")
    }

    override func tearDown() {
        try? FileManager.default.removeItem(at: base)
    }

    private func setTitle(_ title: String) throws {
        try Data(title.utf8).write(to: root.appendingPathComponent("content/titel.txt"))
    }

    private func makeServer(polling: Bool = false) throws -> PreviewServer {
        var configuration = PreviewConfiguration(root: root, port: 0)
        configuration.debounce = 0.02
        configuration.forcePolling = polling
        configuration.pollInterval = 0.05
        let server = PreviewServer(
            configuration: configuration, rebuilder: try TitleRebuilder(root: root, temporary: temporary))
        try server.start()
        return server
    }

    func testPagesGetTheScriptButOtherFilesDoNot() throws {
        let server = try makeServer()
        defer { server.stop() }
        let client = try TestClient(port: server.port)
        let page = try client.request("/")
        XCTAssertEqual(page.status, 200)
        XCTAssertTrue(page.text.contains("<h1>Eerste versie</h1><script>"), page.text)
        XCTAssertTrue(page.text.contains("EventSource(\"/__breingen/events\")"))
        XCTAssertTrue(page.text.hasSuffix("</script></body></html>"))
        XCTAssertEqual(page.header("content-length"), "\(page.body.count)")
        XCTAssertEqual(try client.request("/site.css").text, "body{}")
        // The script is added while serving; the built files stay as the build wrote them.
        let builds = try FileManager.default.contentsOfDirectory(atPath: temporary.path)
        XCTAssertEqual(builds.count, 1)
        let built = try String(
            contentsOf: temporary.appendingPathComponent("\(builds[0])/site-1/index.html"), encoding: .utf8)
        XCTAssertEqual(built, "<html><body><h1>Eerste versie</h1></body></html>")
    }

    func testEditRebuildsAndSendsReload() throws {
        try editRebuildsAndSendsReload(polling: false)
    }

    func testEditRebuildsAndSendsReloadWhenPolling() throws {
        try editRebuildsAndSendsReload(polling: true)
    }

    private func editRebuildsAndSendsReload(polling: Bool) throws {
        let server = try makeServer(polling: polling)
        defer { server.stop() }
        let stream = try TestClient(port: server.port)
        let head = try stream.request(LiveReload.eventsPath)
        XCTAssertEqual(head.status, 200)
        XCTAssertEqual(head.header("content-type"), "text/event-stream; charset=utf-8")
        let hello = try stream.readEvent()
        XCTAssertEqual(hello.name, "hello")
        XCTAssertEqual(hello.data, "1")

        try setTitle("Tweede versie")
        let reload = try stream.readEvent()
        XCTAssertEqual(reload.name, "reload")
        XCTAssertEqual(reload.data, "2")
        let page = try TestClient(port: server.port).request("/")
        XCTAssertTrue(page.text.contains("<h1>Tweede versie</h1>"))
        XCTAssertTrue(page.text.contains("var g=\"2\""))
    }

    func testBuildErrorGoesToTheBrowserAndTheLastGoodBuildStaysServed() throws {
        let server = try makeServer()
        defer { server.stop() }
        let stream = try TestClient(port: server.port)
        _ = try stream.request(LiveReload.eventsPath)
        XCTAssertEqual(try stream.readEvent().name, "hello")

        try setTitle("FOUT")
        let error = try stream.readEvent()
        XCTAssertEqual(error.name, "builderror")
        XCTAssertTrue(error.data.contains("content/titel.txt:1:1: error:"), error.data)
        XCTAssertFalse(error.data.contains("<script>"), "markup in a message is escaped: \(error.data)")
        XCTAssertTrue(error.data.contains("\\u003cscript\\u003e"), error.data)

        let page = try TestClient(port: server.port).request("/")
        XCTAssertEqual(page.status, 200)
        XCTAssertTrue(page.text.contains("<h1>Eerste versie</h1>"), "the last good build stays served")

        // A page opened now learns about the error as soon as it connects.
        let late = try TestClient(port: server.port)
        _ = try late.request(LiveReload.eventsPath)
        XCTAssertEqual(try late.readEvent().name, "hello")
        XCTAssertEqual(try late.readEvent().name, "builderror")

        try setTitle("Hersteld")
        // On a loaded machine one save of "FOUT" can be noticed twice (the truncation and the write):
        // a second failed build repeats the error before the fix is built.
        var next = try stream.readEvent()
        while next.name == "builderror" { next = try stream.readEvent() }
        XCTAssertEqual(next.name, "reload")
        XCTAssertTrue(try TestClient(port: server.port).request("/").text.contains("Hersteld"))
    }

    /// Issue 18: an editor that saves by truncating and then writing left the file empty for a moment;
    /// a build in that moment showed an error overlay in the browser. The build is tried again after a
    /// pause, and only a file that stays empty is an error.
    func testHalfWrittenSaveIsReadAgainBeforeItCountsAsAnError() throws {
        let server = try makeServer()
        defer { server.stop() }
        let stream = try TestClient(port: server.port)
        _ = try stream.request(LiveReload.eventsPath)
        XCTAssertEqual(try stream.readEvent().name, "hello")

        // Truncated, and written a moment later (after the debounce, so a build sees the empty file).
        try setTitle("")
        Thread.sleep(forTimeInterval: 0.12)
        try setTitle("Tweede versie")
        let first = try stream.readEvent()
        XCTAssertEqual(first.name, "reload", "no error for the moment the file was empty: \(first.data)")
        XCTAssertTrue(try TestClient(port: server.port).request("/").text.contains("Tweede versie"))

        // Changed while a build was reading it: that build's error does not count either.
        try setTitle("HALF")
        Thread.sleep(forTimeInterval: 0.1)
        try setTitle("Derde versie")
        var event = try stream.readEvent()
        while event.name == "reload", try !TestClient(port: server.port).request("/").text.contains("Derde versie") {
            event = try stream.readEvent()
        }
        XCTAssertEqual(event.name, "reload", event.data)

        // A file that stays empty is an error after all.
        let before = Date()
        try setTitle("")
        var error = try stream.readEvent()
        while error.name == "reload" { error = try stream.readEvent() }  // of builds for the earlier saves
        XCTAssertEqual(error.name, "builderror")
        XCTAssertTrue(error.data.contains("lege titel"), error.data)
        XCTAssertLessThan(Date().timeIntervalSince(before), 3)
    }

    func testFirstBuildFailingServesAnEscapedErrorPage() throws {
        try setTitle("FOUT")
        let server = try makeServer()
        defer { server.stop() }
        let page = try TestClient(port: server.port).request("/willekeurig/pad")
        XCTAssertEqual(page.status, 500)
        XCTAssertTrue(
            page.text.contains("content/titel.txt:1:1: error: titel bevat &lt;script&gt;alert(1)&lt;/script&gt;"),
            page.text)
        XCTAssertTrue(page.text.contains("var g=\"0\""))
        try setTitle("Goed")
        let deadline = Date().addingTimeInterval(5)
        while server.servedGeneration == 0, Date() < deadline { usleep(10_000) }
        XCTAssertTrue(try TestClient(port: server.port).request("/").text.contains("<h1>Goed</h1>"))
    }

    func testServingContinuesDuringRebuildsAndSwitchesAtomically() throws {
        let server = try makeServer()
        defer { server.stop() }
        let port = server.port
        let failures = Failures()
        let done = Flag()
        let reader = Thread {
            do {
                let client = try TestClient(port: port)
                while !done.isSet {
                    let page = try client.request("/")
                    if page.status != 200 || !(page.text.contains("<h1>Versie") || page.text.contains("<h1>Eerste")) {
                        failures.add("\(page.status): \(page.text.prefix(80))")
                    }
                }
            } catch {
                failures.add("\(error)")
            }
            done.finish()
        }
        reader.start()
        for i in 1...5 {
            let before = server.finishedBuilds
            try setTitle("Versie \(i)")
            let deadline = Date().addingTimeInterval(5)
            while server.finishedBuilds == before, Date() < deadline { usleep(5_000) }
        }
        done.set()
        done.waitFinished()
        XCTAssertEqual(failures.items, [])
        XCTAssertTrue(try TestClient(port: port).request("/").text.contains("<h1>Versie 5</h1>"))
    }

    func testStopRemovesTemporaryFoldersAndClosesStreams() throws {
        let server = try makeServer()
        let stream = try TestClient(port: server.port)
        _ = try stream.request(LiveReload.eventsPath)
        _ = try stream.readEvent()
        try setTitle("Nog een")
        XCTAssertEqual(try stream.readEvent().name, "reload")
        XCTAssertFalse(try FileManager.default.contentsOfDirectory(atPath: temporary.path).isEmpty)
        server.stop()
        XCTAssertTrue(stream.isClosedByServer())
        XCTAssertEqual(try FileManager.default.contentsOfDirectory(atPath: temporary.path), [])
    }

    func testSignalDuringTheFirstBuildStopsCleanlyAfterIt() throws {
        // The build starts only after `run` caught the signals, so the SIGINT below never reaches the
        // default handler (which would end the test process).
        let building = Flag()
        let rebuilder = try FullRebuilder(
            build: { folder in
                building.finish()
                usleep(300_000)
                try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
                try Data("<html></html>".utf8).write(to: folder.appendingPathComponent("index.html"))
                return nil
            }, temporaryDirectory: temporary)
        var configuration = PreviewConfiguration(root: root, port: 0)
        configuration.debounce = 0.02
        let server = PreviewServer(configuration: configuration, rebuilder: rebuilder)
        let finished = Flag()
        let readyCalled = Flag()
        let thread = Thread {
            try? server.run { readyCalled.set() }
            finished.finish()
        }
        thread.start()
        building.waitFinished()
        kill(getpid(), SIGINT)
        finished.waitFinished()
        XCTAssertTrue(readyCalled.isSet)
        XCTAssertEqual(try FileManager.default.contentsOfDirectory(atPath: temporary.path), [])
    }

    func testHeadOnTheEventStreamDoesNotHoldTheConnection() throws {
        let server = try makeServer()
        defer { server.stop() }
        let client = try TestClient(port: server.port)
        let head = try client.request(LiveReload.eventsPath, method: "HEAD")
        XCTAssertEqual(head.status, 200)
        XCTAssertTrue(client.isClosedByServer())
        XCTAssertEqual(server.events.clientCount, 0)
    }

    func testLiveReloadInjection() {
        func inject(_ html: String) -> String {
            String(decoding: LiveReload.inject(into: Array(html.utf8), generation: 7), as: UTF8.self)
        }
        let script = LiveReload.script(generation: 7)
        XCTAssertEqual(inject("<p>a</p></BODY></html>"), "<p>a</p>" + script + "</BODY></html>")
        XCTAssertEqual(inject("<p>geen body</p>"), "<p>geen body</p>" + script)
        XCTAssertEqual(inject("</body><p></body>"), "</body><p>" + script + "</body>", "before the last one")
    }

    func testEventWireFormat() {
        let event = ServerSentEvent(name: "builderror", data: "een\ntwee\r", retry: 500)
        XCTAssertEqual(
            String(decoding: event.encoded, as: UTF8.self), "retry: 500\nevent: builderror\ndata: een\ndata: twee\n\n")
        XCTAssertEqual(String(decoding: ServerSentEvent(data: "x").encoded, as: UTF8.self), "data: x\n\n")
    }

    func testBuildErrorEventIsAJSONArrayOfInertText() {
        let event = LiveReload.errorEvent([Diagnostic(.error, "<x> & 'y'", file: "content/a.md")])
        XCTAssertEqual(event.name, "builderror")
        XCTAssertTrue(event.data.hasPrefix("[\"content/a.md: "), event.data)
        XCTAssertTrue(event.data.contains("\\u003cx\\u003e \\u0026 \\u0027y\\u0027"), event.data)
    }
}

final class Flag: @unchecked Sendable {
    private let condition = NSCondition()
    private var value = false
    private var finished = false

    var isSet: Bool {
        condition.lock()
        defer { condition.unlock() }
        return value
    }

    func set() {
        condition.lock()
        value = true
        condition.unlock()
    }

    func finish() {
        condition.lock()
        finished = true
        condition.broadcast()
        condition.unlock()
    }

    func waitFinished() {
        condition.lock()
        while !finished { condition.wait() }
        condition.unlock()
    }
}
