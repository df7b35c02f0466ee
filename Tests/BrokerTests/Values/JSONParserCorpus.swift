import Broker
import Testing

/// JSON texts with the value or the error `JSONParser` must produce for them.
enum JSONParserCorpus {
    struct Case: Sendable, CustomTestStringConvertible {
        let name: String
        let bytes: [UInt8]
        /// The parsed value, or `nil` when the input must be rejected.
        let value: JSON?
        /// For rejected inputs, the error message.
        let message: String?
        /// Foundation's `JSONSerialization` accepts this input although RFC 8259 does not: it
        /// skips a byte order mark, allows a trailing comma and stops reading at a NUL byte.
        var foundationAccepts = false

        var testDescription: String { name }
    }

    static func valid(_ text: String, _ value: JSON) -> Case {
        Case(name: text.count > 40 ? String(text.prefix(40)) + "…" : text, bytes: Array(text.utf8), value: value, message: nil)
    }

    static func invalid(_ name: String, _ bytes: [UInt8], _ message: String) -> Case {
        Case(name: name, bytes: bytes, value: nil, message: message)
    }

    static func invalid(_ text: String, _ message: String) -> Case {
        invalid(text, Array(text.utf8), message)
    }

    /// An input RFC 8259 forbids but `JSONSerialization` accepts.
    static func laxInvalid(_ name: String, _ bytes: [UInt8], _ message: String) -> Case {
        Case(name: name, bytes: bytes, value: nil, message: message, foundationAccepts: true)
    }

    /// `levels` arrays inside each other, innermost empty.
    static func nestedArrays(_ levels: Int) -> String {
        String(repeating: "[", count: levels) + String(repeating: "]", count: levels)
    }

    /// `levels` objects inside each other, `{"a":{"a":…1…}}`.
    static func nestedObjects(_ levels: Int) -> String {
        String(repeating: "{\"a\":", count: levels) + "1" + String(repeating: "}", count: levels)
    }

    static func nestedValue(_ levels: Int, wrap: (JSON) -> JSON, innermost: JSON) -> JSON {
        (0..<levels).reduce(innermost) { value, _ in wrap(value) }
    }

