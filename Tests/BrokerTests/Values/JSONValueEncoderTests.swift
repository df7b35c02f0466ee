import Broker
import Foundation
import Testing

@Suite("JSONValueEncoder")
struct JSONValueEncoderTests {
    typealias Fixtures = JSONValueCodingFixtures
    let encoder = JSONValueEncoder()

    @Test("encodes nested structs, raw enums, dictionaries, dates, URLs and JSON members")
    func encodesOrder() throws {
        let expected: JSON = [
            "id": .int(9_007_199_254_740_993), "status": "paid", "priority": 2,
            "customer": [
                "name": "Ada", "age": 36, "address": ["street": "1 Loop", "city": "London"], "email": "ada@example.org",
            ],
            "lines": [
                ["sku": "A-1", "quantity": 2, "price": 9.99, "discount": 0.1],
                ["sku": "B-2", "quantity": -1, "price": .double(100)],
            ],
            "counts": ["apples": 3, "pears": 0], "byWarehouse": ["1": ["A-1"], "20": []],
            "createdAt": "2023-11-14T22:13:20.123Z", "website": "https://example.org/a?b=c",
            "flags": [true, .null, false], "shape": ["rectangle": ["width": .double(2), "height": 3.5]],
            "extra": ["trace": ["id": "t-1", "spans": [1, 2.5, .null]], "raw": true],
        ]
        #expect(try encoder.encode(Fixtures.order) == expected)
    }

    @Test("round-trips through JSONValueDecoder")
    func roundTrip() throws {
        let json = try encoder.encode(Fixtures.order)
        #expect(try JSONValueDecoder().decode(Fixtures.Order.self, from: json) == Fixtures.order)
        #expect(try json.decode(as: Fixtures.Order.self) == Fixtures.order)
        #expect(try JSON(encoding: Fixtures.order) == json)
    }

    @Test("writes the same JSON as JSONEncoder")
    func matchesFoundation() throws {
        let customer = Fixtures.order.customer
        let grid = Fixtures.Grid(version: 3, points: [[1, 2], [-3, 4]])
        let dog = Fixtures.Dog(name: "Lassie", breed: "collie")
        let mixed: [String: [Int?]] = ["a": [1, nil], "b": []]
        #expect(try sameAsFoundation(customer))
        #expect(try sameAsFoundation(Fixtures.order.lines))
        #expect(try sameAsFoundation([Fixtures.Shape.circle(radius: 1.5), .point]))
        #expect(try sameAsFoundation(grid))
        #expect(try sameAsFoundation(dog))
        #expect(try sameAsFoundation(mixed))
    }

    private func sameAsFoundation(_ value: some Encodable) throws -> Bool {
        let viaFoundation = try JSONParser.parse(Array(JSONEncoder().encode(value)))
        return try JSONParser.parse(JSONWriter.bytes(encoder.encode(value))) == viaFoundation
    }

    @Test("encodes top-level primitives, optionals and JSON as they are")
    func topLevelValues() throws {
        #expect(try encoder.encode(5) == 5)
        #expect(try encoder.encode(UInt8(7)) == 7)
        #expect(try encoder.encode(2.5) == 2.5)
        #expect(try encoder.encode(Float(0.1)) == 0.1)
        #expect(try encoder.encode("x") == "x")
        #expect(try encoder.encode(true) == true)
        #expect(try encoder.encode(Int?.none) == .null)
        #expect(try encoder.encode([1, 2]) == [1, 2])
        #expect(try encoder.encode([Int?.none, 3]) == [.null, 3])
        let json: JSON = ["a": [.null, ["b": 1.5]]]
        #expect(try encoder.encode(json) == json)
        #expect(try encoder.encode(Data([0, 1, 254, 255])) == "AAH+/w==")
    }

    @Test("omits nil optionals in keyed containers")
    func omitsNil() throws {
        let address = Fixtures.Address(street: "s", city: "c", zip: nil)
        #expect(try encoder.encode(address) == ["street": "s", "city": "c"])
    }

    @Test("nests a superclass's members under super")
    func superEncoder() throws {
        let json = try encoder.encode(Fixtures.Dog(name: "Lassie", breed: "collie"))
        #expect(json == ["breed": "collie", "super": ["name": "Lassie"]])
        let dog = try JSONValueDecoder().decode(Fixtures.Dog.self, from: json)
        #expect(dog.name == "Lassie" && dog.breed == "collie")
    }

    @Test("keeps writing into nested containers after handing them out")
    func nestedContainers() throws {
        let grid = Fixtures.Grid(version: 3, points: [[1, 2], [3, 4]])
        let json = try encoder.encode(grid)
        #expect(json == ["meta": ["version": 3], "items": [[1, 2], [3, 4]]])
        #expect(try JSONValueDecoder().decode(Fixtures.Grid.self, from: json) == grid)
    }

    @Test("maintains the coding path")
    func codingPath() throws {
        let echo = Fixtures.PathEcho(path: "")
        let value = ["a": [echo, echo], "b": [echo]]
        #expect(try encoder.encode(value) == ["a": ["a.Index 0", "a.Index 1"], "b": ["b.Index 0"]])
        #expect(try encoder.encode(["x": ["y": echo]]) == ["x": ["y": "x.y"]])
        let decoded = try JSONValueDecoder().decode([String: [Fixtures.PathEcho]].self, from: ["a": [0, 0]])
        #expect(decoded == ["a": [Fixtures.PathEcho(path: "a.Index 0"), Fixtures.PathEcho(path: "a.Index 1")]])
    }

    @Test("rejects numbers JSON cannot hold, naming the coding path")
    func invalidValues() throws {
        var order = Fixtures.order
        order.lines[1].price = .nan
        let error = #expect(throws: EncodingError.self) { try encoder.encode(order) }
        guard case .invalidValue(_, let context)? = error else { return }
        #expect(context.codingPath.map(\.stringValue) == ["lines", "Index 1", "price"])

        #expect(throws: EncodingError.self) { try encoder.encode(["big": UInt64.max]) }
        #expect(throws: EncodingError.self) { try encoder.encode([Float.infinity]) }
        #expect(try encoder.encode(UInt64(Int.max)) == .int(.max))
    }

    @Test("rejects a top-level value that encodes nothing; a nested one becomes an empty object")
    func emptyValues() throws {
        #expect(throws: EncodingError.self) { try encoder.encode(Silent()) }
        #expect(try encoder.encode(["quiet": Silent()]) == ["quiet": [:]])
    }

    private struct Silent: Encodable {
        func encode(to encoder: any Encoder) throws {}
    }
}
