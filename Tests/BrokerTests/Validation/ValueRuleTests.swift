import Broker
import Testing

@Suite("any, enum, equal and forbidden rules")
struct ValueRuleTests {
    static let cases: [RuleCase] = [
        RuleCase("any", 1),
        RuleCase("any", "x"),
        RuleCase("any", ["a": [1]]),
        RuleCase("any", .null, ["required"]),
        RuleCase(["type": "enum", "values": ["a", 1, true]], "a"),
        RuleCase(["type": "enum", "values": ["a", 1, true]], 1.0),
        RuleCase(["type": "enum", "values": ["a", 1, true]], true),
        RuleCase(["type": "enum", "values": ["a", 1, true]], "1", ["enumValue"]),
        RuleCase(["type": "enum", "values": [["x": 1]]], ["x": 1]),
        RuleCase(["type": "equal", "value": 5], 5),
        RuleCase(["type": "equal", "value": 5], "5"),
        RuleCase(["type": "equal", "value": 1], true),
        RuleCase(["type": "equal", "value": 5], 6, ["equalValue"]),
        RuleCase(["type": "equal", "value": 5, "strict": true], 5.0),
        RuleCase(["type": "equal", "value": 5, "strict": true], "5", ["equalValue"]),
        RuleCase(["type": "equal", "value": "yes"], "yes"),
        RuleCase(["type": "equal", "value": "yes"], "no", ["equalValue"]),
        RuleCase(["type": "equal", "value": true, "strict": true], true),
        RuleCase("forbidden", "x", ["forbidden"]),
        RuleCase("forbidden", .null),
    ]

    @Test(arguments: cases)
    func checks(_ testCase: RuleCase) throws {
        #expect(try failureTypes(testCase.rule, testCase.value) == testCase.failures)
    }

    @Test func forbiddenPassesWhenAbsent() throws {
        let schema = try ParamSchema(["password": "forbidden", "name": "string"])
        #expect(try schema.validate(["name": "x"]) == ["name": "x"])
    }

    @Test func forbiddenWithRemoveDropsTheValue() throws {
        let schema = try ParamSchema(["password": "forbidden|remove", "name": "string"])
        #expect(try schema.validate(["name": "x", "password": "secret"]) == ["name": "x"])
    }

    @Test func enumFailureListsTheValues() throws {
        let failure = try singleFailure(["type": "enum", "values": ["a", "b"]], "c")
        #expect(failure["expected"] == "a, b")
        #expect(failure["actual"] == "c")
        #expect(failure["message"] == "The 'v' field value 'a, b' does not match any of the allowed values.")
    }

    @Test func equalAndForbiddenMessagesMatchFastestValidator() throws {
        let equal = try singleFailure(["type": "equal", "value": "yes"], "no")
        #expect(equal["message"] == "The 'v' field value must be equal to 'yes'.")
        #expect(equal["expected"] == "yes")
        #expect(try singleFailure("forbidden", 1)["message"] == "The 'v' field is forbidden.")
    }
}
