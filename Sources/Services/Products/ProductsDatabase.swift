import GRDB

/// The products service's tables. Shipped migrations are never edited; add new ones.
enum ProductsDatabase {
    static var migrator: DatabaseMigrator {
        var migrator = DatabaseMigrator()
        migrator.registerMigration("products-v1") { db in
            try db.create(table: "product") { table in
                table.autoIncrementedPrimaryKey("id")
                table.column("slug", .text).notNull().unique()
                table.column("name", .text).notNull()
                table.column("description", .text).notNull()
                table.column("category", .text)
                table.column("currency", .text).notNull()
                table.column("images", .text).notNull()
                table.column("createdAt", .text).notNull()
                table.column("updatedAt", .text).notNull()
                table.column("deletedAt", .text)
            }
            try db.create(table: "variant") { table in
                table.autoIncrementedPrimaryKey("id")
                table.belongsTo("product", onDelete: .cascade).notNull()
                table.column("sku", .text).notNull().unique()
                table.column("size", .text)
                table.column("colour", .text)
                table.column("price", .integer).notNull().check { $0 >= 0 }
            }
            try db.create(index: "product_on_category", on: "product", columns: ["category"])
        }
        return migrator
    }
}
