import Broker
import Foundation

/// The `payments` service: a mock card gateway whose outcome follows from the card number
/// (Stripe's test numbers), and the payment records of orders. Every action is `.public`: the
/// orders service calls them inside the cluster, the gateway exposes none. `refund` needs a
/// staff user unless another service makes the call; `get` checks no user (it answers only the
/// card's last 4 digits). Events, through the outbox: `payment.success` on capture,
/// `payment.failed` on a declined authorization, `payment.refunded` on a refund.
public enum PaymentsService {
    /// `now` is the wall time cards expire against (tests pass a fixed one).
    public static func make(_ environment: ServiceEnvironment, now: @escaping @Sendable () -> Date = Date.init) -> ServiceSchema {
        let store = StoreService(name: "payments", environment: environment, migrator: PaymentsDatabase.migrator)
        let ledger = PaymentsLedger(database: store.database, now: now)
        return store.schema(outbox: true, actions: ledger.actions)
    }
}

extension PaymentsLedger {
    var actions: [ActionSchema] {
        [
            ActionSchema("authorize", visibility: .public) { (ctx: Context, input: PaymentsParams.Authorization) -> Payment in
                try await authorize(input)
            },
            ActionSchema("capture", visibility: .public) { (ctx: Context, input: PaymentsParams.Key) -> Payment in
                try await capture(input.key)
            },
            ActionSchema("void", visibility: .public) { (ctx: Context, input: PaymentsParams.Key) -> Payment in
                try await void(input.key)
            },
            ActionSchema("refund", visibility: .public) { (ctx: Context, input: PaymentsParams.Refund) -> Payment in
                if ctx.caller == nil { _ = try ctx.requireRole(.staff) }
                return try await refund(input.key, amount: try input.amount?.money)
            },
            ActionSchema("get", visibility: .public) { (ctx: Context, input: PaymentsParams.Key) -> Payment in
                try await get(input.key)
            },
        ]
    }
}
