/// A load-balancing strategy by name and options, as configured for the broker or an action;
/// ``makeStrategy(seed:)`` builds a fresh instance of it.
///
/// The names are Moleculer's (`RoundRobin`, `Random`, `CpuUsage`, `Latency`, `Shard`), and
/// ``name`` with ``options`` is the form a Moleculer action definition carries.
public struct StrategyKind: Sendable, Hashable, CustomStringConvertible {
    private enum Variant: Sendable, Hashable {
        case roundRobin
        case random
        case cpuUsage(sampleCount: Int, lowCPUUsage: Double)
        case latency(sampleCount: Int, lowLatency: Duration)
        case shard(key: String, vnodes: Int, ringSize: Int?, cacheSize: Int)
    }

    private let variant: Variant

    private init(_ variant: Variant) {
        self.variant = variant
    }

    /// Each endpoint in turn.
    public static let roundRobin = StrategyKind(.roundRobin)
    /// A uniformly random endpoint.
    public static let random = StrategyKind(.random)

    /// The least busy of a few sampled nodes; see ``CpuUsageStrategy``.
    public static func cpuUsage(sampleCount: Int = 3, lowCPUUsage: Double = 10) -> StrategyKind {
        StrategyKind(.cpuUsage(sampleCount: sampleCount, lowCPUUsage: lowCPUUsage))
    }

    /// The fastest of a few sampled nodes; see ``LatencyStrategy``.
    public static func latency(sampleCount: Int = 5, lowLatency: Duration = .milliseconds(10)) -> StrategyKind {
        StrategyKind(.latency(sampleCount: sampleCount, lowLatency: lowLatency))
    }

    /// The same node for the same shard key; see ``ShardStrategy``.
    public static func shard(key: String, vnodes: Int = 10, ringSize: Int? = nil, cacheSize: Int = 1000) -> StrategyKind {
        StrategyKind(.shard(key: key, vnodes: vnodes, ringSize: ringSize, cacheSize: cacheSize))
    }

    /// The Moleculer name of the strategy.
    public var name: String {
        switch variant {
        case .roundRobin: "RoundRobin"
        case .random: "Random"
        case .cpuUsage: "CpuUsage"
        case .latency: "Latency"
        case .shard: "Shard"
        }
    }

    /// The options in Moleculer's form (`lowLatency` in milliseconds); an empty object when none.
    public var options: JSON {
        switch variant {
        case .roundRobin, .random:
            return [:]
        case let .cpuUsage(sampleCount, lowCPUUsage):
            return ["sampleCount": .int(sampleCount), "lowCpuUsage": .double(lowCPUUsage)]
        case let .latency(sampleCount, lowLatency):
            let (seconds, attoseconds) = lowLatency.components
            let milliseconds = Double(seconds) * 1_000 + Double(attoseconds) / 1e15
            return ["sampleCount": .int(sampleCount), "lowLatency": .double(milliseconds)]
        case let .shard(key, vnodes, ringSize, cacheSize):
            var options: JSON = ["shardKey": .string(key), "vnodes": .int(vnodes), "cacheSize": .int(cacheSize)]
            options["ringSize"] = ringSize.map(JSON.int)
            return options
        }
    }

    /// The name, followed by the options as JSON when there are any: `Shard{"shardKey":"#tenant",...}`.
    public var description: String {
        options == [:] ? name : "\(name)\(options)"
    }

    /// A new strategy of this kind; `seed` determines all of its random choices.
    public func makeStrategy(seed: UInt64) -> any LoadBalancingStrategy {
        switch variant {
        case .roundRobin:
            return RoundRobinStrategy()
        case .random:
            return RandomStrategy(seed: seed)
        case let .cpuUsage(sampleCount, lowCPUUsage):
            return CpuUsageStrategy(sampleCount: sampleCount, lowCPUUsage: lowCPUUsage, seed: seed)
        case let .latency(sampleCount, lowLatency):
            return LatencyStrategy(sampleCount: sampleCount, lowLatency: lowLatency, seed: seed)
        case let .shard(key, vnodes, ringSize, cacheSize):
            return ShardStrategy(shardKey: key, vnodes: vnodes, ringSize: ringSize, cacheSize: cacheSize, seed: seed)
        }
    }
}
