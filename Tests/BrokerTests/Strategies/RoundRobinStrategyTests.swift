import Broker
import Testing

@Suite struct RoundRobinStrategyTests {
    let candidates = ["a", "b", "c"].map { EndpointCandidate(nodeID: $0) }

    @Test func takesCandidatesInTurnAndWraps() {
        var strategy = RoundRobinStrategy()
        let picks = (0..<7).map { _ in strategy.select(from: candidates, context: SelectionContext()) }
        #expect(picks == [0, 1, 2, 0, 1, 2, 0])
    }

    @Test func staysInRangeAndKeepsRotatingWhenTheListShrinks() {
        var strategy = RoundRobinStrategy()
        for _ in 0..<3 { _ = strategy.select(from: candidates, context: SelectionContext()) }
        let shorter = Array(candidates.prefix(2))
        let picks = (0..<4).map { _ in strategy.select(from: shorter, context: SelectionContext()) }
        #expect(picks.allSatisfy { shorter.indices.contains($0) })
        #expect(Set(picks) == [0, 1])
        #expect(zip(picks, picks.dropFirst()).allSatisfy { $0 != $1 })
    }

    @Test func singleCandidateIsAlwaysChosen() {
        var strategy = RoundRobinStrategy()
        let one = [EndpointCandidate(nodeID: "solo")]
        #expect((0..<3).map { _ in strategy.select(from: one, context: SelectionContext()) } == [0, 0, 0])
    }
}
