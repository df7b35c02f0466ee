/// Prefers nodes with low CPU usage, as reported in their heartbeats (Moleculer's `CpuUsage`).
///
/// It samples `sampleCount` random candidates (all of them when there are no more than that)
/// and takes the first one under `lowCPUUsage` percent, else the sampled one with the lowest
/// usage. Nodes that have not reported their usage count as the busiest; when none of the
/// samples has reported, the pick is random.
public struct CpuUsageStrategy: LoadBalancingStrategy {
    /// How many candidates are looked at per call; 0 or less means all of them.
    public var sampleCount: Int { sampler.sampleCount }
    /// The usage, in percent, under which a sampled node is taken at once.
    public let lowCPUUsage: Double
    private var sampler: LowestMetricSampler

    /// A strategy whose random sampling is fully determined by `seed`.
    public init(sampleCount: Int = 3, lowCPUUsage: Double = 10, seed: UInt64) {
        self.lowCPUUsage = lowCPUUsage
        sampler = LowestMetricSampler(sampleCount: sampleCount, seed: seed)
    }

    public mutating func select(from candidates: [EndpointCandidate], context: SelectionContext) -> Int {
        sampler.select(count: candidates.count, threshold: lowCPUUsage) { candidates[$0].cpu }
    }
}
