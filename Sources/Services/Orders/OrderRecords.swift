import Broker
import Foundation
import GRDB

/// A row of `order`.
struct OrderRow: Codable, Sendable, FetchableRecord, MutablePersistableRecord {
    static let databaseTableName = "order"
    var id: Int64?
    var number: String?
    var userID: Int
    var email: String
    var status: OrderStatus
    var saga: SagaStep
    var currency: String
    var subtotal: Int
    var shippingPrice: Int
    var total: Int
    var shippingAddress: String
    var shippingOption: String
    var idempotencyKey: String
    var requestHash: String
    var last4: String?
    var trackingNumber: String?
    var expiresAt: Double
    var createdAt: String

    mutating func didInsert(_ inserted: InsertionSuccess) {
        id = inserted.rowID
    }

    /// `QS-000123`, from the id.
    static func number(for id: Int64) -> String {
        let digits = String(id)
        return "QS-" + String(repeating: "0", count: max(0, 6 - digits.count)) + digits
    }

    var orderID: Int { Int(id ?? 0) }

    func money(_ amount: Int) throws(BrokerError) -> Money { try Money(amount, currency) }
}

/// A row of `orderLine`: the price snapshot taken at checkout.
struct OrderLineRow: Codable, Sendable, FetchableRecord, PersistableRecord {
    static let databaseTableName = "orderLine"
    var orderId: Int64
    var sku: String
    var productID: Int
    var name: String
    var options: String
    var quantity: Int
    var unitPrice: Int
    var lineTotal: Int
}

/// An order as its customer (or staff) sees it.
public struct Order: Codable, Sendable {
    public struct Line: Codable, Sendable, Equatable {
        public var sku: String
        public var productID: Int
        public var name: String
        public var options: [String: String]
        public var quantity: Int
        public var unitPrice: Money
        public var lineTotal: Money
    }

    public struct Totals: Codable, Sendable, Equatable {
        public var subtotal: Money
        public var shipping: Money
        public var total: Money
    }

    public struct Change: Codable, Sendable, Equatable {
        public var status: OrderStatus
        public var note: String?
        public var at: String
    }

    public var id: Int
    public var number: String
    public var status: OrderStatus
    public var lines: [Line]
    public var totals: Totals
    public var shippingAddress: JSON
    public var shippingOption: String
    public var payment: JSON
    public var shipment: JSON
    public var statusHistory: [Change]
    public var createdAt: String

    /// The order with its lines and history, read in `db`.
    static func load(_ row: OrderRow, _ db: Database) throws -> Order {
        let lines = try OrderLineRow.filter(Column("orderId") == row.id).fetchAll(db).map { line in
            Line(
                sku: line.sku, productID: line.productID, name: line.name,
                options: (try? JSONParser.parse(line.options).decode(as: [String: String].self)) ?? [:], quantity: line.quantity,
                unitPrice: try row.money(line.unitPrice), lineTotal: try row.money(line.lineTotal))
        }
        let history = try Row.fetchAll(db, sql: "SELECT status, note, at FROM orderHistory WHERE orderId = ? ORDER BY rowid", arguments: [row.id])
            .compactMap { change in OrderStatus(rawValue: change["status"]).map { Change(status: $0, note: change["note"], at: change["at"]) } }
        return Order(
            id: row.orderID, number: row.number ?? "", status: row.status, lines: lines,
            totals: Totals(subtotal: try row.money(row.subtotal), shipping: try row.money(row.shippingPrice), total: try row.money(row.total)),
            shippingAddress: (try? JSONParser.parse(row.shippingAddress)) ?? [:], shippingOption: row.shippingOption,
            payment: row.last4.map { ["last4": .string($0)] } ?? .null,
            shipment: row.trackingNumber.map { ["trackingNumber": .string($0)] } ?? .null, statusHistory: history, createdAt: row.createdAt)
    }
}

extension Database {
    /// Sets the order's status (checked against the lifecycle) and saga step, and writes history.
    func move(_ row: inout OrderRow, to status: OrderStatus?, saga: SagaStep, note: String? = nil) throws {
        if let status, status != row.status {
            row.status = try row.status.moving(to: status)
            try execute(
                sql: "INSERT INTO orderHistory (orderId, status, note, at) VALUES (?, ?, ?, ?)",
                arguments: [row.id, status.rawValue, note, ISO8601DateFormatter().string(from: Date())])
        }
        row.saga = saga
        try row.update(self)
    }
}
