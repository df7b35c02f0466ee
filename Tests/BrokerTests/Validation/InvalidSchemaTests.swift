import Broker
import Testing

@Suite("invalid schemas")
struct InvalidSchemaTests {
    /// A schema that must not compile, and the words its error message must contain.
    struct Rejection: Sendable, CustomTestStringConvertible {
        let schema: JSON
        let message: String
        var testDescription: String { "\(schema)" }
    }

    static let rejections: [Rejection] = [
        Rejection(schema: "string", message: "Invalid params schema: a params schema must be an object, got string."),
        Rejection(schema: ["name": "strin"], message: "field 'name': unknown type 'strin'"),
        Rejection(schema: ["name": "string|mni:3"], message: "field 'name': unknown option 'mni' for type 'string'"),
        Rejection(schema: ["name": "string|min:abc"], message: "option 'min' of type 'string' must be an integer of 0 or more, got \"abc\""),
        Rejection(schema: ["name": "string|min:-1"], message: "option 'min' of type 'string' must be an integer of 0 or more"),
        Rejection(schema: ["n": "number|min:x"], message: "option 'min' of type 'number' must be a number"),
        Rejection(schema: ["n": ["type": "number", "integer": "yes"]], message: "option 'integer' of type 'number' must be a boolean"),
        Rejection(schema: ["s": ["type": "string", "pattern": "(unclosed"]], message: "option 'pattern' of type 'string' must be a valid regular expression"),
        Rejection(schema: ["s": ["type": "string", "pattern": "a", "patternFlags": "q"]], message: "option 'pattern'"),
        Rejection(schema: ["s": ["type": "string", "enum": ["a", 1]]], message: "option 'enum' of type 'string' must be an array of strings"),
        Rejection(schema: ["a": ["type": "object", "props": ["city": "text"]]], message: "field 'a.city': unknown type 'text'"),
        Rejection(schema: ["a": ["type": "object", "strict": "yes", "props": [:]]], message: "field 'a': 'strict' must be true, false or \"remove\""),
        Rejection(schema: ["$$strict": 1, "a": "string"], message: "'strict' must be true, false or \"remove\", got 1"),
        Rejection(schema: ["$$async": true], message: "field '$$async': unsupported meta key '$$async'"),
        Rejection(schema: ["t": "string[]|unique:1"], message: "option 'unique' of type 'array' must be a boolean"),
        Rejection(schema: ["t": "strng[]"], message: "field 't[]': unknown type 'strng'"),
        Rejection(schema: ["t": ["type": "tuple", "items": ["number", "nope"]]], message: "field 't[1]': unknown type 'nope'"),
        Rejection(schema: ["t": ["type": "tuple", "items": []]], message: "option 'items' of type 'tuple' must not be empty"),
        Rejection(schema: ["m": []], message: "field 'm': a list of alternative rules must not be empty"),
        Rejection(schema: ["m": ["type": "multi"]], message: "type 'multi' needs a 'rules' array"),
        Rejection(schema: ["e": ["type": "enum"]], message: "type 'enum' needs a 'values' array"),
        Rejection(schema: ["e": ["type": "equal"]], message: "type 'equal' needs a 'value'"),
        Rejection(schema: ["x": ["min": 3]], message: "field 'x': a rule object needs a string 'type'"),
        Rejection(schema: ["x": 5], message: "field 'x': a rule must be a string, an array of rules or an object, got number"),
        Rejection(schema: ["x": ["$$type": 5]], message: "'$$type' must be a shorthand string"),
        Rejection(schema: ["x": ["type": "string", "messages": ["tooShort": "!"]]], message: "unknown error type 'tooShort'"),
        Rejection(schema: ["x": ["type": "email", "mode": "strict"]], message: "option 'mode' of type 'email' must be \"quick\" or \"precise\""),
        Rejection(schema: ["x": "uuid|version:9"], message: "option 'version' of type 'uuid' must be an integer from 0 to 8"),
        Rejection(schema: ["x": ["type": "object", "props": [:], "properties": [:]]], message: "either 'props' or 'properties'"),
        Rejection(schema: ["x": "any|optional:1"], message: "option 'optional' of type 'any' must be a boolean"),
    ]

    @Test(arguments: rejections)
    func isRejectedWithAClearMessage(_ rejection: Rejection) throws {
        let error = try #require(schemaError(rejection.schema))
        #expect(error.code == .serviceSchema)
        #expect(error.message.contains(rejection.message), "\(error.message)")
    }

    @Test func errorDataNamesTheField() throws {
        let error = try #require(schemaError(["address": ["type": "object", "props": ["zip": "number|big"]]]))
        #expect(error.data?["field"] == "address.zip")
        #expect(error.message == "Invalid params schema for field 'address.zip': unknown option 'big' for type 'number'.")
    }
}
