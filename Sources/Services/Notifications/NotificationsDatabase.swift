import GRDB

/// The notifications service's tables: who ordered what (from `order.created`), the in-app
/// feed, and the delivery log of emails.
enum NotificationsDatabase {
    static var migrator: DatabaseMigrator {
        var migrator = DatabaseMigrator()
        migrator.registerMigration("notifications-v1") { db in
            try db.create(table: "orderContact") { table in
                table.primaryKey("orderID", .integer)
                table.column("number", .text).notNull()
                table.column("userID", .integer).notNull()
                table.column("email", .text).notNull()
                table.column("name", .text).notNull()
            }
            try db.create(table: "notification") { table in
                table.autoIncrementedPrimaryKey("id")
                table.column("orderID", .integer).notNull().indexed()
                table.column("userID", .integer).indexed()
                table.column("title", .text).notNull()
                table.column("template", .text)
                table.column("data", .text).notNull()
                table.column("createdAt", .text).notNull()
            }
            try db.create(table: "delivery") { table in
                table.autoIncrementedPrimaryKey("id")
                table.belongsTo("notification", onDelete: .cascade).notNull().unique()
                table.column("channel", .text).notNull()
                table.column("to", .text).notNull()
                table.column("template", .text).notNull()
                table.column("data", .text).notNull()
                table.column("status", .text).notNull()
                table.column("attempts", .integer).notNull().defaults(to: 0)
                table.column("nextAttemptAt", .double).notNull().defaults(to: 0)
                table.column("lastError", .text)
            }
        }
        return migrator
    }
}
