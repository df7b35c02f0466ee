import Broker
import Foundation
import GRDB

/// The `carts` service: one cart per customer, or per guest (who keeps the cart's `id` and
/// passes it as `cartId`). Lines keep SKU and quantity only: every answer reads the current
/// names and prices from `products`, and a quantity above the stock `inventory` reports is a
/// 409 `OUT_OF_STOCK`.
public enum CartsService {
    struct Which: ActionParams {
        let cartId: String?
        static let rules = ["cartId": "uuid"]
    }

    struct Item: ActionParams {
        let sku: String
        let quantity: Int?
        let cartId: String?
        static let rules = ["sku": "trim|min:1|max:64", "quantity": "min:1|max:1000", "cartId": "uuid"]
    }

    public static func make(_ environment: ServiceEnvironment) throws -> ServiceSchema {
        let store = StoreService(name: "carts", environment: environment, migrator: CartsDatabase.migrator)
        let carts = CartLines(database: store.database)
        return store.schema(actions: [
            ActionSchema("get", rest: "GET /cart") { (ctx: Context, input: Which) -> Cart in
                try await carts.answer(try await carts.cartID(ctx, given: input.cartId, create: false), ctx)
            },
            ActionSchema("addItem", rest: "POST /cart/items") { (ctx: Context, input: Item) -> Cart in
                let id = try await carts.cartID(ctx, given: input.cartId, create: true)
                let quantity = try await carts.quantity(of: input.sku, in: id) + (input.quantity ?? 1)
                try await carts.set(input.sku, quantity: quantity, in: id, ctx)
                return try await carts.answer(id, ctx)
            },
            ActionSchema("updateItem", rest: "PATCH /cart/items/:sku") { (ctx: Context, input: Item) -> Cart in
                let id = try await carts.cartID(ctx, given: input.cartId, create: false)
                guard try await carts.quantity(of: input.sku, in: id) > 0 else { throw BrokerError.notFound("cart line", .string(input.sku)) }
                try await carts.set(input.sku, quantity: input.quantity ?? 1, in: id, ctx)
                return try await carts.answer(id, ctx)
            },
            ActionSchema("clear", visibility: .public) { (ctx: Context, input: Which) -> Cart in
                let id = try await carts.cartID(ctx, given: input.cartId, create: false)
                try await carts.clear(id)
                return try await carts.answer(id, ctx)
            },
            ActionSchema("removeItem", rest: "DELETE /cart/items/:sku") { (ctx: Context, input: Item) -> Cart in
                let id = try await carts.cartID(ctx, given: input.cartId, create: false)
                try await carts.remove(input.sku, from: id)
                return try await carts.answer(id, ctx)
            },
        ])
    }
}

/// Reading and changing cart lines.
struct CartLines: Sendable {
    let database: StoreDatabase

    /// The caller's cart: the user's own (made on first use), else the guest's `cartId`; a guest
    /// without one gets a new cart when `create`, else an empty one. An unknown `cartId`, or one
    /// that belongs to a user, is a 404.
    func cartID(_ ctx: Context, given: String?, create: Bool) async throws -> String {
        let user = ctx.user
        return try await database.write { db in
            if let user {
                if let id = try String.fetchOne(db, sql: "SELECT id FROM cart WHERE userId = ?", arguments: [user.id]) { return id }
                let id = UUID().uuidString.lowercased()
                try db.execute(sql: "INSERT INTO cart (id, userId, updatedAt) VALUES (?, ?, ?)", arguments: [id, user.id, Self.now()])
                return id
            }
            if let given {
                guard try Row.fetchOne(db, sql: "SELECT 1 FROM cart WHERE id = ? AND userId IS NULL", arguments: [given]) != nil else {
                    throw BrokerError.notFound("cart", .string(given))
                }
                return given
            }
            let id = UUID().uuidString.lowercased()
            if create { try db.execute(sql: "INSERT INTO cart (id, updatedAt) VALUES (?, ?)", arguments: [id, Self.now()]) }
            return id
        }
    }

    func quantity(of sku: String, in cart: String) async throws -> Int {
        try await database.read { db in
            try Int.fetchOne(db, sql: "SELECT quantity FROM cartLine WHERE cartId = ? AND sku = ?", arguments: [cart, sku]) ?? 0
        }
    }

    /// Sets a line after checking the SKU is sold (404) and in stock (409 `OUT_OF_STOCK`).
    func set(_ sku: String, quantity: Int, in cart: String, _ ctx: Context) async throws {
        guard try await Self.variants([sku], ctx).first != nil else { throw BrokerError.notFound("product variant", .string(sku)) }
        let available = try await ctx.call("inventory.levels", ["skus": [.string(sku)]]).arrayValue?.first?["available"]?.intValue ?? 0
        guard quantity <= available else {
            throw BrokerError.conflict(
                "Only \(available) of \(sku) in stock.", type: "OUT_OF_STOCK",
                data: [["sku": .string(sku), "requested": .int(quantity), "available": .int(available)]])
        }
        try await database.write { db in
            try db.execute(
                sql: "INSERT INTO cartLine (cartId, sku, quantity) VALUES (?, ?, ?) ON CONFLICT (cartId, sku) DO UPDATE SET quantity = excluded.quantity",
                arguments: [cart, sku, quantity])
            try db.execute(sql: "UPDATE cart SET updatedAt = ? WHERE id = ?", arguments: [Self.now(), cart])
        }
    }

    /// Empties the cart (after a checkout).
    func clear(_ cart: String) async throws {
        try await database.write { db in try db.execute(sql: "DELETE FROM cartLine WHERE cartId = ?", arguments: [cart]) }
    }

    func remove(_ sku: String, from cart: String) async throws {
        try await database.write { db in
            try db.execute(sql: "DELETE FROM cartLine WHERE cartId = ? AND sku = ?", arguments: [cart, sku])
        }
    }

    /// The cart with today's names and prices; lines whose SKU is no longer sold are left out.
    func answer(_ cart: String, _ ctx: Context) async throws -> Cart {
        let lines = try await database.read { db in
            try Row.fetchAll(db, sql: "SELECT sku, quantity FROM cartLine WHERE cartId = ? ORDER BY sku", arguments: [cart])
                .map { (sku: $0["sku"] as String, quantity: $0["quantity"] as Int) }
        }
        guard !lines.isEmpty else { return Cart(id: cart, lines: [], subtotal: nil, itemCount: 0) }
        let variants = try await Self.variants(lines.map(\.sku), ctx)
        var answered: [Cart.Line] = []
        var subtotal: Money?
        for line in lines {
            guard let variant = variants.first(where: { $0.sku == line.sku }) else { continue }
            let total = try variant.price.multiplied(by: line.quantity)
            answered.append(Cart.Line(
                sku: line.sku, productID: variant.productID, name: variant.name, options: variant.options, quantity: line.quantity,
                unitPrice: variant.price, lineTotal: total))
            subtotal = try subtotal.map { try $0.adding(total) } ?? total
        }
        return Cart(id: cart, lines: answered, subtotal: subtotal, itemCount: answered.reduce(0) { $0 + $1.quantity })
    }

    static func variants(_ skus: [String], _ ctx: Context) async throws -> [VariantInfo] {
        try await ctx.call("products.variants", params: ["skus": skus], as: [VariantInfo].self)
    }

    static func now() -> String { ISO8601DateFormatter().string(from: Date()) }
}
