import Broker
import Foundation
import Testing

@Suite("JSONValueDecoder")
struct JSONValueDecoderTests {
    typealias Fixtures = JSONValueCodingFixtures
    let decoder = JSONValueDecoder()

    private let customer: JSON = [
        "name": "Ada", "age": 36, "address": ["street": "1 Loop", "city": "London", "zip": .null],
    ]

    @Test("decodes missing keys and null as nil optionals")
    func optionals() throws {
        let decoded = try decoder.decode(Fixtures.Customer.self, from: customer)
        #expect(decoded.email == nil)
        #expect(decoded.address.zip == nil)
        #expect(try decoder.decode([Int?].self, from: [1, .null]) == [1, nil])
        #expect(try decoder.decode(Int?.self, from: .null) == nil)
    }

    @Test("decodes numbers liberally: integral doubles as integers, integers as floating point")
    func liberalNumbers() throws {
        #expect(try decoder.decode(Int.self, from: .double(3)) == 3)
        #expect(try decoder.decode(Int64.self, from: .double(-9_007_199_254_740_992)) == -9_007_199_254_740_992)
        #expect(try decoder.decode(UInt64.self, from: .int(.max)) == UInt64(Int.max))
        #expect(try decoder.decode(Int8.self, from: -128) == -128)
        #expect(try decoder.decode(UInt16.self, from: .double(65535)) == 65535)
        #expect(try decoder.decode(Double.self, from: 2) == 2)
        #expect(try decoder.decode(Float.self, from: 2) == 2)
        #expect(try decoder.decode(Float.self, from: 0.1) == Float(0.1))
        #expect(try decoder.decode([Double].self, from: [1, 1.5]) == [1, 1.5])
    }

    @Test("rejects numbers that do not fit the type, naming the coding path")
    func rejectsOutOfRange() {
        let samples: [(JSON, any Decodable.Type)] = [
            (.int(300), Int8.self), (.int(-1), UInt8.self), (.int(-1), UInt.self), (.double(1.5), Int.self),
            (.double(1e19), Int.self), (.int(70_000), Int16.self), (.double(1e300), Float.self),
        ]
        for (json, type) in samples {
            let error = #expect(throws: DecodingError.self, "\(json) as \(type)") { try decodeMember(type, from: json) }
            guard case .dataCorrupted(let context)? = error else {
                Issue.record("expected dataCorrupted, got \(String(describing: error))")
                continue
            }
            #expect(context.codingPath.map(\.stringValue) == ["n"])
        }
    }

    /// Decodes `{"n": json}` as a `[String: T]`.
    private func decodeMember<T: Decodable>(_ type: T.Type, from json: JSON) throws {
        _ = try decoder.decode([String: T].self, from: ["n": json])
    }

    @Test("decodes Bool only from true and false")
    func strictBool() throws {
        #expect(try decoder.decode(Bool.self, from: true) == true)
        #expect(throws: DecodingError.self) { try decoder.decode(Bool.self, from: 1) }
        #expect(throws: DecodingError.self) { try decoder.decode(Bool.self, from: "true") }
    }

    @Test("a type mismatch names the coding path")
    func typeMismatchPath() {
        var json = customer
        json["address"]?["city"] = 5
        let error = #expect(throws: DecodingError.self) { try decoder.decode([Fixtures.Customer].self, from: [customer, json]) }
        guard case .typeMismatch(let type, let context)? = error else {
            Issue.record("expected typeMismatch, got \(String(describing: error))")
            return
        }
        #expect(type is String.Type)
        #expect(context.codingPath.map(\.stringValue) == ["Index 1", "address", "city"])
        #expect(context.debugDescription == "Expected to decode String but found a number instead.")
    }

    @Test("a missing key, a null and the end of an array have their own errors and paths")
    func missingValues() {
        let missing = #expect(throws: DecodingError.self) { try decoder.decode(Fixtures.Customer.self, from: ["name": "Ada"]) }
        guard case .keyNotFound(let key, let keyContext)? = missing else { return }
        #expect(key.stringValue == "age" && keyContext.codingPath.isEmpty)

        let null = #expect(throws: DecodingError.self) { try decoder.decode([String: Int].self, from: ["a": .null]) }
        guard case .valueNotFound(_, let nullContext)? = null else { return }
        #expect(nullContext.codingPath.map(\.stringValue) == ["a"])

        let short = #expect(throws: DecodingError.self) { try decoder.decode(Fixtures.Grid.self, from: ["meta": ["version": 1], "items": [[1]]]) }
        guard case .valueNotFound(_, let endContext)? = short else { return }
        #expect(endContext.codingPath.map(\.stringValue) == ["items", "Index 0", "Index 1"])

        #expect(throws: DecodingError.self) { try decoder.decode(Fixtures.Customer.self, from: [customer]) }
    }

    @Test("passes JSON members through unchanged")
    func jsonPassthrough() throws {
        struct Envelope: Codable, Equatable {
            var kind: String
            var extra: JSON
            var optionalExtra: JSON?
        }
        let extra: JSON = ["nested": [1, "two", .null, ["deep": 2.5]], "flag": false]
        let json: JSON = ["kind": "k", "extra": extra, "optionalExtra": [1]]
        let decoded = try decoder.decode(Envelope.self, from: json)
        #expect(decoded == Envelope(kind: "k", extra: extra, optionalExtra: [1]))
        #expect(try decoder.decode(JSON.self, from: extra) == extra)
        #expect(try JSONValueEncoder().encode(decoded) == json)
    }

    @Test("decodes dictionaries from objects")
    func dictionaries() throws {
        #expect(try decoder.decode([String: [Int]].self, from: ["a": [1], "b": []]) == ["a": [1], "b": []])
        #expect(try decoder.decode([Int: String].self, from: ["1": "x", "20": "y"]) == [1: "x", 20: "y"])
    }

    @Test("decodes enums with raw values and associated values")
    func enums() throws {
        #expect(try decoder.decode([Fixtures.Status].self, from: ["paid", "shipped"]) == [.paid, .shipped])
        #expect(try decoder.decode(Fixtures.Priority.self, from: 1) == .low)
        #expect(try decoder.decode(Fixtures.Shape.self, from: ["circle": ["radius": 2]]) == .circle(radius: 2))
        #expect(throws: DecodingError.self) { try decoder.decode(Fixtures.Status.self, from: "lost") }
    }

    @Test("decodes URL and Base64 Data from strings")
    func urlAndData() throws {
        #expect(try decoder.decode(URL.self, from: "https://example.org/x") == URL(string: "https://example.org/x"))
        #expect(try decoder.decode(Data.self, from: "AAH+/w==") == Data([0, 1, 254, 255]))
        #expect(throws: DecodingError.self) { try decoder.decode(Data.self, from: "not base64!") }
    }

    @Test("allKeys lists the members the key type knows")
    func allKeys() throws {
        struct Keys: Decodable {
            var names: [String]
            enum CodingKeys: String, CodingKey { case a, b }
            init(from decoder: any Decoder) throws {
                names = try decoder.container(keyedBy: CodingKeys.self).allKeys.map(\.stringValue).sorted()
            }
        }
        #expect(try decoder.decode(Keys.self, from: ["a": 1, "b": 2, "c": 3]).names == ["a", "b"])
    }
}
