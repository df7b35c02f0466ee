/// One endpoint's breaker: a pure state machine over the calls it sees. Open, it refuses calls
/// until `halfOpenTime` has passed; then it is half-open and lets calls through as trials: the
/// first success closes it, a failure opens it again.
struct CircuitBreakerState: Sendable {
    enum Phase: String, Sendable { case closed, open, halfOpen = "half-open" }

    private var isOpen = false
    private var openedAt: Duration = .zero
    private var windowStart: Duration?
    private var count = 0
    private var failures = 0

    func phase(now: Duration, options: CircuitBreakerOptions) -> Phase {
        guard isOpen else { return .closed }
        return now - openedAt >= options.halfOpenTime ? .halfOpen : .open
    }

    /// Whether the balancer may pick the endpoint: closed or half-open.
    func allowsCall(now: Duration, options: CircuitBreakerOptions) -> Bool {
        phase(now: now, options: options) != .open
    }

    mutating func record(failed: Bool, now: Duration, options: CircuitBreakerOptions) {
        if isOpen {
            if failed {
                openedAt = now
            } else {
                isOpen = false
                resetWindow(now: now)
            }
            return
        }
        if let start = windowStart, now - start > options.windowTime { resetWindow(now: now) }
        if windowStart == nil { windowStart = now }
        count += 1
        if failed { failures += 1 }
        if count >= options.minRequestCount, Double(failures) / Double(count) >= options.threshold {
            isOpen = true
            openedAt = now
            resetWindow(now: now)
        }
    }

    private mutating func resetWindow(now: Duration) {
        windowStart = now
        count = 0
        failures = 0
    }
}
