import Broker
import Foundation
import Testing

@Suite("params schema inference")
struct ParamSchemaInferenceTests {
    struct Scalars: Decodable {
        let text: String, flag: Bool, ratio: Double, weight: Float
        let int: Int, int8: Int8, int16: Int16, int32: Int32, int64: Int64
        let uint: UInt, uint8: UInt8, uint16: UInt16, uint32: UInt32, uint64: UInt64
        let when: Date, id: UUID, link: URL, blob: Data, extra: JSON
    }

    @Test func eachSwiftTypeHasItsValidatorRule() throws {
        let schema = try ParamSchema(inferring: Scalars.self)
        #expect(schema.json == [
            "text": "string", "flag": "boolean", "ratio": "number", "weight": "number",
            "int": "number|integer", "int8": "number|integer", "int16": "number|integer", "int32": "number|integer",
            "int64": "number|integer", "uint": "number|integer", "uint8": "number|integer", "uint16": "number|integer",
            "uint32": "number|integer", "uint64": "number|integer",
            "when": "date", "id": "uuid", "link": "url", "blob": "string|base64", "extra": "any",
        ])
    }

    @Test func theInferredRulesAcceptWhatTheDecoderReads() throws {
        let schema = try ParamSchema(inferring: Scalars.self)
        var params: JSON = [
            "text": "a", "flag": true, "ratio": 0.5, "weight": 2, "when": "2026-01-02T03:04:05.678Z",
            "id": "9b2f4c4e-8d8a-4f1e-9c3b-2a6d5e7f8a9b", "link": "https://example.com/a", "blob": "aGVsbG8=", "extra": [1],
        ]
        for key in ["int", "int8", "int16", "int32", "int64", "uint", "uint8", "uint16", "uint32", "uint64"] { params[key] = 7 }
        let decoded = try JSONValueDecoder().decode(Scalars.self, from: try schema.validate(params))
        #expect(decoded.blob == Data("hello".utf8))
        params["when"] = 1_767_323_045_678
        #expect(try JSONValueDecoder().decode(Scalars.self, from: try schema.validate(params)).when == decoded.when)
        params["flag"] = "yes"
        params["int8"] = 1.5
        params["when"] = "tomorrow"
        params["blob"] = "*"
        #expect(failureSummary(of: params, against: schema) == [
            "stringBase64 blob", "boolean flag", "numberInteger int8", "date when",
        ])
    }

    struct Profile: Decodable {
        let name: String
        let nickname: String?
        let age: Int?
        let tags: [String]?
    }

    @Test func optionalPropertiesAreOptional() throws {
        let schema = try ParamSchema(inferring: Profile.self)
        #expect(schema.json == [
            "name": "string", "nickname": "string|optional", "age": "number|integer|optional",
            "tags": ["type": "array", "optional": true, "items": "string"],
        ])
        #expect(try schema.validate(["name": "Ann", "age": .null]) == ["name": "Ann", "age": .null])
        #expect(failureSummary(of: ["nickname": "A"], against: schema) == ["required name"])
    }

    struct Address: Decodable {
        let street: String
        let zip: String
    }

    struct Line: Decodable {
        let sku: String
        let quantity: Int
    }

    struct Order: Decodable {
        let address: Address
        let lines: [Line]
        let matrix: [[Double]]
        let attributes: [String: String]
        let backup: Address?
    }

    static let addressRule: JSON = ["type": "object", "props": ["street": "string", "zip": "string"]]

    @Test func nestedTypesAreObjectsAndArraysHaveItems() throws {
        let schema = try ParamSchema(inferring: Order.self)
        #expect(schema.json == [
            "address": Self.addressRule,
            "lines": ["type": "array", "items": ["type": "object", "props": ["sku": "string", "quantity": "number|integer"]]],
            "matrix": ["type": "array", "items": ["type": "array", "items": "number"]],
            "attributes": "object",
            "backup": ["type": "object", "optional": true, "props": ["street": "string", "zip": "string"]],
        ])
    }

    enum Size: String, Decodable, CaseIterable { case small, medium = "M", large }
    enum Priority: Int, Decodable, CaseIterable { case low = 1, high = 5 }
    enum Color: String, Decodable { case red, green }

    struct Shirt: Decodable {
        let size: Size
        let priority: Priority
        let sizes: [Size]
    }

    @Test func caseIterableEnumsListTheirRawValues() throws {
        let schema = try ParamSchema(inferring: Shirt.self)
        #expect(schema.json == [
            "size": ["type": "enum", "values": ["small", "M", "large"]],
            "priority": ["type": "enum", "values": [1, 5]],
            "sizes": ["type": "array", "items": ["type": "enum", "values": ["small", "M", "large"]]],
        ])
        let found = failureSummary(of: ["size": "XL", "priority": 2, "sizes": ["M", "S"]], against: schema)
        #expect(found == ["enumValue priority", "enumValue size", "enumValue sizes[1]"])
    }

    struct Contact: Decodable {
        let email: String
        let site: String?
        let note: String
    }

    @Test func aStringFieldsRuleMayNameAStricterStringType() throws {
        let schema = try ParamSchema(inferring: Contact.self, rules: ["email": "email|max:100", "site": "url", "note": "max:5"])
        #expect(schema.json == ["email": "email|max:100", "site": "url|optional", "note": "string|max:5"])
        let found = failureSummary(of: ["email": "nope", "site": "not a url", "note": "x"], against: schema)
        #expect(found == ["email email", "url site"])
    }

    struct NoParams: Decodable {}

    @Test func aTypeWithoutFieldsTakesAnEmptyObject() throws {
        #expect(try ParamSchema(inferring: NoParams.self).json == [:])
        #expect(try ParamSchema(inferring: NoParams.self).validate(["extra": 1]) == ["extra": 1])
    }

    struct Paint: Decodable {
        let color: Color
    }

    @Test func anEnumThatIsNotCaseIterableIsRefused() {
        let error = #expect(throws: BrokerError.self) { try ParamSchema(inferring: Paint.self) }
        #expect(error?.message.contains("Color.init(from:) rejected the placeholder values") == true)
        #expect(error?.message.contains("pass 'params:' explicitly") == true)
    }

    struct Renamed: Decodable {
        let firstName: String
        let lastName: String?

        enum CodingKeys: String, CodingKey {
            case firstName = "first_name"
            case lastName = "last-name"
        }
    }

    @Test func fieldsAreNamedAsOnTheWire() throws {
        let schema = try ParamSchema(inferring: Renamed.self)
        #expect(schema.json == ["first_name": "string", "last-name": "string|optional"])
        let params = try schema.validate(["first_name": "Ann"])
        #expect(try JSONValueDecoder().decode(Renamed.self, from: params).firstName == "Ann")
    }

    @Test func rulesRefineTheInferredRule() throws {
        let schema = try ParamSchema(inferring: Profile.self, rules: ["name": "min:1|max:100", "age": "positive", "tags": "max:3"])
        #expect(schema.json == [
            "name": "string|min:1|max:100", "nickname": "string|optional", "age": "number|integer|optional|positive",
            "tags": ["type": "array", "optional": true, "max": 3, "items": "string"],
        ])
        #expect(failureSummary(of: ["name": "", "age": -1], against: schema) == ["numberPositive age", "stringMin name"])
    }

    @Test func dottedRulesRefineNestedFieldsAndItems() throws {
        let schema = try ParamSchema(
            inferring: Order.self,
            rules: ["address.zip": "length:5", "lines": "min:1", "lines[].quantity": "positive", "matrix[][]": "min:0"])
        #expect(schema.json["address"]?["props"]?["zip"] == "string|length:5")
        #expect(schema.json["lines"]?["min"] == 1)
        #expect(schema.json["lines"]?["items"]?["props"]?["quantity"] == "number|integer|positive")
        #expect(schema.json["matrix"]?["items"]?["items"] == "number|min:0")
        let order: JSON = [
            "address": ["street": "Main St", "zip": "123"], "lines": [["sku": "a", "quantity": 0]],
            "matrix": [[-1]], "attributes": [:],
        ]
        #expect(failureSummary(of: order, against: schema) == [
            "stringLength address.zip", "numberPositive lines[0].quantity", "numberMin matrix[0][0]",
        ])
    }

    @Test(arguments: ["nmae", "address.zipp", "lines.quantity", "lines[].qty", "attributes.key", "name[]"])
    func aRulesKeyNamingNoFieldIsRejected(key: String) throws {
        let error = try #require(throws: BrokerError.self) {
            try ParamSchema(inferring: Order.self, rules: ["address": "strict", key: "min:1"])
        }
        #expect(error.code == .serviceSchema)
        #expect(error.message == "Invalid params schema for field '\(key)': the rules name a field Order does not have.")
    }

    struct Signup: ActionParams {
        let name: String
        let plan: Size
        static let rules = ["name": "min:3|max:10", "plan": "optional"]
    }

    @Test func actionParamsBringTheirOwnRulesAndGivenRulesComeAfter() throws {
        #expect(try ParamSchema(inferring: Signup.self).json == [
            "name": "string|min:3|max:10", "plan": ["type": "enum", "optional": true, "values": ["small", "M", "large"]],
        ])
        let narrowed = try ParamSchema(inferring: Signup.self, rules: ["name": "max:5"])
        #expect(narrowed.json["name"] == "string|min:3|max:10|max:5")
        #expect(failureSummary(of: ["name": "Annabel"], against: narrowed) == ["stringMax name"])
    }

    /// As a typed action's initialiser calls it: knowing only that the input is `Decodable`.
    static func schema<Input: Decodable & Sendable>(for input: Input.Type) throws -> ParamSchema {
        try ParamSchema(inferring: input)
    }

    @Test func actionParamsRulesApplyWhereTheTypeIsOnlyKnownToBeDecodable() throws {
        #expect(try Self.schema(for: Signup.self).json["name"] == "string|min:3|max:10")
    }
}
