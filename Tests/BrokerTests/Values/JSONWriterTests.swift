import Broker
import Testing

@Suite("JSONWriter")
struct JSONWriterTests {
    private func text(_ value: JSON) -> String {
        String(decoding: JSONWriter.bytes(value), as: UTF8.self)
    }

    @Test("writes compact JSON with object keys sorted")
    func compactSorted() {
        let value: JSON = ["b": 1, "a": [true, .null, false], "c": ["z": "", "y": [:]]]
        #expect(text(value) == #"{"a":[true,null,false],"b":1,"c":{"y":{},"z":""}}"#)
    }

    @Test("escapes quotes, backslashes and control characters only")
    func escapes() {
        let value = JSON.string("\"\\\n\r\t\u{1}\u{8}\u{1F}/é😀\u{7F}")
        #expect(text(value) == #""\"\\\n\r\t\u0001\u0008\u001f/é😀\#u{7F}""#)
    }

    @Test(
        "writes numbers as JavaScript does",
        arguments: [
            (JSON.int(0), "0"), (.int(-42), "-42"), (.int(.min), "-9223372036854775808"),
            (.int(.max), "9223372036854775807"), (.double(1.5), "1.5"), (.double(3), "3"), (.double(-0.0), "0"),
            (.double(0.1), "0.1"), (.double(123456.789), "123456.789"), (.double(1e15), "1000000000000000.0"), (.double(1e16), "1e+16"),
            (.double(-2.5e-8), "-2.5e-08"), (.double(.nan), "null"), (.double(-.infinity), "null"),
        ])
    func numbers(_ value: JSON, _ expected: String) {
        #expect(text(value) == expected)
    }

    @Test("write(_:into:) appends the same text as bytes(_:)")
    func writeIntoString() {
        let value: JSON = ["key": ["é", 1.25, .null]]
        var out = "prefix:"
        JSONWriter.write(value, into: &out)
        #expect(out == "prefix:" + text(value))
        #expect(value.description == text(value))
    }
}
