import Broker
import Testing

@Suite("date rule")
struct DateRuleTests {
    static let cases: [RuleCase] = [
        RuleCase("date", "2024-02-29T10:20:30.123Z"),
        RuleCase("date", "2024-02-29T10:20:30Z"),
        RuleCase("date", "2024-02-29T10:20+02:00"),
        RuleCase("date", "2024-02-29"),
        RuleCase("date", "2024-02"),
        RuleCase("date", 1_700_000_000_000),
        RuleCase("date", 1.5),
        RuleCase("date", "2023-02-29", ["date"]),
        RuleCase("date", "2024-13-01", ["date"]),
        RuleCase("date", "2024-01-01T24:00:00Z", ["date"]),
        RuleCase("date", "2024-01-01T10:00:00+25:00", ["date"]),
        RuleCase("date", "yesterday", ["date"]),
        RuleCase("date", "1700000000000", ["date"]),
        RuleCase("date", true, ["date"]),
        RuleCase("date", .int(Int.min), ["date"]),
        RuleCase("date|convert", "not a date", ["date"]),
    ]

    @Test(arguments: cases)
    func checks(_ testCase: RuleCase) throws {
        #expect(try failureTypes(testCase.rule, testCase.value) == testCase.failures)
    }

    static let conversions: [ConversionCase] = [
        ConversionCase("date|convert", 0, "1970-01-01T00:00:00.000Z"),
        ConversionCase("date|convert", 1_700_000_000_123, "2023-11-14T22:13:20.123Z"),
        ConversionCase("date|convert", "1700000000123", "2023-11-14T22:13:20.123Z"),
        ConversionCase("date|convert", -1, "1969-12-31T23:59:59.999Z"),
        ConversionCase("date|convert", "2024-02-29", "2024-02-29T00:00:00.000Z"),
        ConversionCase("date|convert", "2024-02-29T10:20:30.5+02:00", "2024-02-29T08:20:30.500Z"),
        ConversionCase("date|convert", "2024-02-29 10:20:30.123456-0130", "2024-02-29T11:50:30.123Z"),
        ConversionCase("date|convert", 253_402_300_800_000, "+010000-01-01T00:00:00.000Z"),
        ConversionCase("date", "2024-02-29", "2024-02-29"),
        ConversionCase("date", 5, 5),
    ]

    @Test(arguments: conversions)
    func converts(_ testCase: ConversionCase) throws {
        #expect(try validated(testCase.rule, testCase.input) == testCase.output)
    }

    @Test func failureMessageMatchesFastestValidator() throws {
        let failure = try singleFailure("date", "soon")
        #expect(failure["message"] == "The 'v' field must be a Date.")
        #expect(failure["actual"] == "soon")
    }
}
