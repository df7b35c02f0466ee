import GRDB

/// The orders service's tables. Shipped migrations are never edited; add new ones.
enum OrdersDatabase {
    static var migrator: DatabaseMigrator {
        var migrator = DatabaseMigrator()
        migrator.registerMigration("orders-v1") { db in
            try db.create(table: "order") { table in
                table.autoIncrementedPrimaryKey("id")
                table.column("number", .text).unique()
                table.column("userID", .integer).notNull().indexed()
                table.column("email", .text).notNull()
                table.column("status", .text).notNull()
                table.column("saga", .text).notNull()
                table.column("currency", .text).notNull()
                table.column("subtotal", .integer).notNull()
                table.column("shippingPrice", .integer).notNull()
                table.column("total", .integer).notNull()
                table.column("shippingAddress", .text).notNull()
                table.column("shippingOption", .text).notNull()
                table.column("idempotencyKey", .text).notNull()
                table.column("requestHash", .text).notNull()
                table.column("last4", .text)
                table.column("trackingNumber", .text)
                table.column("expiresAt", .double).notNull()
                table.column("createdAt", .text).notNull()
                table.uniqueKey(["userID", "idempotencyKey"])
            }
            try db.create(table: "orderLine") { table in
                table.belongsTo("order", onDelete: .cascade).notNull()
                table.column("sku", .text).notNull()
                table.column("productID", .integer).notNull()
                table.column("name", .text).notNull()
                table.column("options", .text).notNull()
                table.column("quantity", .integer).notNull().check { $0 > 0 }
                table.column("unitPrice", .integer).notNull()
                table.column("lineTotal", .integer).notNull()
            }
            try db.create(table: "orderHistory") { table in
                table.belongsTo("order", onDelete: .cascade).notNull()
                table.column("status", .text).notNull()
                table.column("note", .text)
                table.column("at", .text).notNull()
            }
        }
        return migrator
    }
}
