import Broker
import Testing

@Suite("object rule, nesting and strict modes")
struct ObjectRuleTests {
    static let address: JSON = [
        "type": "object",
        "props": ["city": "string|min:2", "zip": "string|numeric|length:5"],
    ]

    @Test func nestedFailuresCarryDottedPaths() throws {
        let schema = try ParamSchema(["address": Self.address])
        let found = failureSummary(of: ["address": ["city": "X", "zip": "12a45"]], against: schema)
        #expect(found == ["stringMin address.city", "stringNumeric address.zip"])
    }

    @Test func missingNestedObjectIsRequired() throws {
        let schema = try ParamSchema(["address": Self.address])
        #expect(failureSummary(of: [:], against: schema) == ["required address"])
        #expect(failureSummary(of: ["address": "Paris"], against: schema) == ["object address"])
    }

    @Test func arraysOfObjectsReportIndexedPaths() throws {
        let schema = try ParamSchema([
            "items": [
                "type": "array", "min": 1,
                "items": ["type": "object", "props": ["sku": "string", "qty": "number|integer|positive"]],
            ]
        ])
        let params: JSON = ["items": [["sku": "a", "qty": 1], ["sku": "b", "qty": 0], ["qty": 1.5]]]
        #expect(failureSummary(of: params, against: schema) == [
            "numberPositive items[1].qty", "numberInteger items[2].qty", "required items[2].sku",
        ])
    }

    @Test func nestedDefaultsAreApplied() throws {
        let schema = try ParamSchema([
            "options": ["type": "object", "props": ["limit": ["type": "number", "default": 10], "sort": "string|optional"]]
        ])
        #expect(try schema.validate(["options": [:]]) == ["options": ["limit": 10]])
    }

    @Test func nestedObjectShorthandWithDollarType() throws {
        let schema = try ParamSchema(["address": ["$$type": "object|optional", "city": "string"]])
        #expect(failureSummary(of: ["address": ["city": 1]], against: schema) == ["string address.city"])
        #expect(failureSummary(of: [:], against: schema) == [])
    }

    @Test func objectWithoutPropsAcceptsAnyObject() throws {
        #expect(try failureTypes("object", ["anything": [1, 2]]) == [])
        #expect(try failureTypes("object", [1]) == ["object"])
    }

    @Test func propertiesIsAnAliasOfProps() throws {
        #expect(try failureTypes(["type": "object", "properties": ["a": "number"]], ["a": "x"]) == ["number"])
    }

    @Test func strictObjectRejectsUnknownKeys() throws {
        let rule: JSON = ["type": "object", "strict": true, "props": ["a": "number", "b": "number|optional"]]
        let failure = try singleFailure(rule, ["a": 1, "z": 2, "y": 3])
        #expect(failure["type"] == "objectStrict")
        #expect(failure["field"] == "v")
        #expect(failure["expected"] == "a, b")
        #expect(failure["actual"] == "y, z")
        #expect(failure["message"] == "The object 'v' contains forbidden keys: 'y, z'.")
    }

    @Test func strictRemoveDropsUnknownKeys() throws {
        let rule: JSON = ["type": "object", "strict": "remove", "props": ["a": "number"]]
        #expect(try validated(rule, ["a": 1, "z": 2]) == ["a": 1])
    }

    @Test func nonStrictObjectKeepsUnknownKeys() throws {
        let rule: JSON = ["type": "object", "props": ["a": "number"]]
        #expect(try validated(rule, ["a": 1, "z": 2]) == ["a": 1, "z": 2])
    }

    @Test(arguments: [
        RuleCase(["type": "object", "minProps": 2], ["a": 1, "b": 2]),
        RuleCase(["type": "object", "minProps": 2], ["a": 1], ["objectMinProps"]),
        RuleCase(["type": "object", "maxProps": 1], ["a": 1, "b": 2], ["objectMaxProps"]),
    ])
    func propertyCounts(_ testCase: RuleCase) throws {
        #expect(try failureTypes(testCase.rule, testCase.value) == testCase.failures)
    }

    @Test func topLevelStrictRejectsUnknownParams() throws {
        let schema = try ParamSchema(["$$strict": true, "name": "string"])
        let found = failures(of: ["name": "x", "admin": true], against: schema)
        #expect(found.count == 1)
        #expect(found.first?["type"] == "objectStrict")
        #expect(found.first?["field"] == "")
        #expect(found.first?["actual"] == "admin")
        #expect(found.first?["message"] == "The object 'params' contains forbidden keys: 'admin'.")
    }

    @Test func topLevelStrictRemoveDropsUnknownParams() throws {
        let schema = try ParamSchema(["$$strict": "remove", "name": "string"])
        #expect(try schema.validate(["name": "x", "admin": true]) == ["name": "x"])
    }
}
