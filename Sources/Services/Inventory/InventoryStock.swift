import Broker
import GRDB

/// Reading stock levels, and staff adjustments (logged, announced with `stock.updated`).
struct InventoryStock: Sendable {
    let database: StoreDatabase
    let time: InventoryTime

    var actions: [ActionSchema] {
        [
            ActionSchema("get", rest: "GET /admin/stock/:sku") { (ctx: Context, input: InventoryParams.SKU) -> StockLevel in
                try await level(input.sku)
            },
            ActionSchema("levels", visibility: .public) { (ctx: Context, input: InventoryParams.SKUs) -> [StockLevel] in
                try await levels(input.skus)
            },
            ActionSchema("adjust", rest: "POST /admin/stock/:sku/adjust") { (ctx: Context, input: InventoryParams.Adjustment) -> StockLevel in
                try await adjust(input, by: try ctx.requireRole(.staff))
            },
        ]
    }

    private func level(_ sku: String) async throws -> StockLevel {
        let row = try await database.read { db in try StockRow.fetchOne(db, key: sku) }
        guard let row else { throw BrokerError.notFound("stock", .string(sku)) }
        return row.level
    }

    /// The levels of the known SKUs among `skus`, in the order asked.
    private func levels(_ skus: [String]) async throws -> [StockLevel] {
        let rows = try await database.read { db in try StockRow.fetchAll(db, keys: Set(skus)) }
        let bySKU = Dictionary(rows.map { ($0.sku, $0.level) }, uniquingKeysWith: { first, _ in first })
        var seen = Set<String>()
        return skus.compactMap { sku in seen.insert(sku).inserted ? bySKU[sku] : nil }
    }

    /// Adds `delta` units on hand (making the SKU's row when missing); never below zero nor
    /// below what is reserved (409 `OUT_OF_STOCK`).
    private func adjust(_ input: InventoryParams.Adjustment, by user: StoreUser) async throws -> StockLevel {
        let at = InventoryTime.string(time.now)
        return try await database.write { db in
            var row = try StockRow.fetchOne(db, key: input.sku) ?? StockRow(sku: input.sku, onHand: 0, reserved: 0)
            let onHand = row.onHand + input.delta
            guard onHand >= row.reserved else {
                throw BrokerError.conflict(
                    "The stock of \(input.sku) cannot go below \(row.reserved) (on hand \(row.onHand), reserved \(row.reserved)).",
                    type: "OUT_OF_STOCK",
                    data: ["sku": .string(input.sku), "onHand": .int(row.onHand), "reserved": .int(row.reserved), "delta": .int(input.delta)])
            }
            row.onHand = onHand
            try row.save(db)
            try db.execute(
                sql: "INSERT INTO stockAdjustment (sku, delta, reason, userID, at) VALUES (?, ?, ?, ?, ?)",
                arguments: [input.sku, input.delta, input.reason, user.id, at])
            try row.announce(db)
            return row.level
        }
    }
}
