import Synchronization

/// Circuit breaker options: a breaker per endpoint (action on a node) trips when, within
/// `windowTime`, at least `minRequestCount` calls were made and the failure ratio reached
/// `threshold`. Open, the endpoint is skipped by the balancer; after `halfOpenTime` one trial
/// call is let through: success closes the breaker, failure opens it again.
public struct CircuitBreakerOptions: Sendable, Hashable {
    public var enabled: Bool
    public var threshold: Double
    public var windowTime: Duration
    public var minRequestCount: Int
    public var halfOpenTime: Duration

    public init(enabled: Bool = false, threshold: Double = 0.5, windowTime: Duration = .seconds(60),
                minRequestCount: Int = 20, halfOpenTime: Duration = .seconds(10)) {
        self.enabled = enabled
        self.threshold = threshold
        self.windowTime = windowTime
        self.minRequestCount = minRequestCount
        self.halfOpenTime = halfOpenTime
    }
}

/// Keeps the breakers and wraps every endpoint to feed them; errors with a status of 500 and
/// above count as failures, client errors do not. The broker asks `isCallable`
/// when it balances.
final class CircuitBreakerMiddleware: BrokerMiddleware {
    private let defaults: CircuitBreakerOptions
    private let clock: any BrokerClock
    private let breakers = Mutex<[String: CircuitBreakerState]>([:])

    init(options: CircuitBreakerOptions, clock: any BrokerClock) {
        defaults = options
        self.clock = clock
    }

    func wrapLocalAction(_ next: @escaping ActionHandler, action: ActionDefinition) -> ActionHandler {
        wrap(next, action: action)
    }

    func wrapRemoteAction(_ next: @escaping ActionHandler, action: ActionDefinition) -> ActionHandler {
        wrap(next, action: action)
    }

    private func wrap(_ next: @escaping ActionHandler, action: ActionDefinition) -> ActionHandler {
        let options = action.circuitBreaker ?? defaults
        guard options.enabled else { return next }
        let key = Self.key(action)
        return { [self] ctx in
            do {
                let result = try await next(ctx)
                record(key, options: options, failed: false)
                return result
            } catch let error as BrokerError where error.status < 500 {
                record(key, options: options, failed: false)
                throw error
            } catch {
                record(key, options: options, failed: true)
                throw error
            }
        }
    }

    private func record(_ key: String, options: CircuitBreakerOptions, failed: Bool) {
        let now = clock.now
        breakers.withLock { $0[key, default: CircuitBreakerState()].record(failed: failed, now: now, options: options) }
    }

    /// Whether the balancer may pick this endpoint now (closed, or due for a half-open trial).
    func isCallable(_ action: ActionDefinition) -> Bool {
        let options = action.circuitBreaker ?? defaults
        guard options.enabled else { return true }
        let now = clock.now
        return breakers.withLock { $0[Self.key(action)]?.allowsCall(now: now, options: options) ?? true }
    }

    /// The breaker states, for `$node.metrics` and tests: endpoint → "closed" / "open" / "half-open".
    var states: [String: String] {
        let now = clock.now
        return breakers.withLock { $0.mapValues { $0.phase(now: now, options: defaults).rawValue } }
    }

    private static func key(_ action: ActionDefinition) -> String { "\(action.nodeID)|\(action.name)" }
}
