import Broker
import Foundation
import GRDB

/// The payment records and their state machine; each change is one transaction with its
/// status history row and its outbox event.
struct PaymentsLedger: Sendable {
    let database: StoreDatabase
    let now: @Sendable () -> Date

    /// Authorizes `input` once per key: the same key and body again answer the original
    /// payment (or its decline error); the same key with another order, amount or card is a 409.
    func authorize(_ input: PaymentsParams.Authorization) async throws -> Payment {
        let money = try input.amount.money
        let card = try PaymentCard(input.card, now: now())
        let at = timestamp()
        let row = try await database.write { db in
            if let existing = try PaymentRow.find(key: input.key, in: db) {
                guard existing.orderID == input.orderID, try existing.money == money, existing.last4 == card.last4 else {
                    throw BrokerError.conflict(
                        "The idempotency key \(input.key) was used for another payment.", type: "IDEMPOTENCY_KEY_REUSED",
                        data: ["key": .string(input.key)])
                }
                return existing
            }
            let decline: PaymentDecline?
            switch card.outcome {
            case .approved: decline = nil
            case .declined(let reason): decline = reason
            case .processingError:
                throw BrokerError.retryable("The card processor failed; try again.", status: 503, type: "PROCESSING_ERROR")
            }
            var row = PaymentRow(
                key: input.key, orderID: input.orderID, amount: money.amount, currency: money.currency, status: .authorized,
                last4: card.last4, declineReason: decline, refundedAmount: 0, createdAt: at, updatedAt: at)
            try row.record(decline == nil ? .authorized : .declined, at: at, in: db)
            if let decline {
                try db.enqueueEvent(
                    "payment.failed", ["orderID": .int(input.orderID), "key": .string(input.key), "reason": .string(decline.rawValue)])
            }
            return row
        }
        if let declined = row.declineError { throw declined }
        return try row.answer()
    }

    /// AUTHORIZED → CAPTURED with `payment.success`; a captured payment is answered as it is.
    func capture(_ key: String) async throws -> Payment {
        try await change(key) { row, db, at in
            switch row.status {
            case .captured: return
            case .authorized:
                try row.record(.captured, at: at, in: db)
                try db.enqueueEvent("payment.success", ["orderID": .int(row.orderID), "key": .string(key), "amount": try row.money.json])
            default: throw Self.invalidState(row, "captured")
            }
        }
    }

    /// AUTHORIZED → VOIDED; a voided payment is answered as it is.
    func void(_ key: String) async throws -> Payment {
        try await change(key) { row, db, at in
            switch row.status {
            case .voided: return
            case .authorized: try row.record(.voided, at: at, in: db)
            default: throw Self.invalidState(row, "voided")
            }
        }
    }

    /// Refunds `amount` (all that is left when nil) of a captured payment, with
    /// `payment.refunded`. A full refund of a fully refunded payment answers it as it is; more
    /// than is left is a 409 `REFUND_EXCEEDS_CAPTURE`.
    func refund(_ key: String, amount: Money?) async throws -> Payment {
        try await change(key) { row, db, at in
            guard row.status == .captured || row.status == .refunded else { throw Self.invalidState(row, "refunded") }
            let left = try row.money.subtracting(Money(row.refundedAmount, row.currency))
            let refund = amount ?? left
            _ = try left.subtracting(refund)  // the currency must match
            if amount == nil, left.amount == 0 { return }
            guard refund.amount <= left.amount else {
                throw BrokerError.conflict(
                    "Only \(left) of the payment \(key) can still be refunded.", type: "REFUND_EXCEEDS_CAPTURE",
                    data: ["key": .string(key), "refundable": left.json])
            }
            row.refundedAmount += refund.amount
            try row.record(.refunded, at: at, amount: refund.amount, in: db)
            try db.enqueueEvent(
                "payment.refunded",
                ["orderID": .int(row.orderID), "key": .string(key), "amount": refund.json, "refundedAmount": .int(row.refundedAmount)])
        }
    }

    /// The payment with its status history.
    func get(_ key: String) async throws -> Payment {
        try await database.read { db in
            guard let row = try PaymentRow.find(key: key, in: db) else { throw BrokerError.notFound("payment", .string(key)) }
            var payment = try row.answer()
            payment.statusHistory = try PaymentStatusChange.all(of: row.id, in: db)
            return payment
        }
    }

    /// Applies `body` to the payment `key` in one transaction (404 when there is none).
    private func change(
        _ key: String, _ body: @escaping @Sendable (inout PaymentRow, Database, String) throws -> Void
    ) async throws -> Payment {
        let at = timestamp()
        return try await database.write { db in
            guard var row = try PaymentRow.find(key: key, in: db) else { throw BrokerError.notFound("payment", .string(key)) }
            try body(&row, db, at)
            return try row.answer()
        }
    }

    private static func invalidState(_ row: PaymentRow, _ wanted: String) -> BrokerError {
        BrokerError.conflict(
            "The payment \(row.key) is \(row.status.rawValue) and cannot be \(wanted).", type: "INVALID_STATE",
            data: ["key": .string(row.key), "status": .string(row.status.rawValue)])
    }

    private func timestamp() -> String {
        now().formatted(Date.ISO8601FormatStyle(includingFractionalSeconds: true))
    }
}
