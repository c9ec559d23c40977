import DataFormats
import Foundation
import Markdown
import Templates

/// The site's filters on top of Jinja2's: slugify, Dutch dates, amounts and numbers, URLs against the
/// base URL, reading time and Markdown. The site build and `breingen render` register the same ones.
public enum SiteFilters {
    /// Registers the filters in `environment`; `absurl` and `relurl` work against `baseURL`.
    public static func register(in environment: Environment, baseURL: String) {
        environment.registerFilter("slugify", parameters: []) { value, _ in .string(Slug.make(text(value))) }
        environment.registerFilter("date", parameters: ["format"]) { value, a in
            let format = try a.string("format", "%-d %B %Y") ?? "%-d %B %Y"
            return .string(DutchFormat.date(try date(value), format: format))
        }
        environment.registerFilter("euro", parameters: ["cents"]) { value, a in
            .string(DutchFormat.euro(try decimal(value, "euro"), cents: a.bool("cents", false)))
        }
        environment.registerFilter("number", parameters: ["decimals"]) { value, a in
            .string(DutchFormat.number(try decimal(value, "number"), decimals: try decimals(a, "number")))
        }
        environment.registerFilter("percent", parameters: ["decimals"]) { value, a in
            .string(DutchFormat.percent(try decimal(value, "percent"), decimals: try decimals(a, "percent")))
        }
        environment.registerFilter("absurl", parameters: []) { value, _ in
            .string(URLs.absolute(text(value), base: baseURL))
        }
        environment.registerFilter("relurl", parameters: []) { value, _ in
            .string(URLs.relative(text(value), base: baseURL))
        }
        environment.registerFilter("readingtime", parameters: ["words_per_minute"]) { value, a in
            let perMinute = max(1, try a.int("words_per_minute", 200))
            let words = TextFilters.wordcount(TextFilters.striptags(text(value)))
            // Rounded up without `words + perMinute - 1`, which overflows for a huge words_per_minute.
            return .int(max(1, words / perMinute + (words % perMinute == 0 ? 0 : 1)))
        }
        // The site's Markdown (typographic quotes and dashes, ids on headings), not escaped again.
        environment.registerFilter("markdown", parameters: []) { value, _ in
            .safe(Markdown.html(text(value), options: MarkdownBridge.options))
        }
    }

    /// Text for filters that work on strings: safe text as it is, anything else as it prints.
    private static func text(_ value: Value) -> String { value.stringValue ?? value.printed }

    private static func decimal(_ value: Value, _ filter: String) throws -> Decimal {
        var result: Decimal?
        switch value {
        case .int(let i): result = Decimal(i)
        case .decimal(let d): result = d
        case .double(let d):
            // Decimal(Double.infinity) traps; beyond Decimal's range (about 1e165) it gives NaN.
            guard d.isFinite else { break }
            result = Decimal(string: String(d)) ?? Decimal(d)
        case .string(let s), .safe(let s):
            result = Decimal(string: s.trimmingCharacters(in: .whitespaces), locale: Locale(identifier: "en_US_POSIX"))
        default: break
        }
        if let result, !result.isNaN { return result }
        switch value {
        case .int, .double, .decimal:
            throw TemplateRuntimeError(
                "filter '\(filter)': \(value.repr) is geen eindig getal dat als bedrag of getal te schrijven is")
        default:
            throw TemplateRuntimeError("filter '\(filter)' verwacht een getal, kreeg \(value.typeName) \(value.repr)")
        }
    }

    /// The `decimals` argument: 0 to 38 (a Decimal's precision), or nil when not given.
    private static func decimals(_ a: FilterArguments, _ filter: String) throws -> Int? {
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
                (1...YAMLDate.days(inMonth: parts[1], year: parts[0])).contains(parts[2])
            {
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
