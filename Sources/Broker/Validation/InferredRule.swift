/// The rule `ParamSchema(inferring:)` derives for one value from its Swift type, kept structured
/// until the refinements are in, then written in the validator's schema language.
struct InferredRule {
    indirect enum Kind {
        /// A type the shorthand can say alone: `"string"`, `"number|integer"`, `"object"`.
        case plain(String)
        /// `{type: "enum", values}`.
        case enumeration([JSON])
        /// `{type: "array", items}`; a plain `"array"` when the type decoded no element.
        case array(InferredRule?)
        /// `{type: "object", props}`.
        case object([String: InferredRule])
    }

    var kind: Kind
    var optional = false
    var nullable = false
    /// Shorthand options appended by the caller's rules: `"min:1|max:100"`.
    var refinements: [String] = []

    init(_ kind: Kind) {
        self.kind = kind
    }

    /// The rule as a shorthand string when its type needs no nested schema, else in object form
    /// with the shorthand's options. `optional` already lets `null` through, so `nullable` is
    /// written only for a value that must be present.
    var json: JSON {
        var parts = [typeName]
        if optional {
            parts.append("optional")
        } else if nullable {
            parts.append("nullable")
        }
        let shorthand = (parts + refinements).joined(separator: "|")
        let nested: (key: String, value: JSON)
        switch kind {
        case .plain, .array(nil): return .string(shorthand)
        case .enumeration(let values): nested = ("values", .array(values))
        case .array(let items?): nested = ("items", items.json)
        case .object(let props): nested = ("props", .object(props.mapValues(\.json)))
        }
        var members = ShorthandRule.expand(shorthand)
        members[nested.key] = nested.value
        return .object(members)
    }

    private var typeName: String {
        switch kind {
        case .plain(let type): type
        case .enumeration: "enum"
        case .array: "array"
        case .object: "object"
        }
    }

    /// The validator's types that check strings: a refinement of a `String` field may start
    /// with one of them to replace `"string"` (`"email|max:100"`).
    static let stringTypes: Set<String> = ["email", "url", "uuid"]

    /// Appends `refinement` to the rule at `path` below this one: `["address", "zip"]` is a prop
    /// of a prop, `"[]"` an array's items. `false` when there is no rule at `path`.
    mutating func refine(_ path: ArraySlice<String>, with refinement: String) -> Bool {
        guard let step = path.first else {
            var options = refinement.split(separator: "|").map(String.init)
            if case .plain("string") = kind, let type = options.first, Self.stringTypes.contains(type) {
                kind = .plain(type)
                options.removeFirst()
            }
            refinements += options
            return true
        }
        switch kind {
        case .array(var items?) where step == "[]":
            guard items.refine(path.dropFirst(), with: refinement) else { return false }
            kind = .array(items)
            return true
        case .object(var props):
            guard Self.refine(&props, at: path, with: refinement) else { return false }
            kind = .object(props)
            return true
        default:
            return false
        }
    }

    /// Appends `refinement` to the rule at `path` in `props`, whose first step names the prop.
    static func refine(_ props: inout [String: InferredRule], at path: ArraySlice<String>, with refinement: String) -> Bool {
        guard let name = path.first, var prop = props[name], prop.refine(path.dropFirst(), with: refinement) else {
            return false
        }
        props[name] = prop
        return true
    }

    /// The steps of a rules key, written as the validator writes field paths:
    /// `"lines[].qty"` is `["lines", "[]", "qty"]`.
    static func path(_ key: String) -> [String] {
        key.split(separator: ".", omittingEmptySubsequences: false).flatMap { component in
            var name = component
            var arrays = 0
            while name.hasSuffix("[]") {
                name = name.dropLast(2)
                arrays += 1
            }
            return [String(name)] + repeatElement("[]", count: arrays)
        }
    }
}
