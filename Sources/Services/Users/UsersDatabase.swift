import GRDB

/// The users service's tables. Shipped migrations are never edited; add new ones.
enum UsersDatabase {
    static var migrator: DatabaseMigrator {
        var migrator = DatabaseMigrator()
        migrator.registerMigration("users-v1") { db in
            try db.create(table: "user") { table in
                table.autoIncrementedPrimaryKey("id")
                table.column("email", .text).notNull().unique().collate(.nocase)
                table.column("name", .text).notNull()
                table.column("phone", .text)
                table.column("passwordHash", .text).notNull()
                table.column("roles", .text).notNull()
                table.column("createdAt", .text).notNull()
            }
            try db.create(table: "address") { table in
                table.autoIncrementedPrimaryKey("id")
                table.belongsTo("user", onDelete: .cascade).notNull()
                table.column("name", .text)
                table.column("line1", .text).notNull()
                table.column("line2", .text)
                table.column("city", .text).notNull()
                table.column("postalCode", .text).notNull()
                table.column("country", .text).notNull()
            }
            try db.create(table: "revokedToken") { table in
                table.primaryKey("jti", .text)
                table.column("expiresAt", .double).notNull()
            }
        }
        return migrator
    }
}
