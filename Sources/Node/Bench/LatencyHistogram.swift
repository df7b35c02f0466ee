/// Latencies in log-linear buckets (16 sub-buckets per power of two, ~6 % resolution), cheap
/// enough to record every call of a benchmark.
struct LatencyHistogram {
    private var counts = [Int](repeating: 0, count: 64 * 16)
    private(set) var total = 0

    mutating func record(nanoseconds: Int64) {
        counts[Self.bucket(UInt64(max(1, nanoseconds)))] += 1
        total += 1
    }

    mutating func merge(_ other: LatencyHistogram) {
        for index in counts.indices { counts[index] += other.counts[index] }
        total += other.total
    }

    /// The latency at `fraction` (0...1), in microseconds.
    func percentile(_ fraction: Double) -> Double {
        guard total > 0 else { return 0 }
        let rank = max(1, Int((Double(total) * fraction).rounded(.up)))
        var seen = 0
        for (index, count) in counts.enumerated() {
            seen += count
            if seen >= rank { return Double(Self.lowerBound(index)) / 1000 }
        }
        return 0
    }

    private static func bucket(_ value: UInt64) -> Int {
        let exponent = 63 - value.leadingZeroBitCount
        guard exponent >= 4 else { return Int(value) }
        let sub = Int((value >> UInt64(exponent - 4)) & 0xF)
        return (exponent - 3) * 16 + sub
    }

    private static func lowerBound(_ index: Int) -> UInt64 {
        guard index >= 16 else { return UInt64(index) }
        let exponent = index / 16 + 3
        let sub = UInt64(index % 16)
        return (16 + sub) << UInt64(exponent - 4)
    }
}
