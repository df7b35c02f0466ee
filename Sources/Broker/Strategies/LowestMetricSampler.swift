/// The sampling walk shared by the CPU-usage and latency strategies, as Moleculer does it.
///
/// It looks at `sampleCount` randomly drawn candidates, or at all of them in order when
/// `sampleCount` is not positive or not smaller than the number of candidates. It returns the
/// first one whose metric is below the threshold, else the sampled one with the lowest metric.
/// Candidates without a metric never win; when no sample had one, a random candidate is returned.
struct LowestMetricSampler: Sendable {
    let sampleCount: Int
    private var random: SeededRandom

    init(sampleCount: Int, seed: UInt64) {
        self.sampleCount = sampleCount
        random = SeededRandom(seed: seed)
    }

    /// The chosen index among `count` candidates; `metric(index)` is a candidate's measure.
    mutating func select<Metric: Comparable>(
        count: Int, threshold: Metric, metric: (Int) -> Metric?
    ) -> Int {
        guard count > 1 else { return 0 }
        let walksAll = sampleCount <= 0 || sampleCount >= count
        var best: (index: Int, value: Metric)?
        for step in 0..<(walksAll ? count : sampleCount) {
            let index = walksAll ? step : Int.random(in: 0..<count, using: &random)
            guard let value = metric(index) else { continue }
            if value < threshold { return index }
            if best.map({ value < $0.value }) ?? true { best = (index, value) }
        }
        return best?.index ?? Int.random(in: 0..<count, using: &random)
    }
}
