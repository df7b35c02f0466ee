/// How failed calls are retried: only retryable errors, with exponential backoff, each try
/// re-balanced (so it may go to another node).
public struct RetryPolicy: Sendable, Hashable {
    public var enabled: Bool
    /// Retries after the first attempt.
    public var retries: Int
    public var delay: Duration
    public var maxDelay: Duration
    public var factor: Double

    public init(enabled: Bool = false, retries: Int = 5, delay: Duration = .milliseconds(100),
                maxDelay: Duration = .seconds(1), factor: Double = 2) {
        self.enabled = enabled
        self.retries = retries
        self.delay = delay
        self.maxDelay = maxDelay
        self.factor = factor
    }

    /// The wait before retry number `attempt` (1-based).
    public func backoff(attempt: Int) -> Duration {
        var wait = delay
        for _ in 1..<Swift.max(1, attempt) {
            wait = wait * factor
            if wait >= maxDelay { return maxDelay }
        }
        return Swift.min(wait, maxDelay)
    }
}

/// Retries a call that failed with a retryable error, by the call's `retries` option, else the
/// action's policy, else the broker's.
struct RetryMiddleware: BrokerMiddleware {
    let policy: RetryPolicy
    let clock: any BrokerClock

    func wrapCall(_ next: @escaping CallHandler, broker: ServiceBroker) -> CallHandler {
        { request in
            var request = request
            while true {
                do {
                    return try await next(request)
                } catch let error as BrokerError where error.retryable {
                    let actionPolicy = broker.definition(of: request.action)?.retry
                    let effective = actionPolicy ?? policy
                    let retries = request.options.retries ?? (effective.enabled ? effective.retries : 0)
                    guard request.attempt <= retries else { throw error }
                    if let deadline = request.parent?.deadline, clock.now >= deadline { throw error }
                    broker.logger.debug("retrying call", metadata: [
                        "action.name": "\(request.action)", "attempt": "\(request.attempt)", "error": "\(error.code)",
                    ])
                    try await clock.sleep(for: effective.backoff(attempt: request.attempt))
                    request.attempt += 1
                }
            }
        }
    }
}
