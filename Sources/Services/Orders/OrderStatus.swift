import Broker

/// Where an order is. It moves only along the store's lifecycle: paid or failed or expired
/// after checkout, cancelled until shipped, refunded after.
public enum OrderStatus: String, Codable, Sendable, CaseIterable {
    case pendingPayment = "PENDING_PAYMENT", paid = "PAID", paymentFailed = "PAYMENT_FAILED", shipped = "SHIPPED"
    case delivered = "DELIVERED", cancelled = "CANCELLED", refunded = "REFUNDED", expired = "EXPIRED"

    /// Whether the lifecycle allows going from this status to `next`.
    public func canMove(to next: OrderStatus) -> Bool {
        switch (self, next) {
        case (.pendingPayment, .paid), (.pendingPayment, .paymentFailed), (.pendingPayment, .expired): true
        case (.paid, .shipped), (.paid, .cancelled): true
        case (.shipped, .delivered), (.shipped, .refunded), (.delivered, .refunded): true
        default: false
        }
    }

    /// `next`, or a 409 `INVALID_STATE` naming both.
    func moving(to next: OrderStatus) throws(BrokerError) -> OrderStatus {
        guard canMove(to: next) else {
            throw BrokerError.conflict(
                "An order \(rawValue) cannot become \(next.rawValue).", type: "INVALID_STATE",
                data: ["status": .string(rawValue), "wanted": .string(next.rawValue)])
        }
        return next
    }
}

/// The checkout saga's step, kept with the order so that a node that stops mid-way resumes or
/// compensates when it starts again.
enum SagaStep: String, Codable, Sendable {
    /// The order is written, its stock not yet reserved.
    case reserving = "RESERVING"
    /// Stock reserved, the payment not yet settled.
    case charging = "CHARGING"
    /// Paid; the reservation is to be committed.
    case committing = "COMMITTING"
    /// Failed or expired; the reservation is to be released.
    case releasing = "RELEASING"
    /// Cancelled after payment: stock to give back and payment to refund.
    case cancelling = "CANCELLING"
    case done = "DONE"
}
