import Diagnostics
import Escaping

/// The live-reload glue of serve mode: a small inline script injected into HTML at serve time (never
/// into built files) that listens on an event stream, reloads when a newer build is served and shows
/// build errors as an overlay.
enum LiveReload {
    /// The event-stream endpoint; far from any path a site would use.
    static let eventsPath = "/__breingen/events"

    /// The script for a page of build `generation`. Errors are put in the page with `textContent` only,
    /// so a message containing markup is shown, never interpreted. Hidden tabs close their stream (a
    /// browser allows only six connections per server) and reconnect when shown again; the `hello`
    /// event then tells them whether a newer build appeared meanwhile.
    ///
    /// For editors: a page built from a content file names it (`data-bron` on `<body>`). The script then
    /// shows a small "bewerk" hint in a corner with that file (a link to the web editor when the page
    /// has "Bewerk deze pagina"), and the build-error overlay says which file the page comes from.
    static func script(generation: Int) -> String {
        """
        <script>/* breingen serve: live reload */(function(){var g="\(generation)",s=null,d=document,\
        b=d.body&&d.body.getAttribute("data-bron");\
        function f(e){if(e.data!==g){s.close();location.reload()}}\
        function x(e){var m=JSON.parse(e.data),o=d.getElementById("breingen-bouwfout");\
        if(!o){o=d.createElement("div");o.id="breingen-bouwfout";o.setAttribute("role","alert");\
        o.style.cssText="position:fixed;inset:0;z-index:2147483647;overflow:auto;margin:0;padding:2rem;\
        background:rgba(40,0,0,.95);color:#fff;font:14px/1.5 ui-monospace,Menlo,Consolas,monospace";\
        (d.body||d.documentElement).appendChild(o)}o.textContent="";\
        var h=d.createElement("h2");h.textContent="Bouwfout \\u2014 je ziet de laatste gelukte versie";\
        h.style.cssText="font:bold 18px sans-serif;margin:0 0 1rem";o.appendChild(h);\
        if(b){var q=d.createElement("p");q.textContent="Deze pagina komt uit "+b;q.style.cssText="margin:0 0 1rem";o.appendChild(q)}\
        m.forEach(function(t){var p=d.createElement("pre");p.style.cssText="white-space:pre-wrap;margin:0 0 1rem";\
        p.textContent=t;o.appendChild(p)})}\
        function k(){if(!b||d.getElementById("breingen-bewerk"))return;var l=d.querySelector(".edit-link a"),\
        a=d.createElement(l?"a":"p");a.id="breingen-bewerk";if(l)a.setAttribute("href",l.getAttribute("href"));\
        a.textContent="bewerk: "+b;a.style.cssText="position:fixed;right:.5rem;bottom:.5rem;z-index:2147483646;\
        margin:0;padding:.2rem .5rem;border-radius:4px;background:#1b1b1b;color:#fff;font:12px/1.4 ui-monospace,Menlo,Consolas,monospace;\
        text-decoration:none;opacity:.85";d.body.appendChild(a)}\
        function c(){s=new EventSource("\(eventsPath)");s.addEventListener("hello",f);\
        s.addEventListener("reload",f);s.addEventListener("builderror",x)}\
        d.addEventListener("visibilitychange",function(){if(d.hidden){if(s){s.close();s=null}}else if(!s)c()});\
        k();if(!d.hidden)c()})();</script>
        """
    }

    /// The page with the script inserted before its last `</body>`, or appended when there is none.
    static func inject(into html: [UInt8], generation: Int) -> [UInt8] {
        let script = Array(LiveReload.script(generation: generation).utf8)
        let closing = Array("</body".utf8)
        var position = html.count
        if html.count >= closing.count {
            var i = html.count - closing.count
            while i >= 0 {
                var match = true
                for j in 0..<closing.count where asciiLowercase(html[i + j]) != closing[j] {
                    match = false
                    break
                }
                if match {
                    position = i
                    break
                }
                i -= 1
            }
        }
        var out: [UInt8] = []
        out.reserveCapacity(html.count + script.count)
        out.append(contentsOf: html[..<position])
        out.append(contentsOf: script)
        out.append(contentsOf: html[position...])
        return out
    }

    /// The `builderror` event: the diagnostics as plain compiler-style text, in a JSON array.
    static func errorEvent(_ diagnostics: [Diagnostic]) -> ServerSentEvent {
        let texts = diagnostics.map { DiagnosticFormatter(useColor: false).format($0) }
        var json: [UInt8] = []
        JSONEscaper.appendArray(texts, style: .htmlSafe, to: &json)
        return ServerSentEvent(name: "builderror", data: String(decoding: json, as: UTF8.self))
    }

    /// The page served for every path while no build has succeeded yet: the errors, escaped, and the
    /// script that reloads once a build works.
    static func errorPage(_ diagnostics: [Diagnostic]) -> HTTPResponse {
        var html = "<!DOCTYPE html>\n<html lang=\"nl\"><head><meta charset=\"utf-8\"><title>Bouwfout</title></head>"
        html += "<body style=\"font:14px/1.5 monospace;margin:2rem\"><h1>De site kon niet gebouwd worden</h1>"
        html += "<p>Verbeter de fout hieronder; de pagina laadt vanzelf opnieuw.</p>"
        for diagnostic in diagnostics {
            html +=
                "<pre style=\"white-space:pre-wrap\">"
                + HTMLEscaper.escape(DiagnosticFormatter(useColor: false).format(diagnostic)) + "</pre>"
        }
        html += script(generation: 0) + "</body></html>\n"
        return HTTPResponse(
            status: 500,
            headers: [
                HTTPHeader("Content-Type", "text/html; charset=utf-8"),
                HTTPHeader("Cache-Control", "no-store"),
            ], body: Array(html.utf8))
    }
}
