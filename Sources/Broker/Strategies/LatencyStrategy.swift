/// Prefers nodes that answer fastest, by their PING/PONG round-trip time (Moleculer's `Latency`).
///
/// It samples `sampleCount` random candidates (all of them when there are no more than that)
/// and takes the first one faster than `lowLatency`, else the sampled one with the lowest
/// latency. Nodes not measured yet count as the slowest; when none of the samples has been
/// measured, the pick is random.
public struct LatencyStrategy: LoadBalancingStrategy {
    /// How many candidates are looked at per call; 0 or less means all of them.
    public var sampleCount: Int { sampler.sampleCount }
    /// The round-trip time under which a sampled node is taken at once.
    public let lowLatency: Duration
    private var sampler: LowestMetricSampler

    /// A strategy whose random sampling is fully determined by `seed`.
    public init(sampleCount: Int = 5, lowLatency: Duration = .milliseconds(10), seed: UInt64) {
        self.lowLatency = lowLatency
        sampler = LowestMetricSampler(sampleCount: sampleCount, seed: seed)
    }

    public mutating func select(from candidates: [EndpointCandidate], context: SelectionContext) -> Int {
        sampler.select(count: candidates.count, threshold: lowLatency) { candidates[$0].latency }
    }
}
