import Broker
import Testing

@Suite struct StrategyKindTests {
    @Test func parsesMoleculerNamesInAnyCase() {
        #expect(StrategyKind(name: "RoundRobin", options: .null) == .roundRobin)
        #expect(StrategyKind(name: "random", options: [:]) == .random)
        #expect(StrategyKind(name: "CPUUSAGE", options: [:]) == .cpuUsage())
        #expect(StrategyKind(name: "Latency", options: [:]) == .latency())
        #expect(StrategyKind(name: "LeastConnections", options: [:]) == nil)
    }

    @Test func readsOptions() {
        #expect(StrategyKind(name: "CpuUsage", options: ["sampleCount": 5, "lowCpuUsage": 20.5]) == .cpuUsage(sampleCount: 5, lowCPUUsage: 20.5))
        #expect(StrategyKind(name: "Latency", options: ["sampleCount": 7, "lowLatency": 25]) == .latency(sampleCount: 7, lowLatency: .milliseconds(25)))
        #expect(StrategyKind(name: "Latency", options: ["lowLatency": 2.5]) == .latency(lowLatency: .microseconds(2_500)))
        #expect(
            StrategyKind(name: "Shard", options: ["shardKey": "#tenant", "vnodes": 20, "ringSize": 1_000, "cacheSize": 50])
                == .shard(key: "#tenant", vnodes: 20, ringSize: 1_000, cacheSize: 50))
        #expect(StrategyKind(name: "Shard", options: ["shardKey": "user.id", "ringSize": .null]) == .shard(key: "user.id"))
        #expect(StrategyKind(name: "Shard", options: ["shardKey": "user.id", "ringSize": 0]) == .shard(key: "user.id"))
    }

    @Test func rejectsBadOptions() {
        #expect(StrategyKind(name: "Shard", options: [:]) == nil, "a shard needs a key")
        #expect(StrategyKind(name: "Shard", options: ["shardKey": 3]) == nil)
        #expect(StrategyKind(name: "Shard", options: ["shardKey": "id", "vnodes": 0]) == nil)
        #expect(StrategyKind(name: "Shard", options: ["shardKey": "id", "ringSize": -1]) == nil)
        #expect(StrategyKind(name: "CpuUsage", options: ["sampleCount": "three"]) == nil)
        #expect(StrategyKind(name: "Latency", options: ["lowLatency": "fast"]) == nil)
    }

    @Test(arguments: [
        StrategyKind.roundRobin, .random, .cpuUsage(sampleCount: 4, lowCPUUsage: 15),
        .latency(sampleCount: 2, lowLatency: .milliseconds(30)), .shard(key: "#tenant", vnodes: 12, ringSize: 4_096),
        .shard(key: "id"),
    ])
    func nameAndOptionsParseBack(kind: StrategyKind) {
        #expect(StrategyKind(name: kind.name, options: kind.options) == kind)
    }

    @Test func describesNameAndOptions() {
        #expect(StrategyKind.roundRobin.description == "RoundRobin")
        #expect(StrategyKind.cpuUsage().description == #"CpuUsage{"lowCpuUsage":10,"sampleCount":3}"#)
        #expect(StrategyKind.latency(lowLatency: .milliseconds(12.5)).options["lowLatency"]?.doubleValue == 12.5)
        #expect(StrategyKind.shard(key: "id").description == #"Shard{"cacheSize":1000,"shardKey":"id","vnodes":10}"#)
    }

    @Test func makesTheNamedStrategy() {
        #expect(StrategyKind.roundRobin.makeStrategy(seed: 1) is RoundRobinStrategy)
        #expect(StrategyKind.random.makeStrategy(seed: 1) is RandomStrategy)
        #expect(StrategyKind.cpuUsage().makeStrategy(seed: 1) is CpuUsageStrategy)
        #expect(StrategyKind.latency().makeStrategy(seed: 1) is LatencyStrategy)
        let shard = StrategyKind.shard(key: "#tenant", vnodes: 7, ringSize: 100).makeStrategy(seed: 1) as? ShardStrategy
        #expect(shard?.shardKey == "#tenant")
        #expect(shard?.vnodes == 7)
        #expect(shard?.ringSize == 100)
    }

    @Test func madeStrategiesFollowTheirKind() {
        let candidates = [EndpointCandidate(nodeID: "a", cpu: 90), EndpointCandidate(nodeID: "b", cpu: 3)]
        var cpu = StrategyKind.cpuUsage().makeStrategy(seed: 1)
        #expect(cpu.select(from: candidates, context: SelectionContext()) == 1)
        var roundRobin = StrategyKind.roundRobin.makeStrategy(seed: 1)
        #expect([0, 1, 0] == (0..<3).map { _ in roundRobin.select(from: candidates, context: SelectionContext()) })
    }
}
