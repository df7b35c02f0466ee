import GRDB

/// The carts service's tables: a cart belongs to a user, or to a guest who holds its random id.
enum CartsDatabase {
    static var migrator: DatabaseMigrator {
        var migrator = DatabaseMigrator()
        migrator.registerMigration("carts-v1") { db in
            try db.create(table: "cart") { table in
                table.primaryKey("id", .text)
                table.column("userId", .integer).unique()
                table.column("updatedAt", .text).notNull()
            }
            try db.create(table: "cartLine") { table in
                table.belongsTo("cart", onDelete: .cascade).notNull()
                table.column("sku", .text).notNull()
                table.column("quantity", .integer).notNull().check { $0 > 0 }
                table.primaryKey(["cartId", "sku"])
            }
        }
        return migrator
    }
}

/// A cart as the service answers it: lines with today's prices, and their subtotal.
public struct Cart: Codable, Sendable, Equatable {
    public struct Line: Codable, Sendable, Equatable {
        public var sku: String
        public var productID: Int
        public var name: String
        public var options: [String: String]
        public var quantity: Int
        public var unitPrice: Money
        public var lineTotal: Money
    }

    public var id: String
    public var lines: [Line]
    /// Null for an empty cart.
    public var subtotal: Money?
    public var itemCount: Int

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(id, forKey: .id)
        try container.encode(lines, forKey: .lines)
        try container.encode(subtotal, forKey: .subtotal)
        try container.encode(itemCount, forKey: .itemCount)
    }
}
