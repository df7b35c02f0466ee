import Broker
import Foundation
import Testing

@Suite("JSONParser")
struct JSONParserTests {
    @Test("parses valid JSON", arguments: JSONParserCorpus.validCases)
    func parsesValid(_ sample: JSONParserCorpus.Case) throws {
        #expect(try JSONParser.parse(sample.bytes) == sample.value)
    }

    @Test("rejects invalid JSON with the reason and the byte offset", arguments: JSONParserCorpus.invalidCases)
    func rejectsInvalid(_ sample: JSONParserCorpus.Case) {
        let error = #expect(throws: BrokerError.self) { try JSONParser.parse(sample.bytes) }
        #expect(error?.code == .invalidPacketData)
        #expect(error?.message == sample.message)
    }

    @Test("agrees with JSONSerialization on which inputs are valid")
    func agreesWithFoundation() {
        for sample in JSONParserCorpus.validCases + JSONParserCorpus.invalidCases {
            let foundationAccepts =
                (try? JSONSerialization.jsonObject(with: Data(sample.bytes), options: .fragmentsAllowed)) != nil
            let parserAccepts = (try? JSONParser.parse(sample.bytes)) != nil
            #expect(parserAccepts == (sample.value != nil), "\(sample.name)")
            #expect(foundationAccepts == (parserAccepts || sample.foundationAccepts), "\(sample.name)")
        }
    }

    @Test("the String, byte array and raw buffer entry points agree")
    func entryPointsAgree() throws {
        let text = #"{"name":"café","tags":["a","\u00e9"],"n":-1.25e3}"#
        let bytes = Array(text.utf8)
        let fromBuffer = try bytes.withUnsafeBytes { try JSONParser.parse($0) }
        #expect(try JSONParser.parse(text) == fromBuffer)
        #expect(try JSONParser.parse(bytes) == fromBuffer)
        #expect(fromBuffer == ["name": "café", "tags": ["a", "é"], "n": .double(-1250)])
    }

    @Test("parses a slice of a larger buffer without reading past it")
    func parsesSlice() throws {
        let bytes = Array(#"xx{"a":[1,2]}yy"#.utf8)
        let value = try bytes.withUnsafeBytes { try JSONParser.parse(UnsafeRawBufferPointer(rebasing: $0[2..<13])) }
        #expect(value == ["a": [1, 2]])
    }

    @Test("keeps the sign of negative zero doubles")
    func negativeZero() throws {
        let value = try JSONParser.parse("-0.0").doubleValue
        #expect(value?.sign == .minus)
    }

    @Test("finds the byte that ends a plain run at every position of a long string")
    func specialByteAtEveryPosition() throws {
        let plain = Array("abcdefghijklmnopqrstuvwx".utf8)
        for position in 0...plain.count {
            func text(inserting inserted: [UInt8]) -> [UInt8] {
                [UInt8(ascii: "\"")] + plain[..<position] + inserted + plain[position...] + [UInt8(ascii: "\"")]
            }
            let expected = String(decoding: plain[..<position], as: UTF8.self) + "\"é" + String(decoding: plain[position...], as: UTF8.self)
            #expect(try JSONParser.parse(text(inserting: Array(#"\"é"#.utf8))) == .string(expected))
            let control = #expect(throws: BrokerError.self) { try JSONParser.parse(text(inserting: [0x1F])) }
            #expect(control?.message == "control character in string at byte \(position + 1)")
            let invalid = #expect(throws: BrokerError.self) { try JSONParser.parse(text(inserting: [0xC3, 0x28])) }
            #expect(invalid?.message == "invalid UTF-8 at byte \(position + 1)")
        }
    }

    @Test("decodes long strings mixing escapes and multi-byte characters")
    func longEscapedString() throws {
        let piece = "ab\\\"c\\u00e9é😀\\n"
        let text = "\"" + String(repeating: piece, count: 500) + "\""
        let expected = String(repeating: "ab\"céé😀\n", count: 500)
        #expect(try JSONParser.parse(text) == .string(expected))
    }
}
