/// The broker's source of time: a monotonic clock that tests can replace (see `ManualClock`
/// in BrokerTesting), so heartbeats, timeouts and backoffs run without real waiting.
public protocol BrokerClock: Sendable {
    /// Monotonic time elapsed since an arbitrary origin fixed for the clock's lifetime.
    var now: Duration { get }
    /// Suspends until `now >= deadline`; throws `CancellationError` when the task is cancelled.
    func sleep(until deadline: Duration) async throws
}

extension BrokerClock {
    public func sleep(for duration: Duration) async throws {
        try await sleep(until: now + duration)
    }
}

/// The real clock: `ContinuousClock` measured from the moment the clock was created.
public struct SystemClock: BrokerClock {
    private let origin: ContinuousClock.Instant

    public init() { origin = .now }

    public var now: Duration { ContinuousClock.now - origin }

    public func sleep(until deadline: Duration) async throws {
        try await ContinuousClock().sleep(until: origin + deadline, tolerance: nil)
    }
}
