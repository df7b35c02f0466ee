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

    static func run(
        inflight: Int, seconds: Double, calls: Int? = nil, _ operation: @escaping @Sendable () async throws -> Void
    ) async throws -> Result {
        try await run(inflight: inflight, seconds: seconds, calls: calls) { _ in try await operation() }
    }

    /// The same, telling the operation which loop (0..<inflight) runs it.
    static func run(
        inflight: Int, seconds: Double, calls: Int? = nil, _ operation: @escaping @Sendable (Int) async throws -> Void
    ) async throws -> Result {
        let clock = ContinuousClock()
        if let calls {
            let start = clock.now
            var result = try await measure(inflight: inflight, count: calls, until: start + .seconds(86_400), operation)
            result.elapsed = clock.now - start
            return result
        }
        let warmUp = Duration.milliseconds(Int64(seconds * 100))
        _ = try await measure(inflight: inflight, count: .max, until: clock.now + warmUp, operation)
        let start = clock.now
        var total = try await measure(inflight: inflight, count: .max, until: start + .milliseconds(Int64(seconds * 1000)), operation)
        total.elapsed = clock.now - start
        return total
    }

    private static func measure(
        inflight: Int, count: Int, until end: ContinuousClock.Instant, _ operation: @escaping @Sendable (Int) async throws -> Void
    ) async throws -> Result {
        try await withThrowingTaskGroup(of: (Int, LatencyHistogram).self) { group in
            for loop in 0..<max(1, inflight) {
                group.addTask {
                    var histogram = LatencyHistogram()
                    var calls = 0
                    let endNanoseconds = Nanoseconds.now + (end - ContinuousClock.now).nanoseconds
                    var now = Nanoseconds.now
                    while now < endNanoseconds, calls < count {
                        try await operation(loop)
                        let after = Nanoseconds.now
                        histogram.record(nanoseconds: after - now)
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

#if canImport(Glibc)
import Glibc
#endif

/// The monotonic clock in raw nanoseconds: reading it must cost far less than what is measured.
enum Nanoseconds {
    static var now: Int64 {
        var spec = timespec()
        clock_gettime(CLOCK_MONOTONIC, &spec)
        return Int64(spec.tv_sec) * 1_000_000_000 + Int64(spec.tv_nsec)
    }
}

extension Duration {
    var nanoseconds: Int64 { components.seconds * 1_000_000_000 + components.attoseconds / 1_000_000_000 }
}
