/// Takes the candidates in turn: first, second, ..., last, then the first again.
public struct RoundRobinStrategy: LoadBalancingStrategy {
    private var counter: UInt

    /// A rotation that starts at the first candidate.
    public init() {
        counter = 0
    }

    /// A rotation whose first pick is `offset` modulo the number of candidates.
    init(startingAt offset: UInt) {
        counter = offset
    }

    public mutating func select(from candidates: [EndpointCandidate], context: SelectionContext) -> Int {
        guard !candidates.isEmpty else { return 0 }
        let index = Int(counter % UInt(candidates.count))
        counter &+= 1
        return index
    }
}
