import Broker
import Testing

@Suite("string rule")
struct StringRuleTests {
    static let cases: [RuleCase] = [
        RuleCase("string", "hello"),
        RuleCase("string", 5, ["string"]),
        RuleCase("string", true, ["string"]),
        RuleCase("string", ["a"], ["string"]),
        RuleCase("string", "", []),
        RuleCase(["type": "string", "empty": false], "", ["stringEmpty"]),
        RuleCase(["type": "string", "empty": false], "x"),
        RuleCase(["type": "string", "empty": true, "min": 3], ""),
        RuleCase("string|min:3", "abc"),
        RuleCase("string|min:3", "ab", ["stringMin"]),
        RuleCase("string|max:3", "abc"),
        RuleCase("string|max:3", "abcd", ["stringMax"]),
        RuleCase("string|length:2", "ab"),
        RuleCase("string|length:2", "abc", ["stringLength"]),
        RuleCase("string|min:2", "é😀"),
        RuleCase(["type": "string", "pattern": "^[a-z]+$"], "abc"),
        RuleCase(["type": "string", "pattern": "^[a-z]+$"], "aBc", ["stringPattern"]),
        RuleCase(["type": "string", "pattern": "^[a-z]+$", "patternFlags": "i"], "aBc"),
        RuleCase(["type": "string", "pattern": "b"], "abc"),
        RuleCase("string|contains:ell", "hello"),
        RuleCase("string|contains:xyz", "hello", ["stringContains"]),
        RuleCase(["type": "string", "enum": ["red", "green"]], "red"),
        RuleCase(["type": "string", "enum": ["red", "green"]], "blue", ["stringEnum"]),
        RuleCase("string|numeric", "-12.5"),
        RuleCase("string|numeric", "12.", ["stringNumeric"]),
        RuleCase("string|numeric", "1e3", ["stringNumeric"]),
        RuleCase("string|alpha", "abcXYZ"),
        RuleCase("string|alpha", "abc1", ["stringAlpha"]),
        RuleCase("string|alphanum", "abc123"),
        RuleCase("string|alphanum", "abc-123", ["stringAlphanum"]),
        RuleCase("string|alphadash", "abc_12-3"),
        RuleCase("string|alphadash", "abc 123", ["stringAlphadash"]),
        RuleCase("string|hex", "0aFf"),
        RuleCase("string|hex", "0aF", ["stringHex"]),
        RuleCase("string|base64", "aGVsbG8="),
        RuleCase("string|base64", "aGVsbG8", ["stringBase64"]),
        RuleCase("string|singleLine", "one line"),
        RuleCase("string|singleLine", "two\nlines", ["stringSingleLine"]),
        RuleCase("string|min:5|alpha", "ab1", ["stringMin", "stringAlpha"]),
        RuleCase(["type": "string", "empty": false, "min": 1], "", ["stringEmpty", "stringMin"]),
    ]

    @Test(arguments: cases)
    func checks(_ testCase: RuleCase) throws {
        #expect(try failureTypes(testCase.rule, testCase.value) == testCase.failures)
    }

    static let conversions: [ConversionCase] = [
        ConversionCase(["type": "string", "trim": true], "  hi  ", "hi"),
        ConversionCase(["type": "string", "trimLeft": true], "  hi  ", "hi  "),
        ConversionCase(["type": "string", "trimRight": true], "  hi  ", "  hi"),
        ConversionCase(["type": "string", "lowercase": true], "HeLLo", "hello"),
        ConversionCase(["type": "string", "uppercase": true], "HeLLo", "HELLO"),
        ConversionCase(["type": "string", "padStart": 5, "padChar": "0"], "42", "00042"),
        ConversionCase(["type": "string", "padEnd": 4], "ab", "ab  "),
        ConversionCase(["type": "string", "convert": true], 42, "42"),
        ConversionCase(["type": "string", "convert": true], 1.5, "1.5"),
        ConversionCase(["type": "string", "convert": true], true, "true"),
    ]

    @Test(arguments: conversions)
    func sanitizesAndConverts(_ testCase: ConversionCase) throws {
        #expect(try validated(testCase.rule, testCase.input) == testCase.output)
    }

    @Test func checksRunOnTheSanitizedValue() throws {
        #expect(try failureTypes(["type": "string", "trim": true, "min": 3], "  ab  ") == ["stringMin"])
        #expect(try failureTypes(["type": "string", "lowercase": true, "enum": ["abc"]], "ABC") == [])
    }

    @Test func minFailureCarriesExpectedAndActualLengths() throws {
        let failure = try singleFailure("string|min:3", "ab")
        #expect(failure["field"] == "v")
        #expect(failure["expected"] == 3)
        #expect(failure["actual"] == 2)
        #expect(failure["message"] == "The 'v' field length must be greater than or equal to 3 characters long.")
    }

    @Test func patternFailureShowsThePatternAndValue() throws {
        let failure = try singleFailure(["type": "string", "pattern": "^a", "patternFlags": "i"], "b")
        #expect(failure["expected"] == "/^a/i")
        #expect(failure["actual"] == "b")
        #expect(failure["message"] == "The 'v' field fails to match the required pattern.")
    }

    @Test func enumFailureListsTheAllowedValues() throws {
        let failure = try singleFailure(["type": "string", "enum": ["a", "b"]], "c")
        #expect(failure["expected"] == "a, b")
        #expect(failure["actual"] == "c")
    }

    @Test func typeFailureShowsTheActualValue() throws {
        let failure = try singleFailure("string", 5)
        #expect(failure["actual"] == 5)
        #expect(failure["message"] == "The 'v' field must be a string.")
    }
}
