import Foundation
import TestSupport
import XCTest

@testable import Server

/// Runs the injected live-reload script in Node with a stub DOM and EventSource, to check what it does
/// in a browser: reload on a newer build only, the error overlay as text, hidden tabs letting go of
/// their connection.
final class LiveReloadScriptTests: XCTestCase {
    private static let harness = #"""
        const fs = require("fs");
        const source = fs.readFileSync(process.argv[2], "utf8").replace(/^<script>/, "").replace(/<\/script>$/, "");
        class Element {
          constructor(tag) { this.tagName = tag; this.children = []; this.style = {}; this.attributes = {}; this.text = ""; this.id = ""; }
          appendChild(child) { this.children.push(child); return child; }
          setAttribute(key, value) { this.attributes[key] = value; }
          getAttribute(key) { return key in this.attributes ? this.attributes[key] : null; }
          set textContent(value) { this.text = String(value); this.children = []; }
          get textContent() { return this.text + this.children.map(c => c.textContent).join("\n"); }
          set innerHTML(value) { throw new Error("innerHTML must not be used"); }
        }
        const body = new Element("body");
        body.setAttribute("data-bron", "content/best-practices/<b>x</b>.md");
        const editLink = new Element("a");
        editLink.setAttribute("href", "https://github.com/org/site/edit/main/content/best-practices/x.md");
        const find = (node, id) => node.id === id ? node : node.children.map(c => find(c, id)).find(Boolean);
        const docListeners = {};
        global.document = {
          hidden: false, body, documentElement: body,
          getElementById: id => find(body, id) || null,
          createElement: tag => new Element(tag),
          querySelector: selector => selector === ".edit-link a" ? editLink : null,
          addEventListener: (name, fn) => { docListeners[name] = fn; },
        };
        let reloads = 0;
        global.location = { reload: () => { reloads += 1; } };
        const streams = [];
        global.EventSource = class {
          constructor(url) { this.url = url; this.handlers = {}; this.closed = false; streams.push(this); }
          addEventListener(name, fn) { this.handlers[name] = fn; }
          close() { this.closed = true; }
          emit(name, data) { this.handlers[name]({ data }); }
        };
        eval(source);
        const steps = {};
        const hint = document.getElementById("breingen-bewerk");
        steps.hint = hint && [hint.tagName, hint.attributes.href, hint.textContent, hint.style.cssText.includes("position:fixed")];
        steps.url = streams[0].url;
        streams[0].emit("hello", "7");
        steps.reloadsAfterSameHello = reloads;
        streams[0].emit("builderror", JSON.stringify(["content/a.md:3:1: error: <b>vet</b> & meer", "tweede"]));
        const overlay = document.getElementById("breingen-bouwfout");
        steps.overlayTags = overlay.children.map(c => c.tagName);
        steps.overlayText = overlay.textContent;
        document.hidden = true; docListeners.visibilitychange();
        steps.closedWhenHidden = streams[0].closed;
        document.hidden = false; docListeners.visibilitychange();
        steps.streamsAfterShown = streams.length;
        streams[1].emit("reload", "8");
        steps.reloadsAfterNewer = reloads;
        steps.closedAfterReload = streams[1].closed;
        console.log(JSON.stringify(steps));
        """#

    func testScriptReloadsOnNewerBuildsAndShowsErrorsAsText() throws {
        // .ci/run installs node; elsewhere the note says what did not run.
        guard let node = ExternalTool.find("node", or: ["nodejs"], skipping: "the run of the live-reload script") else {
            return
        }
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("breingen-js-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let harness = folder.appendingPathComponent("harness.js")
        let script = folder.appendingPathComponent("script.html")
        try Data(LiveReloadScriptTests.harness.utf8).write(to: harness)
        try Data(LiveReload.script(generation: 7).utf8).write(to: script)

        let (status, output, errors) = try ExternalTool.runSeparately(node, [harness.path, script.path])
        XCTAssertEqual(status, 0, errors)

        let steps = try XCTUnwrap(JSONSerialization.jsonObject(with: output) as? [String: Any], errors)
        XCTAssertEqual(steps["url"] as? String, "/__breingen/events")
        XCTAssertEqual(steps["reloadsAfterSameHello"] as? Int, 0)
        // The page's content file: in the overlay, and as a small "bewerk" hint linking to the web editor.
        XCTAssertEqual(steps["overlayTags"] as? [String], ["h2", "p", "pre", "pre"])
        let hint = try XCTUnwrap(steps["hint"] as? [Any])
        XCTAssertEqual(hint[0] as? String, "a")
        XCTAssertEqual(hint[1] as? String, "https://github.com/org/site/edit/main/content/best-practices/x.md")
        XCTAssertEqual(
            hint[2] as? String, "bewerk: content/best-practices/<b>x</b>.md", "the file name is text, not markup")
        XCTAssertEqual(hint[3] as? Bool, true)
        let text = try XCTUnwrap(steps["overlayText"] as? String)
        XCTAssertTrue(text.contains("Deze pagina komt uit content/best-practices/<b>x</b>.md"), text)
        XCTAssertTrue(text.contains("content/a.md:3:1: error: <b>vet</b> & meer"), text)
        XCTAssertTrue(text.contains("Bouwfout"), text)
        XCTAssertEqual(steps["closedWhenHidden"] as? Bool, true)
        XCTAssertEqual(steps["streamsAfterShown"] as? Int, 2)
        XCTAssertEqual(steps["reloadsAfterNewer"] as? Int, 1)
        XCTAssertEqual(steps["closedAfterReload"] as? Bool, true)
    }
}
