/// The params an action accepts, in Moleculer's (fastest-validator's) schema language.
///
/// ```swift
/// let schema: ParamSchema = [
///     "name": "string|min:3",
///     "age": ["type": "number", "integer": true, "default": 18],
///     "tags": "string[]|optional",
/// ]
/// let params = try schema.validate(ctx.params)  // defaults applied, conversions done
/// ```
///
/// A rule is a shorthand string (`"string|min:3|max:50"`, `"number|optional"`, `"string[]"`),
/// an object with a `type` and its options, or an array of rules the value must match one of.
/// The top level may set `$$strict` to `true` (unknown keys are errors) or `"remove"` (unknown
/// keys are dropped). The schema is compiled once, here; validating never re-reads it.
public struct ParamSchema: Sendable {
    private let source: JSON
    private let root: ObjectRule

    /// Compiles `schema`, an object mapping each param to its rule.
    /// - Throws: a `ServiceSchemaError` naming the field and what is wrong with its rule.
    public init(_ schema: JSON) throws(BrokerError) {
        guard case .object(var members) = schema else {
            throw .invalidParamSchema(field: "", "a params schema must be an object, got \(schema.typeName)")
        }
        let strict = members.removeValue(forKey: "$$strict")
        root = try ObjectRule(properties: members, strict: strict, field: "")
        source = schema
    }

    /// The schema as it was given, as published to other nodes in `INFO` packets.
    public var json: JSON { source }

    /// Checks `params` against every rule and returns them with defaults applied and conversions
    /// done. Missing params (`null`) count as an empty object.
    /// - Throws: a `ValidationError` (422) whose data lists every failure, not only the first, each
    ///   as `{type, field, message, expected?, actual?}` with fastest-validator's types and messages.
    public func validate(_ params: JSON) throws(BrokerError) -> JSON {
        var value = params.isNull ? [:] : params
        var context = ValidationContext()
        _ = root.check(&value, nil, &context)
        guard context.issues.isEmpty else { throw .validation(fields: context.issues.map(\.json)) }
        return value
    }
}

extension ParamSchema: Hashable {
    /// Schemas are equal when they were written the same.
    public static func == (lhs: ParamSchema, rhs: ParamSchema) -> Bool { lhs.source == rhs.source }

    public func hash(into hasher: inout Hasher) { hasher.combine(source) }
}

extension ParamSchema: ExpressibleByDictionaryLiteral {
    /// A schema written in code: `["name": "string|min:3", "age": "number|optional"]`.
    /// An invalid rule in a literal is a programming error, so it stops the program with the
    /// schema error's message.
    public init(dictionaryLiteral elements: (String, JSON)...) {
        do {
            try self.init(.object(Dictionary(elements, uniquingKeysWith: { _, last in last })))
        } catch {
            preconditionFailure(error.message)
        }
    }
}
