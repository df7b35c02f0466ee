/// Runs an operation from `inflight` concurrent loops for a fixed time and measures it.
enum BenchLoop {
    struct Result {
        var calls: Int
        var elapsed: Duration
        var histogram: LatencyHistogram

        var callsPerSecond: Double {
            let seconds = Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) / 1e18
            return seconds > 0 ? Double(calls) / seconds : 0
        }
    }

    static func run(inflight: Int, seconds: Double, _ operation: @escaping @Sendable () async throws -> Void) async throws -> Result {
        let clock = ContinuousClock()
        let warmUp = Duration.milliseconds(Int64(seconds * 100))
        _ = try await measure(inflight: inflight, until: clock.now + warmUp, operation)
        let start = clock.now
        var total = try await measure(inflight: inflight, until: start + .milliseconds(Int64(seconds * 1000)), operation)
        total.elapsed = clock.now - start
        return total
    }

    private static func measure(
        inflight: Int, until end: ContinuousClock.Instant, _ operation: @escaping @Sendable () async throws -> Void
    ) async throws -> Result {
        try await withThrowingTaskGroup(of: (Int, LatencyHistogram).self) { group in
            for _ in 0..<max(1, inflight) {
                group.addTask {
                    let clock = ContinuousClock()
                    var histogram = LatencyHistogram()
                    var calls = 0
                    var now = clock.now
                    while now < end {
                        try await operation()
                        let after = clock.now
                        histogram.record(after - now)
                        now = after
                        calls += 1
                    }
                    return (calls, histogram)
                }
            }
            var result = Result(calls: 0, elapsed: .zero, histogram: LatencyHistogram())
            for try await (calls, histogram) in group {
                result.calls += calls
                result.histogram.merge(histogram)
            }
            return result
        }
    }
}
