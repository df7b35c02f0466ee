import Broker
import Foundation

/// Types exercising `JSONValueEncoder` and `JSONValueDecoder`.
enum JSONValueCodingFixtures {
    enum Status: String, Codable { case pending, paid, shipped }
    enum Priority: Int, Codable { case low = 1, high = 2 }

    enum Shape: Codable, Equatable {
        case circle(radius: Double)
        case rectangle(width: Double, height: Double)
        case point
    }

    struct Address: Codable, Equatable {
        var street: String
        var city: String
        var zip: String?
    }

    struct Customer: Codable, Equatable {
        var name: String
        var age: UInt8
        var address: Address
        var email: String?
    }

    struct Line: Codable, Equatable {
        var sku: String
        var quantity: Int16
        var price: Double
        var discount: Float?
    }

    struct Order: Codable, Equatable {
        var id: Int64
        var status: Status
        var priority: Priority
        var customer: Customer
        var lines: [Line]
        var counts: [String: Int]
        var byWarehouse: [Int: [String]]
        var createdAt: Date
        var website: URL?
        var note: String?
        var flags: [Bool?]
        var shape: Shape
        var extra: JSON
    }

    static let order = Order(
        id: 9_007_199_254_740_993, status: .paid, priority: .high,
        customer: Customer(name: "Ada", age: 36, address: Address(street: "1 Loop", city: "London", zip: nil), email: "ada@example.org"),
        lines: [
            Line(sku: "A-1", quantity: 2, price: 9.99, discount: 0.1),
            Line(sku: "B-2", quantity: -1, price: 100, discount: nil),
        ],
        counts: ["apples": 3, "pears": 0], byWarehouse: [1: ["A-1"], 20: []],
        createdAt: Date(timeIntervalSince1970: 1_700_000_000.123), website: URL(string: "https://example.org/a?b=c"),
        note: nil, flags: [true, nil, false], shape: .rectangle(width: 2, height: 3.5),
        extra: ["trace": ["id": "t-1", "spans": [1, 2.5, .null]], "raw": true])

    /// `Animal` and `Dog` share one object through `superEncoder()` / `superDecoder()`.
    class Animal: Codable {
        let name: String

        init(name: String) {
            self.name = name
        }
    }

    final class Dog: Animal {
        let breed: String

        enum CodingKeys: String, CodingKey { case breed }

        init(name: String, breed: String) {
            self.breed = breed
            super.init(name: name)
        }

        required init(from decoder: any Decoder) throws {
            let container = try decoder.container(keyedBy: CodingKeys.self)
            breed = try container.decode(String.self, forKey: .breed)
            try super.init(from: container.superDecoder())
        }

        override func encode(to encoder: any Encoder) throws {
            var container = encoder.container(keyedBy: CodingKeys.self)
            try container.encode(breed, forKey: .breed)
            try super.encode(to: container.superEncoder())
        }
    }

    /// Written by hand with nested containers: `{"meta": {"version": v}, "items": [[x, y], ...]}`.
    struct Grid: Codable, Equatable {
        var version: Int
        var points: [[Int]]

        enum CodingKeys: String, CodingKey { case meta, items }
        enum MetaKeys: String, CodingKey { case version }

        init(version: Int, points: [[Int]]) {
            self.version = version
            self.points = points
        }

        init(from decoder: any Decoder) throws {
            let container = try decoder.container(keyedBy: CodingKeys.self)
            version = try container.nestedContainer(keyedBy: MetaKeys.self, forKey: .meta).decode(Int.self, forKey: .version)
            var items = try container.nestedUnkeyedContainer(forKey: .items)
            points = []
            while !items.isAtEnd {
                var pair = try items.nestedUnkeyedContainer()
                points.append([try pair.decode(Int.self), try pair.decode(Int.self)])
            }
        }

        func encode(to encoder: any Encoder) throws {
            var container = encoder.container(keyedBy: CodingKeys.self)
            var meta = container.nestedContainer(keyedBy: MetaKeys.self, forKey: .meta)
            var items = container.nestedUnkeyedContainer(forKey: .items)
            for point in points {
                var pair = items.nestedUnkeyedContainer()
                for coordinate in point { try pair.encode(coordinate) }
            }
            try meta.encode(version, forKey: .version)
        }
    }

    /// Encodes, and decodes, the coding path where it stands, as `"a.Index 0"`.
    struct PathEcho: Codable, Equatable {
        var path: String

        init(path: String) {
            self.path = path
        }

        init(from decoder: any Decoder) throws {
            path = decoder.codingPath.map(\.stringValue).joined(separator: ".")
        }

        func encode(to encoder: any Encoder) throws {
            var container = encoder.singleValueContainer()
            try container.encode(encoder.codingPath.map(\.stringValue).joined(separator: "."))
        }
    }
}
