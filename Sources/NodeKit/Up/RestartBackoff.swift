/// How long `quark up` waits before restarting a node that exited: `initial`, doubling with each
/// consecutive restart, never more than `maximum`.
public struct RestartBackoff: Sendable, Equatable {
    /// The delay before the first restart.
    public var initial: Duration
    /// The longest delay.
    public var maximum: Duration

    public init(initial: Duration = .milliseconds(500), maximum: Duration = .seconds(10)) {
        precondition(initial > .zero && maximum >= initial, "backoff needs 0 < initial <= maximum")
        self.initial = initial
        self.maximum = maximum
    }

    /// The delay before restart number `attempt` (0 is the first restart).
    public func delay(attempt: Int) -> Duration {
        var delay = initial
        for _ in 0..<max(0, attempt) {
            delay *= 2
            if delay >= maximum { return maximum }
        }
        return min(delay, maximum)
    }
}
