/// The outcome of `bench`: throughput and latency percentiles of sequential calls.
public struct ReplBenchSummary: Sendable, Equatable {
    public let action: String
    /// Latencies of the successful calls, in nanoseconds, sorted.
    public let latencies: [Int64]
    public let errors: Int
    public let elapsed: Duration

    public init(action: String, latencies: [Int64], errors: Int, elapsed: Duration) {
        self.action = action
        self.latencies = latencies.sorted()
        self.errors = errors
        self.elapsed = elapsed
    }

    /// Calls (failed ones included) per second.
    public var requestsPerSecond: Double {
        let seconds = Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) / 1e18
        return seconds > 0 ? Double(latencies.count + errors) / seconds : 0
    }

    /// The latency at `fraction` (0...1) by nearest rank, in milliseconds; 0 without calls.
    public func percentile(_ fraction: Double) -> Double {
        guard !latencies.isEmpty else { return 0 }
        let rank = min(latencies.count, max(1, Int((Double(latencies.count) * fraction).rounded(.up))))
        return Double(latencies[rank - 1]) / 1e6
    }

    /// Two lines: counts, then the rate and the latencies.
    public var text: String {
        let calls = latencies.count + errors
        let seconds = Self.rounded(Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) / 1e18, 3)
        let average = latencies.isEmpty ? 0 : Double(latencies.reduce(0, +)) / Double(latencies.count) / 1e6
        let rate = Int(requestsPerSecond.rounded())
        let percentiles = [("p50", 0.5), ("p90", 0.9), ("p99", 0.99), ("max", 1.0)]
            .map { "\($0.0) \(Self.rounded(percentile($0.1), 3)) ms" }.joined(separator: ", ")
        return """
            bench '\(action)': \(calls) calls in \(seconds) s, \(errors) errors
              \(rate) req/s; latency avg \(Self.rounded(average, 3)) ms, \(percentiles)
            """
    }

    private static func rounded(_ value: Double, _ digits: Int) -> Double {
        var scale = 1.0
        for _ in 0..<digits { scale *= 10 }
        return (value * scale).rounded() / scale
    }
}
