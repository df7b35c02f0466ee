@testable import Services
import Testing

@Suite("The reservation state machine")
struct ReservationStatusTests {
    @Test("each change moves an ACTIVE reservation once, repeats are no-ops, the rest are refused")
    func transitions() {
        let expected: [ReservationChange: [ReservationStatus: ReservationTransition]] = [
            .commit: [.active: .apply(.committed), .committed: .unchanged, .released: .refused, .expired: .refused, .returned: .refused],
            .release: [.active: .apply(.released), .committed: .refused, .released: .unchanged, .expired: .unchanged, .returned: .refused],
            .expire: [.active: .apply(.expired), .committed: .unchanged, .released: .unchanged, .expired: .unchanged, .returned: .unchanged],
            .restock: [.active: .refused, .committed: .apply(.returned), .released: .refused, .expired: .refused, .returned: .unchanged],
        ]
        for change in ReservationChange.allCases {
            for status in ReservationStatus.allCases {
                #expect(status.transition(change) == expected[change]?[status], "\(change) from \(status)")
            }
        }
    }

    @Test("a commit takes units off hand and out of reserve; a restock puts them back on hand")
    func stockEffects() {
        #expect(ReservationChange.commit.stockEffect == (-1, -1))
        #expect(ReservationChange.release.stockEffect == (0, -1))
        #expect(ReservationChange.expire.stockEffect == (0, -1))
        #expect(ReservationChange.restock.stockEffect == (1, 0))
    }
}
