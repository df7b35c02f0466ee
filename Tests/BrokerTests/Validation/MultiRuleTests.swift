import Broker
import Testing

@Suite("multi rule")
struct MultiRuleTests {
    @Test(arguments: [
        RuleCase(["string", "number"], "a"),
        RuleCase(["string", "number"], 1),
        RuleCase(["string", "number"], true, ["string", "number"]),
        RuleCase(["type": "multi", "rules": ["string|min:3", "number|min:3"]], 5),
        RuleCase(["type": "multi", "rules": ["string|min:3", "number|min:3"]], "ab", ["stringMin", "number"]),
        RuleCase(["string", "number"], .null, ["required"]),
    ])
    func checks(_ testCase: RuleCase) throws {
        #expect(try failureTypes(testCase.rule, testCase.value) == testCase.failures)
    }

    @Test func theFirstPassingRuleShapesTheValue() throws {
        #expect(try validated(["number|convert", "string"], "42") == 42)
        #expect(try validated(["number|convert", "string"], "forty-two") == "forty-two")
    }

    @Test func optionalOnlyWhenEveryAlternativeIs() throws {
        let optional = try ParamSchema(["v": ["string|optional", "number|optional"]])
        #expect(failures(of: [:], against: optional).isEmpty)
        let required = try ParamSchema(["v": ["string|optional", "number"]])
        #expect(failureSummary(of: [:], against: required) == ["required v"])
    }

    @Test func alternativesOfObjectsReportNestedPaths() throws {
        let rule: JSON = [
            ["type": "object", "props": ["id": "number"]],
            ["type": "object", "props": ["name": "string"]],
        ]
        let schema = try ParamSchema(["who": rule])
        #expect(failureSummary(of: ["who": ["name": "Ann"]], against: schema) == [])
        #expect(failureSummary(of: ["who": [:]], against: schema) == ["required who.id", "required who.name"])
    }
}
