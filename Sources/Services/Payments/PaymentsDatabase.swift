import GRDB

/// The payments service's tables. Shipped migrations are never edited; add new ones.
enum PaymentsDatabase {
    static var migrator: DatabaseMigrator {
        var migrator = DatabaseMigrator()
        migrator.registerMigration("payments-v1") { db in
            try db.create(table: "payment") { table in
                table.autoIncrementedPrimaryKey("id")
                table.column("key", .text).notNull().unique()
                table.column("orderID", .integer).notNull().indexed()
                table.column("amount", .integer).notNull()
                table.column("currency", .text).notNull()
                table.column("status", .text).notNull()
                table.column("last4", .text).notNull()
                table.column("declineReason", .text)
                table.column("refundedAmount", .integer).notNull().defaults(to: 0)
                table.column("createdAt", .text).notNull()
                table.column("updatedAt", .text).notNull()
            }
            try db.create(table: "paymentStatus") { table in
                table.autoIncrementedPrimaryKey("id")
                table.belongsTo("payment", onDelete: .cascade).notNull()
                table.column("status", .text).notNull()
                table.column("amount", .integer)
                table.column("at", .text).notNull()
            }
        }
        return migrator
    }
}
