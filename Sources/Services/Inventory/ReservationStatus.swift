/// Where a reservation is in its life: ACTIVE (units held) → COMMITTED (paid: units gone) →
/// RETURNED (cancelled after payment: units back on hand); or ACTIVE → RELEASED (payment failed,
/// order cancelled) or EXPIRED (its TTL passed).
public enum ReservationStatus: String, Codable, Sendable, CaseIterable {
    case active = "ACTIVE"
    case committed = "COMMITTED"
    case released = "RELEASED"
    case expired = "EXPIRED"
    case returned = "RETURNED"

    /// What `change` does to a reservation in this status: move it on, nothing (it already
    /// happened: the calls are idempotent), or nothing allowed (409 `INVALID_STATE`).
    func transition(_ change: ReservationChange) -> ReservationTransition {
        switch (change, self) {
        case (.commit, .active): .apply(.committed)
        case (.commit, .committed): .unchanged
        case (.release, .active): .apply(.released)
        case (.release, .released), (.release, .expired): .unchanged
        case (.expire, .active): .apply(.expired)
        case (.expire, _): .unchanged
        case (.restock, .committed): .apply(.returned)
        case (.restock, .returned): .unchanged
        default: .refused
        }
    }
}

/// A change asked of a reservation.
enum ReservationChange: String, Sendable, CaseIterable {
    case commit, release, expire, restock

    /// What applying it does to each line's stock: `(onHand, reserved)` per unit.
    var stockEffect: (onHand: Int, reserved: Int) {
        switch self {
        case .commit: (-1, -1)
        case .release, .expire: (0, -1)
        case .restock: (1, 0)
        }
    }
}

/// The outcome of ``ReservationStatus/transition(_:)``.
enum ReservationTransition: Equatable, Sendable {
    case apply(ReservationStatus)
    case unchanged
    case refused
}
