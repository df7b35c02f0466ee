/// Picks a candidate uniformly at random.
public struct RandomStrategy: LoadBalancingStrategy {
    private var random: SeededRandom

    /// A strategy whose picks are fully determined by `seed`.
    public init(seed: UInt64) {
        random = SeededRandom(seed: seed)
    }

    public mutating func select(from candidates: [EndpointCandidate], context: SelectionContext) -> Int {
        guard candidates.count > 1 else { return 0 }
        return Int.random(in: candidates.indices, using: &random)
    }
}
