/// Chooses which of several endpoints of an action receives a call.
///
/// A strategy is a value: the registry keeps one per action and stores it back after each
/// selection, so counters, caches and random state survive between calls. Any randomness comes
/// from a ``SeededRandom`` held by the strategy, so a seed replays the same choices.
public protocol LoadBalancingStrategy: Sendable {
    /// The index in `candidates` of the endpoint to call.
    ///
    /// - Parameters:
    ///   - candidates: The callable endpoints; never empty (the registry answers
    ///     `ServiceNotAvailable` itself when nothing is callable). An implementation that cannot
    ///     decide returns 0, which is always valid.
    ///   - context: The call's params and meta.
    mutating func select(from candidates: [EndpointCandidate], context: SelectionContext) -> Int
}
