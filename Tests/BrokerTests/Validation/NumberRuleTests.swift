import Broker
import Testing

@Suite("number rule")
struct NumberRuleTests {
    static let cases: [RuleCase] = [
        RuleCase("number", 5),
        RuleCase("number", 2.5),
        RuleCase("number", "5", ["number"]),
        RuleCase("number", true, ["number"]),
        RuleCase("number", [1], ["number"]),
        RuleCase("number", .double(.infinity), ["number"]),
        RuleCase("number|min:3", 3),
        RuleCase("number|min:3", 2.9, ["numberMin"]),
        RuleCase("number|max:3", 3),
        RuleCase("number|max:3", 4, ["numberMax"]),
        RuleCase(["type": "number", "min": 0.5], 0.25, ["numberMin"]),
        RuleCase("number|equal:7", 7),
        RuleCase("number|equal:7", 7.0),
        RuleCase("number|equal:7", 8, ["numberEqual"]),
        RuleCase("number|notEqual:7", 8),
        RuleCase("number|notEqual:7", 7, ["numberNotEqual"]),
        RuleCase("number|integer", 4),
        RuleCase("number|integer", 4.0),
        RuleCase("number|integer", 4.5, ["numberInteger"]),
        RuleCase("number|positive", 1),
        RuleCase("number|positive", 0, ["numberPositive"]),
        RuleCase("number|negative", -1),
        RuleCase("number|negative", 0, ["numberNegative"]),
        RuleCase("number|positive|integer|max:10", 12.5, ["numberMax", "numberInteger"]),
        RuleCase("number|convert", "abc", ["number"]),
        RuleCase("number|convert", "", ["number"]),
        RuleCase("number|convert|min:10", "5", ["numberMin"]),
    ]

    @Test(arguments: cases)
    func checks(_ testCase: RuleCase) throws {
        #expect(try failureTypes(testCase.rule, testCase.value) == testCase.failures)
    }

    static let conversions: [ConversionCase] = [
        ConversionCase("number|convert", "42", 42),
        ConversionCase("number|convert", " 2.5 ", 2.5),
        ConversionCase("number|convert", "-7", -7),
        ConversionCase("number|convert", true, 1),
        ConversionCase("number|convert", false, 0),
        ConversionCase("number|convert", 3, 3),
        ConversionCase("number", 3.5, 3.5),
    ]

    @Test(arguments: conversions)
    func converts(_ testCase: ConversionCase) throws {
        #expect(try validated(testCase.rule, testCase.input) == testCase.output)
    }

    @Test func minFailureReportsTheLimitAndTheOriginalValue() throws {
        let failure = try singleFailure("number|convert|min:10", "5")
        #expect(failure["type"] == "numberMin")
        #expect(failure["expected"] == 10)
        #expect(failure["actual"] == "5")
        #expect(failure["message"] == "The 'v' field must be greater than or equal to 10.")
    }

    @Test func messagesMatchFastestValidator() throws {
        #expect(try singleFailure("number", "x")["message"] == "The 'v' field must be a number.")
        #expect(try singleFailure("number|notEqual:1", 1)["message"] == "The 'v' field can't be equal to 1.")
        #expect(try singleFailure("number|positive", -1)["message"] == "The 'v' field must be a positive number.")
        #expect(try singleFailure("number|integer", 1.5)["message"] == "The 'v' field must be an integer.")
    }
}
