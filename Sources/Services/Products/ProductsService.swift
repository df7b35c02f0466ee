import Broker
import GRDB

/// The `products` service: the catalog. Products have variants (SKUs with size and colour
/// options and a price in minor units), a slug, images and a category (a slug of the
/// `categories` service). Anyone reads; staff write, and every write goes out as
/// `product.created`, `product.updated` or `product.deleted` through the outbox. Stock comes
/// from the `inventory` service when it answers (else `stock` and `inStock` are null).
public enum ProductsService {
    public static func make(_ environment: ServiceEnvironment) throws -> ServiceSchema {
        let store = StoreService(name: "products", environment: environment, migrator: ProductsDatabase.migrator)
        let reads = ProductsReads(database: store.database)
        let writes = ProductsWrites(database: store.database)
        return store.schema(outbox: true, actions: reads.actions + writes.actions)
    }

    /// Units available per SKU from `inventory.levels`; nil when the inventory cannot be asked.
    static func stock(of skus: [String], _ ctx: Context) async -> [String: Int]? {
        guard !skus.isEmpty else { return [:] }
        guard let levels = try? await ctx.call("inventory.levels", ["skus": .array(skus.map(JSON.string))]).arrayValue else { return nil }
        var stock: [String: Int] = [:]
        for level in levels {
            if let sku = level["sku"]?.stringValue, let available = level["available"]?.intValue { stock[sku] = available }
        }
        return stock
    }
}

/// Listing and reading products.
struct ProductsReads: Sendable {
    let database: StoreDatabase

    var actions: [ActionSchema] {
        [
            ActionSchema("list", rest: "GET /products") { (ctx: Context, input: ProductsParams.List) -> Page<ProductSummary> in
                try await list(input, ctx)
            },
            ActionSchema("variants", visibility: .public) { (ctx: Context, input: ProductsParams.SKUs) -> [VariantInfo] in
                try await database.read { db in
                    try Row.fetchAll(
                        db,
                        sql: """
                            SELECT v.sku, v.price, v.size, v.colour, p.id, p.name, p.currency FROM variant v
                            JOIN product p ON p.id = v.productId
                            WHERE p.deletedAt IS NULL AND v.sku IN (\(databaseQuestionMarks(count: input.skus.count)))
                            """,
                        arguments: StatementArguments(input.skus)
                    ).map(VariantInfo.init)
                }
            },
            ActionSchema("get", rest: "GET /products/:idOrSlug") { (ctx: Context, input: ProductsParams.Lookup) -> Product in
                let (row, variants) = try await database.read { db in try Self.find(input.idOrSlug, db) }
                return try Product(row, variants: variants, stock: await ProductsService.stock(of: variants.map(\.sku), ctx))
            },
        ]
    }

    /// A live product by id or slug, with its variants; 404 otherwise.
    static func find(_ idOrSlug: String, _ db: Database) throws -> (ProductRow, [VariantRow]) {
        let request = Int64(idOrSlug).map { ProductRow.filter(key: $0) } ?? ProductRow.filter(Column("slug") == idOrSlug)
        guard let row = try request.filter(Column("deletedAt") == nil).fetchOne(db), let id = row.id else {
            throw BrokerError.notFound("product", .string(idOrSlug))
        }
        return (row, try VariantRow.filter(Column("productId") == id).order(Column("id")).fetchAll(db))
    }

    private func list(_ input: ProductsParams.List, _ ctx: Context) async throws -> Page<ProductSummary> {
        let page = PageRequest(page: input.page, pageSize: input.pageSize)
        var categories: [String]?
        if let category = input.category {
            categories = (try? await ctx.call("categories.descendants", ["slug": .string(category)], as: [String].self)) ?? [category]
        }
        let order: String
        switch input.sort ?? .name {
        case .name: order = "p.name, p.id"
        case .price: order = "priceFrom, p.id"
        case .descendingPrice: order = "priceFrom DESC, p.id"
        case .newest: order = "p.createdAt DESC, p.id DESC"
        }
        let filter = categories.map { "AND p.category IN (\(databaseQuestionMarks(count: $0.count)))" } ?? ""
        let arguments = StatementArguments(categories ?? [])
        let (rows, total) = try await database.read { db in
            let rows = try Row.fetchAll(
                db,
                sql: """
                    SELECT p.id, p.slug, p.name, p.category, p.currency, MIN(v.price) AS priceFrom, GROUP_CONCAT(v.sku, char(31)) AS skus
                    FROM product p JOIN variant v ON v.productId = p.id
                    WHERE p.deletedAt IS NULL \(filter) GROUP BY p.id ORDER BY \(order) LIMIT ? OFFSET ?
                    """,
                arguments: arguments + [page.pageSize, page.offset]
            ).map(Listed.init)
            let total = try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM product p WHERE p.deletedAt IS NULL \(filter)", arguments: arguments) ?? 0
            return (rows, total)
        }
        let stock = await ProductsService.stock(of: rows.flatMap(\.skus), ctx)
        let summaries = try rows.map { row in
            ProductSummary(
                id: row.id, slug: row.slug, name: row.name, category: row.category, priceFrom: try Money(row.priceFrom, row.currency),
                inStock: stock.map { stock in row.skus.contains { (stock[$0] ?? 0) > 0 } })
        }
        return Page(rows: summaries, request: page, total: total)
    }

    /// One row of the list query.
    private struct Listed: Sendable {
        let id: Int
        let slug: String
        let name: String
        let category: String?
        let currency: String
        let priceFrom: Int
        let skus: [String]

        init(_ row: Row) {
            id = row["id"]
            slug = row["slug"]
            name = row["name"]
            category = row["category"]
            currency = row["currency"]
            priceFrom = row["priceFrom"]
            skus = (row["skus"] as String? ?? "").split(separator: "\u{1F}").map(String.init)
        }
    }
}
