import Broker
import Testing

@Suite struct LatencyStrategyTests {
    private func candidates(_ milliseconds: [Int?]) -> [EndpointCandidate] {
        milliseconds.enumerated().map { EndpointCandidate(nodeID: "node-\($0.offset)", latency: $0.element.map(Duration.milliseconds)) }
    }

    private func picks(_ strategy: LatencyStrategy, _ list: [EndpointCandidate], count: Int) -> [Int] {
        var strategy = strategy
        return (0..<count).map { _ in strategy.select(from: list, context: SelectionContext()) }
    }

    @Test func takesANodeFasterThanTheLowLatency() {
        let picks = picks(LatencyStrategy(seed: 1), candidates([120, 80, 4]), count: 20)
        #expect(picks.allSatisfy { $0 == 2 })
    }

    @Test func takesTheFastestWhenNoneIsLow() {
        let picks = picks(LatencyStrategy(seed: 1), candidates([120, 30, 80]), count: 20)
        #expect(picks.allSatisfy { $0 == 1 })
    }

    @Test func honoursACustomLowLatency() {
        // 40 ms is under a 50 ms threshold, so the first such node in order wins over a faster one.
        let picks = picks(LatencyStrategy(lowLatency: .milliseconds(50), seed: 1), candidates([120, 40, 20]), count: 5)
        #expect(picks.allSatisfy { $0 == 1 })
    }

    @Test func unmeasuredNodesCountAsSlowest() {
        let picks = picks(LatencyStrategy(seed: 1), candidates([nil, 500, nil]), count: 20)
        #expect(picks.allSatisfy { $0 == 1 })
    }

    @Test func withoutAnyMeasurePicksAtRandom() {
        let picks = picks(LatencyStrategy(seed: 1), candidates([nil, nil, nil]), count: 300)
        #expect(Set(picks) == [0, 1, 2])
    }

    @Test func samplesOnlySomeCandidatesOfALongList() {
        // Twenty nodes, one fast: with 5 random samples it is seen about 23% of the time.
        let list = candidates([1] + (1...19).map { 100 + $0 })
        let picks = picks(LatencyStrategy(sampleCount: 5, seed: 8), list, count: 1_000)
        let fast = picks.filter { $0 == 0 }.count
        #expect((160...320).contains(fast), "fast node chosen \(fast) times")
    }
}
