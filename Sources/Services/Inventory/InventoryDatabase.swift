import GRDB

/// The inventory service's tables. Shipped migrations are never edited; add new ones.
enum InventoryDatabase {
    static var migrator: DatabaseMigrator {
        var migrator = DatabaseMigrator()
        migrator.registerMigration("inventory-v1") { db in
            try db.execute(
                sql: """
                    CREATE TABLE stock (
                        sku TEXT PRIMARY KEY NOT NULL,
                        onHand INTEGER NOT NULL CHECK (onHand >= 0),
                        reserved INTEGER NOT NULL CHECK (reserved >= 0 AND reserved <= onHand))
                    """)
            try db.execute(
                sql: """
                    CREATE TABLE reservation (
                        id INTEGER PRIMARY KEY AUTOINCREMENT,
                        key TEXT NOT NULL UNIQUE,
                        status TEXT NOT NULL CHECK (status IN ('ACTIVE', 'COMMITTED', 'RELEASED', 'EXPIRED', 'RETURNED')),
                        expiresAt TEXT NOT NULL,
                        createdAt TEXT NOT NULL)
                    """)
            try db.execute(sql: "CREATE INDEX reservationActiveExpiry ON reservation (status, expiresAt)")
            try db.execute(
                sql: """
                    CREATE TABLE reservationLine (
                        reservationID INTEGER NOT NULL REFERENCES reservation (id) ON DELETE CASCADE,
                        sku TEXT NOT NULL,
                        quantity INTEGER NOT NULL CHECK (quantity > 0),
                        PRIMARY KEY (reservationID, sku))
                    """)
            try db.execute(
                sql: """
                    CREATE TABLE stockAdjustment (
                        id INTEGER PRIMARY KEY AUTOINCREMENT,
                        sku TEXT NOT NULL,
                        delta INTEGER NOT NULL,
                        reason TEXT NOT NULL,
                        userID INTEGER NOT NULL,
                        at TEXT NOT NULL)
                    """)
        }
        return migrator
    }
}
