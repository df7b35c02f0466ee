import Broker
import Foundation
import GRDB

/// A row of `product`; `images` holds a JSON array of paths.
struct ProductRow: Codable, Sendable, FetchableRecord, MutablePersistableRecord {
    static let databaseTableName = "product"
    static let variants = hasMany(VariantRow.self)
    var id: Int64?
    var slug: String
    var name: String
    var description: String
    var category: String?
    var currency: String
    var images: String
    var createdAt: String
    var updatedAt: String
    var deletedAt: String?

    mutating func didInsert(_ inserted: InsertionSuccess) {
        id = inserted.rowID
    }

    var imagePaths: [String] {
        (try? JSONParser.parse(images))?.arrayValue?.compactMap(\.stringValue) ?? []
    }
}

/// A row of `variant`: one SKU of a product, with its options and price in minor units.
struct VariantRow: Codable, Sendable, FetchableRecord, MutablePersistableRecord {
    static let databaseTableName = "variant"
    var id: Int64?
    var productId: Int64
    var sku: String
    var size: String?
    var colour: String?
    var price: Int

    mutating func didInsert(_ inserted: InsertionSuccess) {
        id = inserted.rowID
    }
}

/// A product as `products.get` answers it.
public struct Product: Codable, Sendable, Equatable {
    public struct Variant: Codable, Sendable, Equatable {
        public var sku: String
        public var options: [String: String]
        public var price: Money
        /// Units available, from the inventory service; null when it cannot be asked.
        public var stock: Int?

        public func encode(to encoder: any Encoder) throws {
            var container = encoder.container(keyedBy: CodingKeys.self)
            try container.encode(sku, forKey: .sku)
            try container.encode(options, forKey: .options)
            try container.encode(price, forKey: .price)
            try container.encode(stock, forKey: .stock)
        }
    }

    public var id: Int
    public var slug: String
    public var name: String
    public var description: String
    public var category: String?
    public var images: [String]
    public var variants: [Variant]
    public var createdAt: String
    public var updatedAt: String

    init(_ row: ProductRow, variants: [VariantRow], stock: [String: Int]?) throws {
        id = Int(row.id ?? 0)
        slug = row.slug
        name = row.name
        description = row.description
        category = row.category
        images = row.imagePaths
        createdAt = row.createdAt
        updatedAt = row.updatedAt
        self.variants = try variants.map { variant in
            var options: [String: String] = [:]
            options["size"] = variant.size
            options["colour"] = variant.colour
            return Variant(sku: variant.sku, options: options, price: try Money(variant.price, row.currency), stock: stock.map { $0[variant.sku] ?? 0 })
        }
    }
}

/// A product in a list: `priceFrom` is its cheapest variant, `inStock` nil when the inventory
/// service cannot be asked.
public struct ProductSummary: Codable, Sendable, Equatable {
    public var id: Int
    public var slug: String
    public var name: String
    public var category: String?
    public var priceFrom: Money
    public var inStock: Bool?

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(id, forKey: .id)
        try container.encode(slug, forKey: .slug)
        try container.encode(name, forKey: .name)
        try container.encode(category, forKey: .category)
        try container.encode(priceFrom, forKey: .priceFrom)
        try container.encode(inStock, forKey: .inStock)
    }
}

/// What other services need of a SKU (`products.variants`): its product and its price now.
public struct VariantInfo: Codable, Sendable, Equatable {
    public var sku: String
    public var productID: Int
    public var name: String
    public var options: [String: String]
    public var price: Money

    init(_ row: Row) throws {
        sku = row["sku"]
        productID = row["id"]
        name = row["name"]
        var options: [String: String] = [:]
        options["size"] = row["size"]
        options["colour"] = row["colour"]
        self.options = options
        price = try Money(row["price"], row["currency"])
    }
}
