import Broker
import Foundation
import Testing

/// Types that decode themselves by hand, and the types inference cannot describe.
extension ParamSchemaInferenceTests {
    struct Quantity: Decodable {
        struct TooSmall: Error, CustomStringConvertible {
            var description: String { "a quantity is at least 100" }
        }

        let value: Int

        init(from decoder: any Decoder) throws {
            value = try decoder.singleValueContainer().decode(Int.self)
            guard value >= 100 else { throw TooSmall() }
        }
    }

    struct BulkLine: Decodable {
        let sku: String
        let quantity: Quantity
    }

    struct BulkOrder: Decodable {
        let lines: [BulkLine]
    }

    @Test func aTypeRejectingThePlaceholdersIsNamedWithWhereItIs() throws {
        let error = try #require(throws: BrokerError.self) { try ParamSchema(inferring: BulkOrder.self) }
        #expect(error.code == .serviceSchema)
        #expect(error.data == ["field": "lines[].quantity"])
        #expect(error.message == """
            Invalid params schema for field 'lines[].quantity': cannot infer the params of BulkOrder: \
            Quantity.init(from:) rejected the placeholder values it was given (a quantity is at least 100); \
            pass 'params:' explicitly.
            """)
    }

    /// Checks what ordinary hand-written inits check, reads keys conditionally and `null` explicitly.
    struct Checked: Decodable {
        enum CodingKeys: String, CodingKey { case name, count, note, limit, scores }

        init(from decoder: any Decoder) throws {
            let container = try decoder.container(keyedBy: CodingKeys.self)
            guard try !container.decode(String.self, forKey: .name).isEmpty,
                try container.decode(Int.self, forKey: .count) > 0,
                try container.decode(Double.self, forKey: .limit) > 0
            else { throw DecodingError.dataCorruptedError(forKey: .name, in: container, debugDescription: "empty") }
            if container.contains(.note) { _ = try container.decode(String.self, forKey: .note) }
            _ = try container.decode([Int?].self, forKey: .scores)
        }
    }

    @Test func handWrittenInitsAreInferredFromWhatTheyAsk() throws {
        #expect(try ParamSchema(inferring: Checked.self).json == [
            "name": "string", "count": "number|integer", "limit": "number", "note": "string|optional",
            "scores": ["type": "array", "items": "number|integer|nullable"],
        ])
    }

    struct Category: Decodable {
        let name: String
        let children: [Category]
    }

    @Test func aTypeContainingItselfIsRejected() throws {
        let error = try #require(throws: BrokerError.self) { try ParamSchema(inferring: Category.self) }
        #expect(error.code == .serviceSchema)
        #expect(error.message == """
            Invalid params schema for field 'children[]': cannot infer the params of Category: \
            Category contains itself, which a params schema cannot describe; pass 'params:' explicitly.
            """)
    }

    @Test func aTypeThatIsNoObjectIsRejected() throws {
        let error = try #require(throws: BrokerError.self) { try ParamSchema(inferring: [String].self) }
        #expect(error.code == .serviceSchema)
        #expect(error.message.contains("params are an object, and Array<String> does not decode from one"))
        #expect(try ParamSchema(inferring: [String: JSON].self).json == [:])
    }

    struct Booking: ActionParams {
        let guest: String
        let nights: Int
        let room: Size
        let arrival: Date
        let address: Address
        let requests: [String]
        let pet: Bool?
        static let rules = ["guest": "min:2", "nights": "min:1|max:30", "requests": "max:2"]
    }

    static let handWrittenBooking: ParamSchema = [
        "guest": "string|min:2",
        "nights": ["type": "number", "integer": true, "min": 1, "max": 30],
        "room": ["type": "enum", "values": ["small", "M", "large"]],
        "arrival": "date",
        "address": ["$$type": "object", "street": "string", "zip": "string"],
        "requests": "string[]|max:2",
        "pet": "boolean|optional",
    ]

    @Test func theInferredSchemaValidatesAsTheHandWrittenOne() throws {
        let inferred = try ParamSchema(inferring: Booking.self)
        #expect(inferred.json != Self.handWrittenBooking.json)
        let good: JSON = [
            "guest": "Ann", "nights": 3, "room": "M", "arrival": "2026-01-02T03:04:05.678Z",
            "address": ["street": "Main St", "zip": "12345"], "requests": ["quiet"],
        ]
        let validated = try inferred.validate(good)
        #expect(validated == (try Self.handWrittenBooking.validate(good)))
        #expect(try JSONValueDecoder().decode(Booking.self, from: validated).room == .medium)
        let bad: JSON = [
            "guest": "A", "nights": 2.5, "room": "XL", "arrival": "soon", "address": ["street": 5],
            "requests": ["a", "b", 3], "pet": "yes",
        ]
        let found = failures(of: bad, against: inferred)
        #expect(found.count == 9)
        #expect(found == failures(of: bad, against: Self.handWrittenBooking))
    }
}
