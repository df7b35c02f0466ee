import Broker
import Testing

@Suite struct CpuUsageStrategyTests {
    private func candidates(_ cpus: [Double?]) -> [EndpointCandidate] {
        cpus.enumerated().map { EndpointCandidate(nodeID: "node-\($0.offset)", cpu: $0.element) }
    }

    private func picks(_ strategy: CpuUsageStrategy, _ list: [EndpointCandidate], count: Int) -> [Int] {
        var strategy = strategy
        return (0..<count).map { _ in strategy.select(from: list, context: SelectionContext()) }
    }

    @Test func takesANodeUnderTheLowThreshold() {
        let picks = picks(CpuUsageStrategy(seed: 1), candidates([80, 5, 90]), count: 20)
        #expect(picks.allSatisfy { $0 == 1 })
    }

    @Test func takesTheLeastBusyWhenNoneIsLow() {
        let picks = picks(CpuUsageStrategy(seed: 1), candidates([80, 40, 90]), count: 20)
        #expect(picks.allSatisfy { $0 == 1 })
    }

    @Test func nodesWithoutCPUInfoCountAsBusiest() {
        let picks = picks(CpuUsageStrategy(seed: 1), candidates([nil, 95, nil]), count: 20)
        #expect(picks.allSatisfy { $0 == 1 })
    }

    @Test func withoutAnyCPUInfoPicksAtRandom() {
        let picks = picks(CpuUsageStrategy(seed: 1), candidates([nil, nil, nil, nil]), count: 400)
        #expect(Set(picks) == [0, 1, 2, 3])
    }

    @Test func samplesOnlySomeCandidatesOfALongList() {
        // Ten nodes, one idle: with 3 random samples it is seen (and chosen) about 27% of the
        // time; the other picks go to the least busy node among the samples.
        let list = candidates([2] + (1...9).map { Double(50 + $0 * 5) })
        let picks = picks(CpuUsageStrategy(sampleCount: 3, seed: 11), list, count: 1_000)
        let idle = picks.filter { $0 == 0 }.count
        #expect((200...350).contains(idle), "idle node chosen \(idle) times")
        // The busiest node only wins when every sample drew it: about once in a thousand.
        #expect(picks.filter { $0 == 9 }.count <= 5)
    }

    @Test func sampleCountZeroLooksAtEveryCandidate() {
        let list = candidates([2] + (1...9).map { Double(50 + $0 * 5) })
        #expect(picks(CpuUsageStrategy(sampleCount: 0, seed: 11), list, count: 50).allSatisfy { $0 == 0 })
    }

    @Test func sameSeedGivesSamePicks() {
        let list = candidates((0..<10).map { Double(20 + $0) })
        #expect(picks(CpuUsageStrategy(seed: 5), list, count: 100) == picks(CpuUsageStrategy(seed: 5), list, count: 100))
    }
}
