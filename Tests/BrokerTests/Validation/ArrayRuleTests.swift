import Broker
import Testing

@Suite("array and tuple rules")
struct ArrayRuleTests {
    static let cases: [RuleCase] = [
        RuleCase("array", []),
        RuleCase("array", [1, "a"]),
        RuleCase("array", "a", ["array"]),
        RuleCase("array", ["a": 1], ["array"]),
        RuleCase("array|empty:false", [], ["arrayEmpty"]),
        RuleCase("array|min:2", [1, 2]),
        RuleCase("array|min:2", [1], ["arrayMin"]),
        RuleCase("array|max:1", [1, 2], ["arrayMax"]),
        RuleCase("array|length:2", [1, 2]),
        RuleCase("array|length:2", [1, 2, 3], ["arrayLength"]),
        RuleCase(["type": "array", "contains": "admin"], ["user", "admin"]),
        RuleCase(["type": "array", "contains": "admin"], ["user"], ["arrayContains"]),
        RuleCase(["type": "array", "contains": 1], [1.0]),
        RuleCase("array|unique", [1, 2, 3]),
        RuleCase("array|unique", [1, 2, 1.0], ["arrayUnique"]),
        RuleCase("array|unique", [["a": 1], ["a": 1]], ["arrayUnique"]),
        RuleCase(["type": "array", "enum": ["a", "b"]], ["a", "b", "a"]),
        RuleCase(["type": "array", "enum": ["a", "b"]], ["a", "c", "d"], ["arrayEnum", "arrayEnum"]),
        RuleCase("string[]", ["a", "b"]),
        RuleCase("string[]", ["a", 2, 3], ["string", "string"]),
        RuleCase("string[]|min:3", [1], ["arrayMin", "string"]),
        RuleCase("number[][]", [[1, 2], [3]]),
        RuleCase("number[][]", [[1, "x"]], ["number"]),
        RuleCase("string[]", ["a", .null], ["required"]),
        RuleCase("tuple", [1, "a"]),
        RuleCase("tuple", "a", ["tuple"]),
        RuleCase(["type": "tuple", "items": ["number", "string"]], [1, "a"]),
        RuleCase(["type": "tuple", "items": ["number", "string"]], ["a", 1], ["number", "string"]),
        RuleCase(["type": "tuple", "items": ["number", "string"]], [1], ["tupleLength"]),
        RuleCase(["type": "tuple", "items": ["number", "string"]], []),
        RuleCase(["type": "tuple", "items": ["number"], "empty": false], [], ["tupleEmpty"]),
    ]

    @Test(arguments: cases)
    func checks(_ testCase: RuleCase) throws {
        #expect(try failureTypes(testCase.rule, testCase.value) == testCase.failures)
    }

    @Test func itemFailuresCarryTheirIndex() throws {
        let schema = try ParamSchema(["tags": "string[]", "pairs": ["type": "tuple", "items": ["number", "number"]]])
        let found = failureSummary(of: ["tags": ["a", 1, "b", false], "pairs": [1, "2"]], against: schema)
        #expect(found == ["number pairs[1]", "string tags[1]", "string tags[3]"])
    }

    @Test func itemsAreConvertedInPlace() throws {
        #expect(try validated(["type": "array", "items": "number|convert"], ["1", 2, "3.5"]) == [1, 2, 3.5])
        #expect(try validated(["type": "tuple", "items": ["number|convert", "string"]], ["1", "a"]) == [1, "a"])
    }

    @Test func convertWrapsASingleValue() throws {
        #expect(try validated(["type": "array", "convert": true, "items": "string"], "a") == ["a"])
    }

    @Test func uniqueFailureListsTheDuplicates() throws {
        let failure = try singleFailure("array|unique", [1, 2, 1, 3, 2, 1])
        #expect(failure["expected"] == [1, 2])
        #expect(failure["actual"] == [1, 2, 1, 3, 2, 1])
        #expect(failure["message"] == "The '1,2,1,3,2,1' value in 'v' field does not unique the '1,2' values.")
    }

    @Test func enumAndCountFailuresReportTheirData() throws {
        let outsider = try singleFailure(["type": "array", "enum": ["a", "b"]], ["c"])
        #expect(outsider["actual"] == "c")
        #expect(outsider["message"] == "The 'c' value in 'v' field does not match any of the 'a, b' values.")
        let short = try singleFailure("array|min:2", [1])
        #expect(short["expected"] == 2)
        #expect(short["actual"] == 1)
        #expect(short["message"] == "The 'v' field must contain at least 2 items.")
    }
}
