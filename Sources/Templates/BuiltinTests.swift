import Foundation

/// The tests of `x is name`: Jinja2's built-ins.
enum BuiltinTests {
    static func register(in environment: Environment) {
        func add(
            _ name: String, _ parameters: [String], acceptsUndefined: Bool = false,
            _ body: @escaping (Value, FilterArguments) throws -> Bool
        ) {
            environment.setTest(
                name,
                TestFunction(acceptsUndefined: acceptsUndefined) { value, arguments in
                    try body(value, try FilterArguments(arguments, parameters, owner: "test '\(name)'"))
                })
        }
        add("defined", [], acceptsUndefined: true) { value, _ in !value.isUndefined }
        add("undefined", [], acceptsUndefined: true) { value, _ in value.isUndefined }
        add("none", [], acceptsUndefined: true) { value, _ in value.isNone }
        add("boolean", [], acceptsUndefined: true) { value, _ in
            if case .bool = value { return true } else { return false }
        }
        add("true", [], acceptsUndefined: true) { value, _ in
            if case .bool(true) = value { return true } else { return false }
        }
        add("false", [], acceptsUndefined: true) { value, _ in
            if case .bool(false) = value { return true } else { return false }
        }
        add("number", [], acceptsUndefined: true) { value, _ in
            switch value {
            case .int, .double, .decimal, .bool: return true
            default: return false
            }
        }
        add("integer", [], acceptsUndefined: true) { value, _ in
            if case .int = value { return true } else { return false }
        }
        add("float", [], acceptsUndefined: true) { value, _ in
            if case .double = value { return true } else { return false }
        }
        add("string", [], acceptsUndefined: true) { value, _ in value.stringValue != nil }
        add("mapping", [], acceptsUndefined: true) { value, _ in
            if case .dict = value { return true } else { return false }
        }
        add("callable", [], acceptsUndefined: true) { value, _ in
            if case .callable = value { return true } else { return false }
        }
        add("iterable", []) { value, _ in
            switch value {
            case .list, .tuple, .dict, .string, .safe: return true
            default: return false
            }
        }
        add("sequence", []) { value, _ in
            switch value {
            case .list, .tuple, .dict, .string, .safe: return true
            default: return false
            }
        }
        add("escaped", []) { value, _ in value.isSafe }
        func integer(_ value: Value, _ test: String) throws -> Int {
            switch value.asIntegerIfBool ?? value {
            case .int(let i): return i
            case .double(let d) where d.rounded() == d && abs(d) < 9e18: return Int(d)
            default: throw TemplateRuntimeError("test '\(test)' verwacht een geheel getal, kreeg \(value.typeName)")
            }
        }
        add("odd", []) { value, _ in try integer(value, "odd") % 2 != 0 }
        add("even", []) { value, _ in try integer(value, "even") % 2 == 0 }
        add("divisibleby", ["num"]) { value, a in
            let n = try integer(try a.require("num"), "divisibleby")
            if n == 0 { throw TemplateRuntimeError("divisibleby(0): deling door nul") }
            return try integer(value, "divisibleby") % n == 0
        }
        add("sameas", ["other"], acceptsUndefined: true) { value, a in
            let other = try a.require("other")
            switch (value, other) {
            case (.none, .none): return true
            case (.bool(let x), .bool(let y)): return x == y
            case (.callable(let x), .callable(let y)): return x === y
            case (.object(let x), .object(let y)): return x === y
            case (.int(let x), .int(let y)): return x == y && x >= -5 && x <= 256  // CPython's small-int cache.
            default: return false
            }
        }
        add("in", ["seq"]) { value, a in try Operators.contains(try a.require("seq"), value) }
        let eq: (Value, FilterArguments) throws -> Bool = { value, a in Operators.equal(value, try a.require("other")) }
        add("eq", ["other"], eq)
        add("equalto", ["other"], eq)
        add("==", ["other"], eq)
        add("ne", ["other"]) { value, a in !Operators.equal(value, try a.require("other")) }
        add("lt", ["other"]) { value, a in try Operators.less(value, try a.require("other")) }
        add("lessthan", ["other"]) { value, a in try Operators.less(value, try a.require("other")) }
        add("gt", ["other"]) { value, a in try Operators.less(try a.require("other"), value) }
        add("greaterthan", ["other"]) { value, a in try Operators.less(try a.require("other"), value) }
        add("le", ["other"]) { value, a in
            let other = try a.require("other")
            return try Operators.less(value, other) || Operators.equal(value, other)
        }
        add("ge", ["other"]) { value, a in
            let other = try a.require("other")
            return try Operators.less(other, value) || Operators.equal(value, other)
        }
        add("lower", []) { value, _ in value.text == value.text.lowercased() }
        add("upper", []) { value, _ in value.text == value.text.uppercased() }
    }
}
