import Broker
import Testing

/// One rule applied to one value, with the failure types expected (empty: the value passes).
struct RuleCase: Sendable, CustomTestStringConvertible {
    let rule: JSON
    let value: JSON
    let failures: [String]

    init(_ rule: JSON, _ value: JSON, _ failures: [String] = []) {
        self.rule = rule
        self.value = value
        self.failures = failures
    }

    var testDescription: String { "\(rule) with \(value)" }
}

/// One rule applied to one valid value, with what the value must become.
struct ConversionCase: Sendable, CustomTestStringConvertible {
    let rule: JSON
    let input: JSON
    let output: JSON

    init(_ rule: JSON, _ input: JSON, _ output: JSON) {
        self.rule = rule
        self.input = input
        self.output = output
    }

    var testDescription: String { "\(rule) turns \(input) into \(output)" }
}

/// The failures of validating `params`, each `{type, field, message, ...}`; empty when valid.
func failures(of params: JSON, against schema: ParamSchema) -> [JSON] {
    do {
        _ = try schema.validate(params)
        return []
    } catch {
        #expect(error.code == .validation)
        #expect(error.status == 422)
        return error.data?.arrayValue ?? []
    }
}

/// The failures of `params` as `"type field"` strings, in the order they were found.
func failureSummary(of params: JSON, against schema: ParamSchema) -> [String] {
    failures(of: params, against: schema).map { "\($0["type"]?.stringValue ?? "?") \($0["field"]?.stringValue ?? "?")" }
}

/// Validates `value` as the param `v` of a one-rule schema and returns the failure types.
func failureTypes(_ rule: JSON, _ value: JSON) throws -> [String] {
    let schema = try ParamSchema(["v": rule])
    return failures(of: ["v": value], against: schema).map { $0["type"]?.stringValue ?? "?" }
}

/// Validates `value` as the param `v` of a one-rule schema and returns what `v` became.
func validated(_ rule: JSON, _ value: JSON) throws -> JSON? {
    try ParamSchema(["v": rule]).validate(["v": value])["v"]
}

/// The single failure of `value` under `rule`, for checking its message and data.
func singleFailure(_ rule: JSON, _ value: JSON) throws -> JSON {
    let found = failures(of: ["v": value], against: try ParamSchema(["v": rule]))
    try #require(found.count == 1)
    return found[0]
}

/// The message of the schema error `schema` raises, or `nil` when it compiles.
func schemaError(_ schema: JSON) -> BrokerError? {
    do {
        _ = try ParamSchema(schema)
        return nil
    } catch {
        return error
    }
}
