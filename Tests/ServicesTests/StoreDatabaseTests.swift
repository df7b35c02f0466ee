import Broker
import Foundation
import GRDB
import Services
import Testing

@Suite("The store database")
struct StoreDatabaseTests {
    static let migrator: DatabaseMigrator = {
        var migrator = DatabaseMigrator()
        migrator.registerMigration("v1") { db in
            try db.execute(sql: """
                CREATE TABLE parent (id INTEGER PRIMARY KEY);
                CREATE TABLE child (id INTEGER PRIMARY KEY, parentID INTEGER NOT NULL REFERENCES parent(id));
                """)
        }
        return migrator
    }()

    @Test("is a WAL file with foreign keys on under the data directory, and keeps its data across reopening")
    func file() async throws {
        try await withTemporaryDirectory { directory in
            var environment = ServiceEnvironment.inMemory()
            environment.dataDirectory = directory

            let database = StoreDatabase(name: "orders", environment: environment, migrator: Self.migrator)
            try database.open()
            #expect(FileManager.default.fileExists(atPath: directory + "/orders.sqlite"))
            #expect(try await database.read { db in try String.fetchOne(db, sql: "PRAGMA journal_mode") } == "wal")
            #expect(try await database.read { db in try Bool.fetchOne(db, sql: "PRAGMA foreign_keys") } == true)
            await #expect(throws: DatabaseError.self) {
                try await database.write { db in try db.execute(sql: "INSERT INTO child (id, parentID) VALUES (1, 99)") }
        }
        try await database.write { db in try db.execute(sql: "INSERT INTO parent (id) VALUES (42)") }
        try database.close()

        let reopened = StoreDatabase(name: "orders", environment: environment, migrator: Self.migrator)
        try reopened.open()
        #expect(try await reopened.read { db in try Int.fetchAll(db, sql: "SELECT id FROM parent") } == [42])
        try reopened.close()
        }
    }

    @Test("names the file it cannot open, and refuses access before it is opened")
    func errors() async throws {
        var environment = ServiceEnvironment.inMemory()
        environment.dataDirectory = "/nonexistent-quark-dir"
        let database = StoreDatabase(name: "orders", environment: environment)
        let error = #expect(throws: BrokerError.self) { try database.open() }
        #expect(error?.message.contains("/nonexistent-quark-dir/orders.sqlite") == true)
        let closed = await #expect(throws: BrokerError.self) { try await database.read { _ in 1 } }
        #expect(closed?.message.contains("is not open") == true)
    }
}
