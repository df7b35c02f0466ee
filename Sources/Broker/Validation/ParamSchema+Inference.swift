extension ParamSchema {
    /// Infers the schema from `type`'s `Decodable` conformance, so that an action's fields are
    /// written once, in its input type, and only refinements are written as rules:
    ///
    /// ```swift
    /// struct WelcomeParams: Decodable, Sendable { let name: String; let age: Int? }
    /// try ParamSchema(inferring: WelcomeParams.self, rules: ["name": "min:1|max:100"])
    /// // ["name": "string|min:1|max:100", "age": "number|integer|optional"]
    /// ```
    ///
    /// `type` is decoded once from placeholder values, with no data, and every key its
    /// `init(from:)` asks for gets the rule of the type it asks for, under the key's wire name
    /// (its `CodingKeys` name):
    /// - `String` is `"string"`, `Bool` `"boolean"`, every fixed-width integer type
    ///   `"number|integer"`, `Double` and `Float` `"number"`, `Date` `"date"` (an ISO 8601 string
    ///   or milliseconds since 1970, as `JSONValueDecoder` reads it), `UUID` `"uuid"`, `URL`
    ///   `"url"`, `Data` `"string|base64"`, `JSON` `"any"`.
    /// - A key read with `decodeIfPresent` (an `Optional` property), or that a hand-written
    ///   `init(from:)` checks with `contains`, adds `optional`; one it checks with `decodeNil`,
    ///   or an `Optional` decoded with `decode`, adds `nullable`.
    /// - An array is `{type: "array", items}`, a nested type `{type: "object", props}`, a
    ///   dictionary a plain `"object"`: its keys are not known before there is data.
    /// - A `CaseIterable` enum with `String` (or `Int`) raw values is `{type: "enum", values}`.
    ///   An enum with raw values that is not `CaseIterable` rejects every placeholder (Swift
    ///   cannot list its cases): make it `CaseIterable`, or pass the schema explicitly.
    ///
    /// `rules` append shorthand options to the inferred rule of a field: `["name": "min:1|max:100"]`
    /// makes `"string"` `"string|min:1|max:100"`. A nested field is written as the validator
    /// writes field paths: `"address.zip"`, `"tags[]"` for an array's items, `"lines[].qty"`.
    /// When `T` is `ActionParams`, its own `rules` come first and `rules` after them, so that an
    /// option given in both takes the value from `rules`.
    ///
    /// A hand-written `init(from:)` is run too, with placeholders chosen to pass ordinary checks:
    /// a non-empty string, the number 1, a `CaseIterable` enum's first case, an array of one
    /// element.
    ///
    /// - Throws: a `ServiceSchemaError` when a rules key names no field of `type`, when a
    ///   refinement does not compile, or when `type` cannot be inferred: it does not decode from
    ///   an object, it contains itself, or its `init(from:)` (or a member's) rejects the
    ///   placeholder values. Pass the schema explicitly for such types.
    public init<T: Decodable>(inferring type: T.Type, rules: [String: String] = [:]) throws(BrokerError) {
        var props = try SchemaRecordingDecoder.props(of: type)
        let ownRules = (type as? any ActionParams.Type)?.rules ?? [:]
        let allRules = ownRules.merging(rules) { own, given in own + "|" + given }
        for (field, refinement) in allRules.sorted(by: { $0.key < $1.key }) {
            guard InferredRule.refine(&props, at: InferredRule.path(field)[...], with: refinement) else {
                throw .invalidParamSchema(field: field, "the rules name a field \(T.self) does not have")
            }
        }
        try self.init(.object(props.mapValues(\.json)))
    }
}
