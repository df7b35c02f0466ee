import Broker
import GRDB

/// Reservations: taken all-or-nothing at checkout, idempotent by key, then committed,
/// released, restocked or expired; every stock change announced with `stock.updated`.
struct InventoryReservations: Sendable {
    let database: StoreDatabase
    let time: InventoryTime
    /// The TTL of a reservation that names none.
    let defaultTTL: Int

    var actions: [ActionSchema] {
        [
            ActionSchema("reserve", visibility: .public) { (ctx: Context, input: InventoryParams.Reservation) -> Reservation in
                try await reserve(input)
            },
            ActionSchema("commit", visibility: .public) { (ctx: Context, input: InventoryParams.Key) -> Reservation in
                try await change(input.key, .commit)
            },
            ActionSchema("release", visibility: .public) { (ctx: Context, input: InventoryParams.Key) -> Reservation in
                try await change(input.key, .release)
            },
            ActionSchema("restock", visibility: .public) { (ctx: Context, input: InventoryParams.Key) -> Reservation in
                try await change(input.key, .restock)
            },
        ]
    }

    /// Reserves every line or none (409 `OUT_OF_STOCK` listing each short line). The same key
    /// again answers the reservation it made; with other lines it is 409 `IDEMPOTENCY_KEY_REUSED`.
    private func reserve(_ input: InventoryParams.Reservation) async throws -> Reservation {
        let lines = ReservedLine.normalized(input.lines)
        let now = time.now
        let expiresAt = now.addingTimeInterval(Double(input.ttlSeconds ?? defaultTTL))
        return try await database.write { db in
            if let existing = try ReservationRow.fetch(key: input.key, db) {
                let answer = try existing.answer(db)
                guard answer.lines == lines else {
                    throw BrokerError.conflict(
                        "The key \(input.key) was used for a reservation of other lines.", type: "IDEMPOTENCY_KEY_REUSED",
                        data: ["key": .string(input.key)])
                }
                return answer
            }
            try Self.requireAvailable(lines, db)
            var row = ReservationRow(
                key: input.key, status: .active, expiresAt: InventoryTime.string(expiresAt), createdAt: InventoryTime.string(now))
            try row.insert(db)
            try row.insertLines(lines, db)
            for line in lines { try StockRow.move(line.sku, onHand: 0, reserved: line.quantity, db) }
            return try row.answer(db)
        }
    }

    /// Throws 409 `OUT_OF_STOCK` with `[{sku, requested, available}]` for the lines short of stock.
    private static func requireAvailable(_ lines: [ReservedLine], _ db: Database) throws {
        let rows = try StockRow.fetchAll(db, keys: lines.map(\.sku))
        let available = Dictionary(rows.map { ($0.sku, $0.level.available) }, uniquingKeysWith: { first, _ in first })
        let short: [JSON] = lines.compactMap { line in
            let left = available[line.sku] ?? 0
            guard left < line.quantity else { return nil }
            return ["sku": .string(line.sku), "requested": .int(line.quantity), "available": .int(left)]
        }
        guard short.isEmpty else {
            throw BrokerError.conflict("Not enough stock for \(short.count) line(s).", type: "OUT_OF_STOCK", data: .array(short))
        }
    }

    /// Applies `change` to the reservation `key` (404 when there is none); a change already made
    /// answers the reservation as it is; one its status forbids is 409 `INVALID_STATE`.
    private func change(_ key: String, _ change: ReservationChange) async throws -> Reservation {
        try await database.write { db in
            guard var row = try ReservationRow.fetch(key: key, db) else { throw BrokerError.notFound("reservation", .string(key)) }
            try Self.apply(change, to: &row, db)
            return try row.answer(db)
        }
    }

    /// Moves `row` on by `change` and its lines' stock with it, in the current transaction.
    static func apply(_ change: ReservationChange, to row: inout ReservationRow, _ db: Database) throws {
        switch row.status.transition(change) {
        case .unchanged:
            return
        case .refused:
            throw BrokerError.conflict(
                "The reservation \(row.key) is \(row.status.rawValue); it cannot \(change.rawValue).", type: "INVALID_STATE",
                data: ["key": .string(row.key), "status": .string(row.status.rawValue)])
        case .apply(let next):
            let effect = change.stockEffect
            for line in try row.lines(db) {
                try StockRow.move(line.sku, onHand: effect.onHand * line.quantity, reserved: effect.reserved * line.quantity, db)
            }
            row.status = next
            try row.update(db)
        }
    }

    /// Expires the ACTIVE reservations whose time has passed; answers how many.
    func expire() async throws -> Int {
        let now = InventoryTime.string(time.now)
        return try await database.write { db in
            let due = try ReservationRow
                .filter(Column("status") == ReservationStatus.active.rawValue && Column("expiresAt") <= now)
                .fetchAll(db)
            for var row in due { try Self.apply(.expire, to: &row, db) }
            return due.count
        }
    }
}
