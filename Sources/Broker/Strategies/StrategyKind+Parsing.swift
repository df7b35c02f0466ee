/// Reading a strategy from configuration or from a Moleculer action definition.
extension StrategyKind {
    /// The strategy called `name` (`RoundRobin`, `Random`, `CpuUsage`, `Latency` or `Shard`,
    /// any case, as Moleculer accepts) with Moleculer-style `options`: `sampleCount`,
    /// `lowCpuUsage` (percent), `lowLatency` (milliseconds), `shardKey`, `vnodes`, `ringSize`,
    /// `cacheSize`. Missing or null options take their defaults.
    ///
    /// A `ringSize` of 0 means none, as in Moleculer. `nil` for an unknown name, an option of the
    /// wrong type, a `Shard` without a `shardKey`, a negative `ringSize`, or a non-positive
    /// `vnodes` or `cacheSize`.
    public init?(name: String, options: JSON) {
        let options = Options(options.objectValue ?? [:])
        switch name.lowercased() {
        case "roundrobin":
            self = .roundRobin
        case "random":
            self = .random
        case "cpuusage":
            guard let sampleCount = options.int("sampleCount", default: 3),
                let lowCPUUsage = options.double("lowCpuUsage", default: 10)
            else { return nil }
            self = .cpuUsage(sampleCount: sampleCount, lowCPUUsage: lowCPUUsage)
        case "latency":
            guard let sampleCount = options.int("sampleCount", default: 5),
                let lowLatency = options.double("lowLatency", default: 10)
            else { return nil }
            self = .latency(sampleCount: sampleCount, lowLatency: .milliseconds(lowLatency))
        case "shard":
            guard let key = options.members["shardKey"]?.stringValue,
                let vnodes = options.int("vnodes", default: 10), vnodes > 0,
                let ringSize = options.int("ringSize", default: 0), ringSize >= 0,
                let cacheSize = options.int("cacheSize", default: 1000), cacheSize > 0
            else { return nil }
            self = .shard(key: key, vnodes: vnodes, ringSize: ringSize == 0 ? nil : ringSize, cacheSize: cacheSize)
        default:
            return nil
        }
    }

    /// Option lookup: missing or null gives the default; a value of the wrong type gives `nil`.
    private struct Options {
        let members: [String: JSON]

        init(_ members: [String: JSON]) {
            self.members = members
        }

        func int(_ key: String, default fallback: Int) -> Int? {
            guard let value = members[key], !value.isNull else { return fallback }
            return value.intValue
        }

        func double(_ key: String, default fallback: Double) -> Double? {
            guard let value = members[key], !value.isNull else { return fallback }
            return value.doubleValue
        }
    }
}
