import Broker
import Testing

@Suite struct RandomStrategyTests {
    let candidates = ["a", "b", "c", "d"].map { EndpointCandidate(nodeID: $0) }

    private func picks(seed: UInt64, count: Int) -> [Int] {
        var strategy = RandomStrategy(seed: seed)
        return (0..<count).map { _ in strategy.select(from: candidates, context: SelectionContext()) }
    }

    @Test func spreadsPicksRoughlyUniformly() {
        var counts = [Int](repeating: 0, count: candidates.count)
        for index in picks(seed: 7, count: 10_000) { counts[index] += 1 }
        // 2,500 expected each; the standard deviation is about 43.
        #expect(counts.allSatisfy { (2_300...2_700).contains($0) }, "counts: \(counts)")
    }

    @Test func sameSeedGivesSamePicks() {
        #expect(picks(seed: 99, count: 200) == picks(seed: 99, count: 200))
        #expect(picks(seed: 99, count: 200) != picks(seed: 100, count: 200))
    }

    @Test func singleCandidateIsAlwaysChosen() {
        var strategy = RandomStrategy(seed: 3)
        let one = [EndpointCandidate(nodeID: "solo")]
        #expect((0..<5).allSatisfy { _ in strategy.select(from: one, context: SelectionContext()) == 0 })
    }
}
