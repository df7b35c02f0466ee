import Metrics
import Synchronization

/// Counters and latency of one action on one side, created once when the action is wrapped.
final class ActionMetrics: Sendable {
    let action: String
    let side: String
    private let total: Counter
    private let errors: Counter
    private let active: Meter
    private let latency: Timer
    private let stats = Mutex(LatencyStats())

    init(action: String, side: String, factory: any MetricsFactory) {
        self.action = action
        self.side = side
        let dimensions = [("action", action), ("side", side)]
        total = Counter(label: "quark_requests_total", dimensions: dimensions, factory: factory)
        errors = Counter(label: "quark_requests_errors_total", dimensions: dimensions, factory: factory)
        active = Meter(label: "quark_requests_active", dimensions: dimensions, factory: factory)
        latency = Timer(label: "quark_requests_latency", dimensions: dimensions, factory: factory)
    }

    func started() {
        total.increment()
        active.increment()
        stats.withLock { $0.active += 1 }
    }

    func finished(nanoseconds: Int64, failed: Bool) {
        active.decrement()
        if failed { errors.increment() }
        latency.recordNanoseconds(nanoseconds)
        stats.withLock { $0.record(nanoseconds: nanoseconds, failed: failed) }
    }

    var snapshot: JSON {
        let stats = stats.withLock { $0 }
        return [
            "action": .string(action), "side": .string(side), "total": .int(stats.total), "errors": .int(stats.errors),
            "active": .int(stats.active), "latency": stats.json,
        ]
    }
}

/// Call counts and a log-scale latency histogram (for p50/p99 without keeping samples).
struct LatencyStats: Sendable {
    var total = 0
    var errors = 0
    var active = 0
    var sumNanoseconds: Int64 = 0
    var maxNanoseconds: Int64 = 0
    var buckets = [Int](repeating: 0, count: 64)

    mutating func record(nanoseconds: Int64, failed: Bool) {
        total += 1
        active -= 1
        if failed { errors += 1 }
        sumNanoseconds += nanoseconds
        maxNanoseconds = max(maxNanoseconds, nanoseconds)
        buckets[min(63, 64 - max(1, nanoseconds).leadingZeroBitCount)] += 1
    }

    /// The upper bound of the bucket holding the `fraction` quantile, in microseconds.
    func quantile(_ fraction: Double) -> Double {
        guard total > 0 else { return 0 }
        let rank = Int((Double(total) * fraction).rounded(.up))
        var seen = 0
        for (index, count) in buckets.enumerated() {
            seen += count
            if seen >= rank { return Double(min(Int64(1) << index, maxNanoseconds)) / 1000 }
        }
        return Double(maxNanoseconds) / 1000
    }

    var json: JSON {
        [
            "meanUs": .double(total > 0 ? Double(sumNanoseconds) / Double(total) / 1000 : 0),
            "p50Us": .double(quantile(0.5)), "p99Us": .double(quantile(0.99)), "maxUs": .double(Double(maxNanoseconds) / 1000),
        ]
    }
}
