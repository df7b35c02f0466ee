import Synchronization
import Broker
import GRDB

/// The saga's steps after payment, each recorded before its call so that it can be repeated
/// (every call it makes is idempotent) by checkout, by staff actions and by recovery alike.
struct OrdersSteps: Sendable {
    let database: StoreDatabase

    /// Who the orders service is when it refunds on its own (recovery has no caller).
    static let system: [String: JSON] = ["user": StoreUser(id: 0, email: "orders@quark.store", roles: [.staff]).json]

    /// PAID: `order.paid`, then the reservation committed.
    func paid(_ row: inout OrderRow, _ broker: ServiceBroker) async throws {
        let event: JSON = ["orderID": .int(row.orderID), "number": .string(row.number ?? ""), "userID": .int(row.userID), "total": try row.money(row.total).json]
        row = try await write(row) { db, row in
            try db.move(&row, to: .paid, saga: .committing)
            try db.enqueueEvent("order.paid", event)
        }
        try await finish(&row, broker)
    }

    /// PAYMENT_FAILED or EXPIRED: the reservation released.
    func fail(_ row: inout OrderRow, as status: OrderStatus, note: String?, _ broker: ServiceBroker) async throws {
        row = try await write(row) { db, row in try db.move(&row, to: status, saga: .releasing, note: note) }
        try await finish(&row, broker)
    }

    /// CANCELLED after payment: `order.cancelled`, stock given back, the payment refunded.
    func cancel(_ row: inout OrderRow, _ broker: ServiceBroker) async throws {
        let event: JSON = ["orderID": .int(row.orderID), "number": .string(row.number ?? ""), "userID": .int(row.userID)]
        row = try await write(row) { db, row in
            try db.move(&row, to: .cancelled, saga: .cancelling, note: "refunded")
            try db.enqueueEvent("order.cancelled", event)
        }
        try await finish(&row, broker)
    }

    /// Carries out the recorded step and marks the saga done.
    func finish(_ row: inout OrderRow, _ broker: ServiceBroker) async throws {
        let key: JSON = ["key": .string(row.number ?? "")]
        switch row.saga {
        case .committing:
            _ = try await broker.call("inventory.commit", key)
        case .releasing:
            try await ignoringMissing { _ = try await broker.call("inventory.release", key) }
        case .cancelling:
            _ = try await broker.call("inventory.restock", key)
            try await ignoringConflict { _ = try await broker.call("payments.refund", key, options: CallOptions(meta: Self.system)) }
        case .reserving, .charging, .done:
            return
        }
        row = try await write(row) { db, row in try db.move(&row, to: nil, saga: .done) }
    }

    private func write(_ row: OrderRow, _ change: @escaping @Sendable (Database, inout OrderRow) throws -> Void) async throws -> OrderRow {
        try await database.write { db in
            var fresh = try OrderRow.fetchOne(db, key: row.id) ?? row
            try change(db, &fresh)
            return fresh
        }
    }

    /// A release of a reservation that was never made (404) is done.
    private func ignoringMissing(_ call: () async throws -> Void) async throws {
        do { try await call() } catch let error as BrokerError where error.status == 404 {}
    }

    /// A refund repeated after it went through (409: nothing left to refund) is done.
    private func ignoringConflict(_ call: () async throws -> Void) async throws {
        do { try await call() } catch let error as BrokerError where error.status == 409 {}
    }
}

/// Orders whose saga runs in this process right now, which recovery leaves alone.
final class ActiveSagas: Sendable {
    private let ids = Mutex<Set<Int>>([])

    func begin(_ id: Int) { ids.withLock { _ = $0.insert(id) } }
    func end(_ id: Int) { ids.withLock { _ = $0.remove(id) } }
    func contains(_ id: Int) -> Bool { ids.withLock { $0.contains(id) } }
}
