import DataFormats
import Foundation
import Markdown

/// Our filters on top of Jinja2's: slugify, Dutch dates, amounts and numbers, URLs, reading time.
/// `markdown` is registered by the host (the Site module), since the Markdown engine lives there.
enum SiteFilters {
    static func register(in environment: Environment) {
        func add(_ name: String, _ parameters: [String], _ body: @escaping BuiltinFilters.Body) {
            environment.setFilter(name, FilterFunction { value, arguments, call in
                try body(value, try BoundArguments(arguments, parameters, owner: "filter '\(name)'"), call)
            })
        }
        add("slugify", []) { value, _, _ in .string(Slug.make(value.text)) }
        add("date", ["format"]) { value, a, _ in
            let format = try a.string("format", "%-d %B %Y") ?? "%-d %B %Y"
            return .string(DutchFormat.date(try date(value), format: format))
        }
        add("euro", ["cents"]) { value, a, _ in
            .string(DutchFormat.euro(try decimal(value, "euro"), cents: a.bool("cents", false)))
        }
        add("number", ["decimals"]) { value, a, _ in
            .string(DutchFormat.number(try decimal(value, "number"), decimals: try decimals(a, "number")))
        }
        add("percent", ["decimals"]) { value, a, _ in
            .string(DutchFormat.percent(try decimal(value, "percent"), decimals: try decimals(a, "percent")))
        }
        add("absurl", []) { value, _, call in .string(URLs.absolute(value.text, base: call.renderer.environment.baseURL)) }
        add("relurl", []) { value, _, call in .string(URLs.relative(value.text, base: call.renderer.environment.baseURL)) }
        add("readingtime", ["words_per_minute"]) { value, a, _ in
            let perMinute = max(1, try a.int("words_per_minute", 200))
            let words = TextFilters.wordcount(TextFilters.striptags(value.text))
            // Rounded up without `words + perMinute - 1`, which overflows for a huge words_per_minute.
            return .int(max(1, words / perMinute + (words % perMinute == 0 ? 0 : 1)))
        }
    }

    private static func decimal(_ value: Value, _ filter: String) throws -> Decimal {
        var result: Decimal?
        switch value {
        case .int(let i): result = Decimal(i)
        case .decimal(let d): result = d
        case .double(let d):
            // Decimal(Double.infinity) traps; beyond Decimal's range (about 1e165) it gives NaN.
            guard d.isFinite else { break }
            result = Decimal(string: PythonFormat.float(d)) ?? Decimal(d)
        case .string(let s), .safe(let s):
            result = Decimal(string: s.trimmingCharacters(in: .whitespaces), locale: Locale(identifier: "en_US_POSIX"))
        default: break
        }
        if let result, !result.isNaN { return result }
        if value.isNumber {
            throw TemplateRuntimeError("filter '\(filter)': \(value.repr) is geen eindig getal dat als bedrag of getal te schrijven is")
        }
        throw TemplateRuntimeError("filter '\(filter)' verwacht een getal, kreeg \(value.typeName) \(value.repr)")
    }

    /// The `decimals` argument: 0 to 38 (a Decimal's precision), or nil when not given.
    private static func decimals(_ a: BoundArguments, _ filter: String) throws -> Int? {
        guard a["decimals"] != nil else { return nil }
        let decimals = try a.int("decimals", 0)
        guard (0...38).contains(decimals) else {
            throw TemplateRuntimeError("filter '\(filter)': aantal decimalen \(decimals) moet van 0 tot en met 38 zijn")
        }
        return decimals
    }

    private static func date(_ value: Value) throws -> YAMLDate {
        switch value {
        case .date(let d): return d
        case .string(let s), .safe(let s):
            let parts = s.prefix(10).split(separator: "-").compactMap { Int($0) }
            if parts.count == 3, parts[0] >= 1, (1...12).contains(parts[1]),
                (1...YAMLDate.days(inMonth: parts[1], year: parts[0])).contains(parts[2]) {
                return YAMLDate(year: parts[0], month: parts[1], day: parts[2])
            }
            throw TemplateRuntimeError("filter 'date' verwacht een datum als JJJJ-MM-DD, kreeg '\(s)'")
        default:
            throw TemplateRuntimeError("filter 'date' verwacht een datum, kreeg \(value.typeName)")
        }
    }
}

/// `absurl` and `relurl` against the site's base URL, as Hugo does.
public enum URLs {
    /// `https://example.org/brein/` + `css/site.css` → `https://example.org/brein/css/site.css`.
    /// Full URLs (with a scheme) are returned unchanged.
    public static func absolute(_ path: String, base: String) -> String {
        if path.contains("://") || path.hasPrefix("mailto:") { return path }
        return join(base, path)
    }

    /// The path part of the base URL + `path`: `/brein/css/site.css`.
    public static func relative(_ path: String, base: String) -> String {
        if path.contains("://") || path.hasPrefix("mailto:") { return path }
        var basePath = base
        if let scheme = base.range(of: "://") {
            let afterHost = base[scheme.upperBound...]
            basePath = afterHost.firstIndex(of: "/").map { String(afterHost[$0...]) } ?? "/"
        }
        if !basePath.hasPrefix("/") { basePath = "/" + basePath }
        return join(basePath, path)
    }

    private static func join(_ base: String, _ path: String) -> String {
        let trimmedBase = base.hasSuffix("/") ? String(base.dropLast()) : base
        let trimmedPath = path.hasPrefix("/") ? String(path.dropFirst()) : path
        return trimmedBase + "/" + trimmedPath
    }
}
