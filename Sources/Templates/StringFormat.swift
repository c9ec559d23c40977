import Foundation

/// Python's `str.format`: `'{} van {}'.format(a, b)`, `'{naam}: {bedrag:,.2f}'.format(...)`, with the
/// common part of the format mini-language: fill and alignment, sign, `0`, width, `,`/`_` grouping,
/// precision and the types `s d f F e E g G % x X o b`.
enum StringFormat {
    static func format(_ template: String, _ arguments: Arguments) throws -> String {
        var out = ""
        var scalars = Array(template.unicodeScalars)[...]
        var automatic = 0
        while let c = scalars.popFirst() {
            if c == "}" {
                guard scalars.first == "}" else { throw TemplateRuntimeError("format(): enkele '}' in de opmaak") }
                scalars.removeFirst()
                out += "}"
                continue
            }
            guard c == "{" else {
                out.unicodeScalars.append(c)
                continue
            }
            if scalars.first == "{" {
                scalars.removeFirst()
                out += "{"
                continue
            }
            var field = ""
            var depth = 0
            var closed = false
            while let d = scalars.popFirst() {
                if d == "{" { depth += 1 }
                if d == "}" {
                    if depth == 0 {
                        closed = true
                        break
                    }
                    depth -= 1
                }
                field.unicodeScalars.append(d)
            }
            if !closed { throw TemplateRuntimeError("format(): '{' zonder '}' in de opmaak") }
            var spec = ""
            if let colon = field.firstIndex(of: ":") {
                spec = String(field[field.index(after: colon)...])
                field = String(field[..<colon])
            }
            var conversion: Character?
            if let bang = field.firstIndex(of: "!") {
                conversion = field[field.index(after: bang)...].first
                field = String(field[..<bang])
            }
            // `{0[naam]}` and `{0.attribuut}` after the argument name or number.
            let headEnd = field.firstIndex(where: { $0 == "." || $0 == "[" }) ?? field.endIndex
            let head = String(field[..<headEnd])
            var rest = field[headEnd...]
            var value: Value
            if head.isEmpty {
                guard automatic < arguments.positional.count else {
                    throw TemplateRuntimeError("format(): te weinig argumenten")
                }
                value = arguments.positional[automatic]
                automatic += 1
            } else if let index = Int(head) {
                guard index >= 0 && index < arguments.positional.count else {
                    throw TemplateRuntimeError("format(): geen argument \(index)")
                }
                value = arguments.positional[index]
            } else {
                guard let named = arguments.keyword.first(where: { $0.0 == head })?.1 else {
                    throw TemplateRuntimeError("format(): geen argument '\(head)'")
                }
                value = named
            }
            while let first = rest.first {
                rest = rest.dropFirst()
                let end = rest.firstIndex(where: { $0 == "." || $0 == "[" || $0 == "]" }) ?? rest.endIndex
                let key = String(rest[..<end])
                rest = rest[end...]
                if first == "[" {
                    guard rest.first == "]" else {
                        throw TemplateRuntimeError("format(): ']' ontbreekt in '{\(field)}'")
                    }
                    rest = rest.dropFirst()
                    value = try Access.item(value, Int(key).map { .int($0) } ?? .string(key), described: "het argument")
                } else {
                    if case .dict = value {
                        throw TemplateRuntimeError(
                            "format(): een woordenboek heeft geen attribuut '\(key)'; schrijf {…[\(key)]}")
                    }
                    value = Access.attribute(value, key, described: "het argument")
                }
            }
            if case .undefined(let reason) = value { throw TemplateRuntimeError(reason.description) }
            switch conversion {
            case "r": value = .string(value.repr)
            case "s": value = .string(value.printed)
            default: break
            }
            out += try apply(spec, to: value)
        }
        return out
    }

