import Broker
import Testing

@Suite("boolean, email, url and uuid rules")
struct FormatRuleTests {
    static let cases: [RuleCase] = [
        RuleCase("boolean", true),
        RuleCase("boolean", false),
        RuleCase("boolean", "true", ["boolean"]),
        RuleCase("boolean", 1, ["boolean"]),
        RuleCase("boolean|convert", "maybe", ["boolean"]),
        RuleCase("boolean|convert", 2, ["boolean"]),
        RuleCase("email", "john@example.com"),
        RuleCase("email", "john.doe+tag@mail.example.org"),
        RuleCase("email", "john@example", ["email"]),
        RuleCase("email", "john example@x.com", ["email"]),
        RuleCase("email", "@example.com", ["email"]),
        RuleCase("email", "john@.com", ["email"]),
        RuleCase("email", "", ["emailEmpty"]),
        RuleCase("email|empty", ""),
        RuleCase("email", 5, ["string"]),
        RuleCase("email|mode:precise", "john@example.com"),
        RuleCase("email|mode:precise", "john@@example.com", ["email"]),
        RuleCase("email", "john@@example.com"),
        RuleCase("email|min:20", "john@example.com", ["emailMin"]),
        RuleCase("email|max:5", "john@example.com", ["emailMax"]),
        RuleCase("url", "http://example.com"),
        RuleCase("url", "https://example.com/a?b=c"),
        RuleCase("url", "http://localhost:3000"),
        RuleCase("url", "ftp://example.com", ["url"]),
        RuleCase("url", "example.com", ["url"]),
        RuleCase("url", "https:// example.com", ["url"]),
        RuleCase("url", "", ["urlEmpty"]),
        RuleCase("url|empty", ""),
        RuleCase("url", 1, ["string"]),
        RuleCase("uuid", "10ba038e-48da-487b-96e8-8d3b99b6d18a"),
        RuleCase("uuid", "10BA038E-48DA-487B-96E8-8D3B99B6D18A"),
        RuleCase("uuid", "00000000-0000-0000-0000-000000000000"),
        RuleCase("uuid", "9a7b330a-a736-11e9-b94b-4d2a9b0e7e5c"),
        RuleCase("uuid", "10ba038e-48da-487b-c6e8-8d3b99b6d18a", ["uuid"]),
        RuleCase("uuid", "10ba038e-48da-987b-96e8-8d3b99b6d18a", ["uuid"]),
        RuleCase("uuid", "10ba038e48da487b96e88d3b99b6d18a", ["uuid"]),
        RuleCase("uuid", "10ba038e-48da-487b-96e8-8d3b99b6d18g", ["uuid"]),
        RuleCase("uuid", 1, ["string"]),
        RuleCase("uuid|version:4", "10ba038e-48da-487b-96e8-8d3b99b6d18a"),
        RuleCase("uuid|version:1", "10ba038e-48da-487b-96e8-8d3b99b6d18a", ["uuidVersion"]),
    ]

    @Test(arguments: cases)
    func checks(_ testCase: RuleCase) throws {
        #expect(try failureTypes(testCase.rule, testCase.value) == testCase.failures)
    }

    static let conversions: [ConversionCase] = [
        ConversionCase("boolean|convert", "true", true),
        ConversionCase("boolean|convert", "1", true),
        ConversionCase("boolean|convert", "on", true),
        ConversionCase("boolean|convert", 1, true),
        ConversionCase("boolean|convert", "false", false),
        ConversionCase("boolean|convert", "0", false),
        ConversionCase("boolean|convert", "off", false),
        ConversionCase("boolean|convert", 0, false),
        ConversionCase("email|normalize", "  John@Example.COM ", "john@example.com"),
    ]

    @Test(arguments: conversions)
    func converts(_ testCase: ConversionCase) throws {
        #expect(try validated(testCase.rule, testCase.input) == testCase.output)
    }

    @Test func uuidVersionFailureReportsBothVersions() throws {
        let failure = try singleFailure("uuid|version:1", "10ba038e-48da-487b-96e8-8d3b99b6d18a")
        #expect(failure["expected"] == 1)
        #expect(failure["actual"] == 4)
        #expect(failure["message"] == "The 'v' field must be a valid UUID version provided.")
    }

    @Test func messagesMatchFastestValidator() throws {
        #expect(try singleFailure("boolean", 3)["message"] == "The 'v' field must be a boolean.")
        #expect(try singleFailure("email", "x")["message"] == "The 'v' field must be a valid e-mail.")
        #expect(try singleFailure("url", "x")["message"] == "The 'v' field must be a valid URL.")
        #expect(try singleFailure("uuid", "x")["message"] == "The 'v' field must be a valid UUID.")
    }
}
