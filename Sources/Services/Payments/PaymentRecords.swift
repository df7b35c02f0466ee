import Broker
import GRDB

/// Where a payment stands. AUTHORIZED → CAPTURED → REFUNDED (full or partial), AUTHORIZED →
/// VOIDED; DECLINED is final.
enum PaymentStatus: String, Codable, Sendable, CaseIterable {
    case authorized = "AUTHORIZED"
    case captured = "CAPTURED"
    case voided = "VOIDED"
    case refunded = "REFUNDED"
    case declined = "DECLINED"
}

/// A row of `payment`: amounts in minor units of `currency`; of the card, `last4` only.
struct PaymentRow: Codable, Sendable, FetchableRecord, MutablePersistableRecord {
    static let databaseTableName = "payment"
    var id: Int64?
    var key: String
    var orderID: Int
    var amount: Int
    var currency: String
    var status: PaymentStatus
    var last4: String
    var declineReason: PaymentDecline?
    var refundedAmount: Int
    var createdAt: String
    var updatedAt: String

    mutating func didInsert(_ inserted: InsertionSuccess) {
        id = inserted.rowID
    }

    static func find(key: String, in db: Database) throws -> PaymentRow? {
        try filter(Column("key") == key).fetchOne(db)
    }

    /// Saves the row with `status` at `now` and records the change in the history; `amount` is
    /// the amount the change moved (a refund's), when it is not the whole payment.
    mutating func record(_ status: PaymentStatus, at now: String, amount: Int? = nil, in db: Database) throws {
        self.status = status
        updatedAt = now
        try save(db)
        try db.execute(
            sql: "INSERT INTO paymentStatus (paymentId, status, amount, at) VALUES (?, ?, ?, ?)",
            arguments: [id, status.rawValue, amount ?? self.amount, now])
    }

    var money: Money { get throws(BrokerError) { try Money(amount, currency) } }

    /// The error a declined payment answers, again for each retry with the same key.
    var declineError: BrokerError? {
        guard status == .declined, let declineReason else { return nil }
        return BrokerError.client(
            declineReason.message, status: 402, type: declineReason.rawValue,
            data: ["key": .string(key), "orderID": .int(orderID), "last4": .string(last4)])
    }

    func answer() throws(BrokerError) -> Payment {
        Payment(
            id: Int(id ?? 0), key: key, orderID: orderID, status: status, amount: try money,
            refundedAmount: try Money(refundedAmount, currency), last4: last4, declineReason: declineReason,
            createdAt: createdAt, updatedAt: updatedAt)
    }
}

/// A payment as the service answers it.
struct Payment: Codable, Sendable {
    var id: Int
    var key: String
    var orderID: Int
    var status: PaymentStatus
    var amount: Money
    var refundedAmount: Money
    var last4: String
    var declineReason: PaymentDecline?
    var createdAt: String
    var updatedAt: String
    var statusHistory: [PaymentStatusChange]?
}

/// A row of `paymentStatus`: one change of a payment's status.
struct PaymentStatusChange: Codable, Sendable, FetchableRecord {
    var status: PaymentStatus
    var amount: Int
    var at: String

    static func all(of paymentID: Int64?, in db: Database) throws -> [PaymentStatusChange] {
        try fetchAll(db, sql: "SELECT status, amount, at FROM paymentStatus WHERE paymentId = ? ORDER BY id", arguments: [paymentID])
    }
}
