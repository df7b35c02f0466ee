import Broker
import Foundation
import GRDB

/// Staff writes to the catalog; each enqueues its event in the same transaction.
struct ProductsWrites: Sendable {
    let database: StoreDatabase

    var actions: [ActionSchema] {
        [
            ActionSchema("create", rest: "POST /admin/products") { (ctx: Context, input: ProductsParams.Fields) -> Product in
                _ = try ctx.requireRole(.staff)
                return try await database.write { db in try Self.create(input, db) }
            },
            ActionSchema("update", rest: "PATCH /admin/products/:id") { (ctx: Context, input: ProductsParams.Fields) -> Product in
                _ = try ctx.requireRole(.staff)
                guard let id = input.id else { throw BrokerError.validation(fields: [Self.required("id")]) }
                return try await database.write { db in try Self.update(id, input, db) }
            },
            ActionSchema("delete", rest: "DELETE /admin/products/:id") { (ctx: Context, input: ProductsParams.ID) -> JSON in
                _ = try ctx.requireRole(.staff)
                return try await database.write { db in
                    var (row, variants) = try ProductsReads.find(String(input.id), db)
                    row.deletedAt = Self.now()
                    try row.update(db)
                    try db.enqueueEvent("product.deleted", ["productID": .int(input.id), "slug": .string(row.slug), "skus": .array(variants.map { .string($0.sku) })])
                    return ["ok": true]
                }
            },
        ]
    }

    private static func create(_ input: ProductsParams.Fields, _ db: Database) throws -> Product {
        var missing: [JSON] = []
        if input.name == nil { missing.append(required("name")) }
        if input.currency == nil { missing.append(required("currency")) }
        if input.variants == nil { missing.append(required("variants")) }
        guard missing.isEmpty, let name = input.name, let currency = input.currency, let variants = input.variants else {
            throw BrokerError.validation(fields: missing)
        }
        let slug = try freeSlug(input.slug ?? name, db)
        var row = ProductRow(
            slug: slug, name: name, description: input.description ?? "", category: input.category, currency: currency,
            images: String(decoding: JSONWriter.bytes(.array((input.images ?? []).map(JSON.string))), as: UTF8.self),
            createdAt: now(), updatedAt: now())
        try row.insert(db)
        let saved = try replaceVariants(of: row, with: variants, db)
        if row.description.isEmpty {
            row.description = try marketingDescription(row, saved)
            try row.update(db)
        }
        return try published("product.created", row, saved, db)
    }

    private static func update(_ id: Int, _ input: ProductsParams.Fields, _ db: Database) throws -> Product {
        var (row, variants) = try ProductsReads.find(String(id), db)
        if let name = input.name { row.name = name }
        if let slug = input.slug, slug != row.slug { row.slug = try freeSlug(slug, db) }
        if let description = input.description { row.description = description }
        if let category = input.category { row.category = category }
        if let images = input.images { row.images = String(decoding: JSONWriter.bytes(.array(images.map(JSON.string))), as: UTF8.self) }
        if input.currency != nil, input.currency != row.currency {
            throw BrokerError.conflict("A product's currency cannot change.", type: "INVALID_STATE")
        }
        row.updatedAt = now()
        try row.update(db)
        if let replacement = input.variants { variants = try replaceVariants(of: row, with: replacement, db) }
        return try published("product.updated", row, variants, db)
    }

    /// Replaces the product's variants; a SKU that another product (or this list twice) uses is a 409.
    private static func replaceVariants(of row: ProductRow, with variants: [ProductsParams.NewVariant], _ db: Database) throws -> [VariantRow] {
        guard let id = row.id else { return [] }
        let skus = variants.map(\.sku)
        if let twice = skus.first(where: { sku in skus.filter { $0 == sku }.count > 1 }) {
            throw BrokerError.conflict("The SKU '\(twice)' is listed twice.", type: "SKU_TAKEN", data: ["sku": .string(twice)])
        }
        try VariantRow.filter(Column("productId") == id).deleteAll(db)
        return try variants.map { variant in
            if try VariantRow.filter(Column("sku") == variant.sku).fetchCount(db) > 0 {
                throw BrokerError.conflict("The SKU '\(variant.sku)' belongs to another product.", type: "SKU_TAKEN", data: ["sku": .string(variant.sku)])
            }
            var saved = VariantRow(productId: id, sku: variant.sku, size: variant.size, colour: variant.colour, price: variant.price)
            try saved.insert(db)
            return saved
        }
    }

    /// The product as answered and as its event carries it (without stock).
    private static func published(_ event: String, _ row: ProductRow, _ variants: [VariantRow], _ db: Database) throws -> Product {
        let product = try Product(row, variants: variants, stock: nil)
        guard case .object(let payload) = try JSONValueEncoder().encode(product) else { return product }
        try db.enqueueEvent(event, ["product": .object(payload)])
        return product
    }

    /// `slug` made a slug, or with `-2`, `-3`, ... when taken.
    private static func freeSlug(_ text: String, _ db: Database) throws -> String {
        let base = Slug.make(text)
        guard !base.isEmpty else {
            throw BrokerError.validation(fields: [["type": "invalid", "field": "slug", "message": "The product needs a name or slug with letters or digits."]])
        }
        var slug = base
        var suffix = 1
        while try ProductRow.filter(Column("slug") == slug).fetchCount(db) > 0 {
            suffix += 1
            slug = "\(base)-\(suffix)"
        }
        return slug
    }

    /// A description written from the product's facts, for products given none.
    private static func marketingDescription(_ row: ProductRow, _ variants: [VariantRow]) throws -> String {
        let sizes = Set(variants.compactMap(\.size)).count, colours = Set(variants.compactMap(\.colour)).count
        var facts: [String] = []
        if sizes > 1 { facts.append("\(sizes) sizes") }
        if colours > 1 { facts.append("\(colours) colours") }
        let from = try Money(variants.map(\.price).min() ?? 0, row.currency)
        let choice = facts.isEmpty ? "" : " in \(facts.joined(separator: " and "))"
        return "\(row.name)\(row.category.map { ", from our \($0.replacingOccurrences(of: "-", with: " ")) range," } ?? ""), available\(choice) from \(from)."
    }

    private static func required(_ field: String) -> JSON {
        ["type": "required", "field": .string(field), "message": .string("The '\(field)' field is required.")]
    }

    private static func now() -> String { ISO8601DateFormatter().string(from: Date()) }
}
