import GRDB

/// The kit's own tables, created before the service's: `outbox` (events to relay),
/// `processed_events` (event ids already applied) and `event_cursors` (how far each source's
/// outbox has been read). Shipped migrations are never edited; add new ones.
extension StoreDatabase {
    static let kitMigrator: DatabaseMigrator = {
        var migrator = DatabaseMigrator()
        migrator.registerMigration("quark.kit.v1") { db in
            try db.execute(sql: """
                CREATE TABLE outbox (
                    seq INTEGER PRIMARY KEY AUTOINCREMENT,
                    id TEXT NOT NULL UNIQUE,
                    event TEXT NOT NULL,
                    payload TEXT NOT NULL,
                    occurredAt TEXT NOT NULL,
                    publishedAt TEXT
                );
                CREATE INDEX outbox_unpublished ON outbox(seq) WHERE publishedAt IS NULL;
                CREATE TABLE processed_events (
                    id TEXT PRIMARY KEY,
                    source TEXT NOT NULL,
                    event TEXT NOT NULL,
                    seq INTEGER NOT NULL,
                    processedAt TEXT NOT NULL
                );
                CREATE TABLE event_cursors (
                    source TEXT PRIMARY KEY,
                    seq INTEGER NOT NULL
                );
                """)
        }
        return migrator
    }()
}