    static let validCases: [Case] = [
        valid("null", .null),
        valid("true", true),
        valid("false", false),
        valid(" \t\n\r 42 \r\n", 42),
        valid("0", 0),
        valid("-0", 0),
        valid("-123", -123),
        valid("9223372036854775807", .int(.max)),
        valid("-9223372036854775808", .int(.min)),
        valid("9223372036854775808", .double(9_223_372_036_854_775_808)),
        valid("-9223372036854775809", .double(-9_223_372_036_854_775_808)),
        valid("123456789012345678901234567890", .double(1.2345678901234568e29)),
        valid("1.5", 1.5),
        valid("-0.0", .double(-0.0)),
        valid("1.0", .double(1)),
        valid("1e2", .double(100)),
        valid("1E+2", .double(100)),
        valid("25e-1", 2.5),
        valid("0.1", 0.1),
        valid("1.7976931348623157e308", .double(.greatestFiniteMagnitude)),
        valid("5e-324", .double(.leastNonzeroMagnitude)),
        valid("1e-400", .double(0)),
        valid("3.141592653589793238462643383279", .double(3.141592653589793)),
        valid("\"\"", ""),
        valid(#""a\"b\\c\/d\b\f\n\r\t""#, "a\"b\\c/d\u{8}\u{C}\n\r\t"),
        valid(#""\u0041\u00e9\u4E2D""#, "Aé中"),
        valid(#""\ud83d\ude00""#, "😀"),
        valid(#""\u0000""#, "\u{0}"),
        valid("\"é中😀\u{7F}\"", "é中😀\u{7F}"),
        valid("[]", []),
        valid("{}", [:]),
        valid("{\"\":\"\"}", ["": ""]),
        valid("[1, \"two\", null, true, 2.5]", [1, "two", .null, true, 2.5]),
        valid(#"{"a":{"b":[1,{"c":null}]}}"#, ["a": ["b": [1, ["c": .null]]]]),
        valid(#"{"a":1,"a":2}"#, ["a": 2]),
        valid(nestedArrays(512), nestedValue(511, wrap: { .array([$0]) }, innermost: [])),
        valid(nestedObjects(512), nestedValue(512, wrap: { ["a": $0] }, innermost: 1)),
    ]

    static let invalidCases: [Case] = [
        invalid("", "unexpected end of input at byte 0"),
        invalid("   ", "unexpected end of input at byte 3"),
        laxInvalid("[1,]", Array("[1,]".utf8), "trailing comma at byte 3"),
        laxInvalid(#"{"a":1,}"#, Array(#"{"a":1,}"#.utf8), "trailing comma at byte 7"),
        invalid("[,1]", "unexpected character ',' at byte 1"),
        invalid("[1,,2]", "unexpected character ',' at byte 3"),
        invalid("[1 2]", "expected ',' or ']' at byte 3"),
        invalid(#"{"a":1 "b":2}"#, "expected ',' or '}' at byte 7"),
        invalid(#"{"a" 1}"#, "expected ':' after object key at byte 5"),
        invalid("{a:1}", "expected a string key at byte 1"),
        invalid(#"{"a":}"#, "unexpected character '}' at byte 5"),
        invalid(#"{"a":1"#, "unexpected end of input at byte 6"),
        invalid("[1", "unexpected end of input at byte 2"),
        invalid("\"abc", "unterminated string at byte 0"),
        invalid("\"\\", "unexpected end of input at byte 2"),
        invalid("[1] // comment", "unexpected data after the value at byte 4"),
        invalid("/* c */ 1", "unexpected character '/' at byte 0"),
        invalid("NaN", "unexpected character 'N' at byte 0"),
        invalid("-Infinity", "expected a digit at byte 1"),
        invalid("+1", "unexpected character '+' at byte 0"),
        invalid("01", "leading zero in number at byte 0"),
        invalid("-01", "leading zero in number at byte 0"),
        invalid("1.", "expected a digit at byte 2"),
        invalid(".5", "unexpected character '.' at byte 0"),
        invalid("1e", "expected a digit at byte 2"),
        invalid("1.5e+", "expected a digit at byte 5"),
        invalid("-", "expected a digit at byte 1"),
        invalid("0x10", "unexpected data after the value at byte 1"),
        invalid("1e400", "number out of range at byte 0"),
        invalid("[-1e400]", "number out of range at byte 1"),
        invalid("tru", "unexpected character 't' at byte 0"),
        invalid("True", "unexpected character 'T' at byte 0"),
        invalid("nullx", "unexpected data after the value at byte 4"),
        invalid("1 2", "unexpected data after the value at byte 2"),
        invalid("[]]", "unexpected data after the value at byte 2"),
        laxInvalid("NUL after value", [0x31, 0x00], "unexpected data after the value at byte 1"),
        invalid("raw U+0001 in string", [0x22, 0x61, 0x01, 0x22], "control character in string at byte 2"),
        invalid("raw NUL in string", [0x22, 0x00, 0x22], "control character in string at byte 1"),
        invalid("\"a\nb\"", "control character in string at byte 2"),
        invalid("\"a\tb\"", "control character in string at byte 2"),
        invalid(#""\x""#, "invalid escape sequence at byte 1"),
        invalid(#""\'""#, "invalid escape sequence at byte 1"),
        invalid(#""\u12""#, "invalid unicode escape at byte 1"),
        invalid(#""\uZZZZ""#, "invalid unicode escape at byte 1"),
        invalid(#""\uD800""#, "lone surrogate escape at byte 1"),
        invalid(#""\uDC00""#, "lone surrogate escape at byte 1"),
        invalid(#""\uD800\u0041""#, "lone surrogate escape at byte 1"),
        invalid(#""\uD800x""#, "lone surrogate escape at byte 1"),
        invalid("UTF-8 byte 0xFF", [0x22, 0xFF, 0x22], "invalid UTF-8 at byte 1"),
        invalid("UTF-8 overlong NUL", [0x22, 0xC0, 0x80, 0x22], "invalid UTF-8 at byte 1"),
        invalid("UTF-8 overlong slash", [0x22, 0xE0, 0x80, 0xAF, 0x22], "invalid UTF-8 at byte 1"),
        invalid("UTF-8 encoded surrogate", [0x22, 0xED, 0xA0, 0x80, 0x22], "invalid UTF-8 at byte 1"),
        invalid("UTF-8 above U+10FFFF", [0x22, 0xF4, 0x90, 0x80, 0x80, 0x22], "invalid UTF-8 at byte 1"),
        invalid("UTF-8 truncated", [0x22, 0xE2, 0x82, 0x22], "invalid UTF-8 at byte 1"),
        invalid("UTF-8 truncated at end", [0x22, 0x61, 0xE2, 0x82], "invalid UTF-8 at byte 2"),
        invalid("UTF-8 stray continuation", [0x22, 0x80, 0x22], "invalid UTF-8 at byte 1"),
        invalid("UTF-8 after escape", [0x22, 0x5C, 0x6E, 0xC3, 0x22], "invalid UTF-8 at byte 3"),
        invalid("non-ASCII outside string", [0xC3, 0xA9], "unexpected byte 0xC3 at byte 0"),
        laxInvalid("byte order mark", [0xEF, 0xBB, 0xBF, 0x31], "unexpected byte 0xEF at byte 0"),
        invalid("513 nested arrays", Array(nestedArrays(513).utf8), "nesting deeper than 512 levels at byte 512"),
        invalid("513 nested objects", Array(nestedObjects(513).utf8), "nesting deeper than 512 levels at byte 2560"),
        invalid("100000 open brackets", Array(repeating: UInt8(ascii: "["), count: 100_000), "nesting deeper than 512 levels at byte 512"),
    ]
}