    /// One replacement field's format spec applied to a value.
    static func apply(_ spec: String, to value: Value) throws -> String {
        var chars = Array(spec)[...]
        var fill: Character = " "
        var align: Character?
        if chars.count >= 2, "<>=^".contains(chars[chars.startIndex + 1]) {
            fill = chars.removeFirst()
            align = chars.removeFirst()
        } else if let first = chars.first, "<>=^".contains(first) {
            align = chars.removeFirst()
        }
        var sign: Character = "-"
        if let first = chars.first, "+- ".contains(first) { sign = chars.removeFirst() }
        var alternate = false
        if chars.first == "#" {
            chars.removeFirst()
            alternate = true
        }
        if chars.first == "0" {
            chars.removeFirst()
            if align == nil {
                fill = "0"
                align = "="
            }
        }
        // Widths and precisions of more than five digits are refused below; counting them stops there, so
        // twenty digits cannot overflow. Only ASCII digits count ('万' has a whole-number value too).
        func number() -> Int {
            var n = 0
            while let d = chars.first, d.isASCII, let digit = d.wholeNumberValue {
                if n <= 100_000 { n = n * 10 + digit }
                chars.removeFirst()
            }
            return n
        }
        let width = number()
        var grouping: Character?
        if let first = chars.first, first == "," || first == "_" { grouping = chars.removeFirst() }
        var precision: Int?
        if chars.first == "." {
            chars.removeFirst()
            precision = number()
        }
        let type = chars.popFirst()
        guard chars.isEmpty, width <= 10_000, (precision ?? 0) <= 100 else {
            throw TemplateRuntimeError("format(): opmaak '\(spec)' wordt niet ondersteund")
        }

        var body: String
        var negative = false
        let isNumber = value.isNumber || { if case .bool = value { return true } else { return false } }()
        switch (type, value.asIntegerIfBool ?? value) {
        case (nil, _) where !isNumber, ("s", _):
            guard type == nil || !isNumber else { throw TemplateRuntimeError("format(): 's' past niet bij een getal") }
            body = value.printed
            if let precision { body = String(body.prefix(precision)) }
        case (nil, .int(let i)), ("d", .int(let i)):
            negative = i < 0
            body = group(String(i.magnitude), grouping)
        case ("x", .int(let i)), ("X", .int(let i)), ("o", .int(let i)), ("b", .int(let i)):
            negative = i < 0
            body = String(i.magnitude, radix: type == "o" ? 8 : type == "b" ? 2 : 16, uppercase: type == "X")
            if alternate { body = "0" + String(type!) + body }
        default:
            guard let number = value.doubleValue else {
                throw TemplateRuntimeError("format(): '\(type.map(String.init) ?? "")' past niet bij \(value.typeName)")
            }
            negative = number < 0 || (number == 0 && number.sign == .minus)
            let magnitude = abs(number)
            switch type {
            case "f", "F": body = fixed(magnitude, precision ?? 6, grouping)
            case "%": body = fixed(magnitude * 100, precision ?? 6, grouping) + "%"
            case "e", "E":
                body = String(format: "%.\(precision ?? 6)e", magnitude)
                if type == "E" { body = body.uppercased() }
            case "g", "G":
                body = String(format: "%.\(max(1, precision ?? 6))g", magnitude)
                if type == "G" { body = body.uppercased() }
            case nil:
                body = precision.map { String(format: "%.\(max(1, $0))g", magnitude) } ?? PythonFormat.float(magnitude)
                if case .int = value.asIntegerIfBool ?? value { body = group(body, grouping) }
            default:
                throw TemplateRuntimeError("format(): type '\(type!)' wordt niet ondersteund")
            }
        }
        var prefix = ""
        if isNumber {
            if negative { prefix = "-" } else if sign == "+" { prefix = "+" } else if sign == " " { prefix = " " }
        }
        let length = prefix.count + body.count
        guard width > length else { return prefix + body }
        let padding = width - length
        switch align ?? (isNumber ? ">" : "<") {
        case "<": return prefix + body + String(repeating: fill, count: padding)
        case "^":
            let left = padding / 2
            return String(repeating: fill, count: left) + prefix + body + String(repeating: fill, count: padding - left)
        case "=": return prefix + String(repeating: fill, count: padding) + body
        default: return String(repeating: fill, count: padding) + prefix + body
        }
    }

    private static func fixed(_ value: Double, _ precision: Int, _ grouping: Character?) -> String {
        let text = String(format: "%.\(precision)f", value)
        guard grouping != nil else { return text }
        let parts = text.split(separator: ".", maxSplits: 1)
        return group(String(parts[0]), grouping) + (parts.count > 1 ? "." + parts[1] : "")
    }

    private static func group(_ digits: String, _ separator: Character?) -> String {
        guard let separator, digits.allSatisfy(\.isNumber) else { return digits }
        var out = ""
        for (i, ch) in digits.enumerated() {
            if i > 0 && (digits.count - i) % 3 == 0 { out.append(separator) }
            out.append(ch)
        }
        return out
    }
}
