import Broker
import BrokerTesting
import GRDB
import Services

/// A producer (`orders`: `create` enqueues `order.created`, `fail` enqueues and throws,
/// `probe` enqueues `probe.sent`, which it hears itself) and a consumer (`analytics`, applying
/// `order.created` reliably), for the kit's tests.
enum KitTestServices {
    static func orders(_ environment: ServiceEnvironment = .inMemory()) -> StoreService {
        var migrator = DatabaseMigrator()
        migrator.registerMigration("v1") { db in
            try db.execute(sql: "CREATE TABLE orders (id INTEGER PRIMARY KEY AUTOINCREMENT, total INTEGER NOT NULL)")
        }
        return StoreService(name: "orders", environment: environment, migrator: migrator)
    }

    static func ordersSchema(_ store: StoreService, probes: Recorder<JSON> = Recorder()) -> ServiceSchema {
        let database = store.database
        return store.schema(
            outbox: true,
            actions: [
                ActionSchema("create") { ctx in
                    let total = ctx.params["total"]?.intValue ?? 0
                    return try await database.write { db in
                        try db.execute(sql: "INSERT INTO orders (total) VALUES (?)", arguments: [total])
                        let id = Int(db.lastInsertedRowID)
                        try db.enqueueEvent("order.created", ["orderID": .int(id), "total": .int(total)])
                        return .int(id)
                    }
                },
                ActionSchema("fail") { _ in
                    try await database.write { db -> JSON in
                        try db.enqueueEvent("order.created", ["orderID": -1])
                        throw BrokerError.client("refused", status: 409, type: "INVALID_STATE")
                    }
                },
                ActionSchema("probe") { _ in
                    try await database.write { db in .string(try db.enqueueEvent("probe.sent")) }
                },
            ],
            events: [EventSchema("probe.sent") { ctx in probes.record(ctx.params) }])
    }

    /// `analytics`: keeps `order.created` events in a `seen` table (no unique key: only the kit
    /// keeps a duplicate out) and records each applied
    /// event in `applied`; `count` answers the table's size.
    static func analytics(_ environment: ServiceEnvironment = .inMemory(), applied: Recorder<ReliableEvent>) -> ServiceSchema {
        var migrator = DatabaseMigrator()
        migrator.registerMigration("v1") { db in
            try db.execute(sql: "CREATE TABLE seen (id INTEGER PRIMARY KEY, eventID TEXT NOT NULL, orderID INTEGER NOT NULL)")
        }
        let store = StoreService(name: "analytics", environment: environment, migrator: migrator)
        let database = store.database
        return store.schema(
            actions: [
                ActionSchema("count") { _ in
                    .int(try await database.read { db in try Int.fetchOne(db, sql: "SELECT count(*) FROM seen") ?? 0 })
                },
            ],
            subscriptions: [
                ReliableSubscription(source: "orders", events: ["order.created"]) { event, db in
                    try db.execute(
                        sql: "INSERT INTO seen (eventID, orderID) VALUES (?, ?)",
                        arguments: [event.id, event.data["orderID"]?.intValue])
                    applied.record(event)
                },
            ])
    }

    /// A plain (at most once) subscriber that records every `order.*` event it hears.
    static func listener(_ heard: Recorder<JSON>, group: String = "listener") -> ServiceSchema {
        ServiceSchema(name: group, events: [EventSchema("order.*") { ctx in heard.record(ctx.params) }])
    }
}
