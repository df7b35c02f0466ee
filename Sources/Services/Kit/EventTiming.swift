/// How often the outbox relay and the catch-up run when nothing wakes them earlier (a commit
/// that enqueued, a registry change).
public struct EventTiming: Sendable {
    /// Between relay passes while no event is held back.
    public var relayInterval: Duration
    /// The first retry of an event no node subscribes to yet; doubled on each retry that still
    /// holds one, up to ``heldRetryMax``.
    public var heldRetryInitial: Duration
    public var heldRetryMax: Duration
    /// Between catch-up reads of each source's outbox.
    public var catchUpInterval: Duration

    public init(
        relayInterval: Duration = .seconds(5), heldRetryInitial: Duration = .seconds(1),
        heldRetryMax: Duration = .seconds(60), catchUpInterval: Duration = .seconds(30)
    ) {
        precondition(relayInterval > .zero && heldRetryInitial > .zero && catchUpInterval > .zero, "intervals must be positive")
        precondition(heldRetryMax >= heldRetryInitial, "heldRetryMax must not be below heldRetryInitial")
        self.relayInterval = relayInterval
        self.heldRetryInitial = heldRetryInitial
        self.heldRetryMax = heldRetryMax
        self.catchUpInterval = catchUpInterval
    }
}
