/// Sends every call with the same shard key to the same node (Moleculer's `Shard`), by
/// consistent hashing, so that node can keep per-key state warm.
///
/// The key is read from the call: `"#tenant"` reads `meta["tenant"]`, any other key is a dotted
/// path into the params (`"user.id"`). Calls without the key go round robin. Adding or removing
/// a node only moves the keys that land on, or were on, that node. The ring is rebuilt only when
/// the set of candidate nodes changes; recent key → node answers are kept in an LRU cache.
public struct ShardStrategy: LoadBalancingStrategy {
    /// Where the shard key is read: `#name` for meta, else a dotted params path.
    public let shardKey: String
    /// Points per node on the ring; more points spread keys more evenly.
    public let vnodes: Int
    /// The ring's size; `nil` for the full 64-bit range.
    public let ringSize: Int?
    private var ring: HashRing
    private var cache: LRUCache<String, String>
    private var fallback: RoundRobinStrategy

    /// - Parameters:
    ///   - shardKey: `#name` for a meta field, else a dotted path into the params.
    ///   - vnodes: Points per node on the ring (at least 1).
    ///   - ringSize: Positions are taken modulo this size; `nil` (or not positive) for the full
    ///     64-bit range.
    ///   - cacheSize: How many key → node answers are remembered; 0 disables the cache.
    ///   - seed: Decides where the round robin for calls without a key starts, so brokers that
    ///     start together do not all send their first such call to the same node.
    public init(shardKey: String, vnodes: Int = 10, ringSize: Int? = nil, cacheSize: Int = 1000, seed: UInt64) {
        self.shardKey = shardKey
        self.vnodes = max(1, vnodes)
        self.ringSize = ringSize.flatMap { $0 > 0 ? $0 : nil }
        ring = HashRing(nodeIDs: [], vnodes: self.vnodes, ringSize: self.ringSize)
        cache = LRUCache(capacity: cacheSize)
        var random = SeededRandom(seed: seed)
        fallback = RoundRobinStrategy(startingAt: UInt(truncatingIfNeeded: random.next()))
    }

    public mutating func select(from candidates: [EndpointCandidate], context: SelectionContext) -> Int {
        guard let key = keyValue(in: context) else {
            return fallback.select(from: candidates, context: context)
        }
        let nodeIDs = Set(candidates.map(\.nodeID)).sorted()
        if nodeIDs != ring.nodeIDs {
            ring = HashRing(nodeIDs: nodeIDs, vnodes: vnodes, ringSize: ringSize)
            cache.removeAll()
        }
        var nodeID = cache.value(for: key)
        if nodeID == nil, let owner = ring.nodeID(for: key) {
            cache.set(owner, for: key)
            nodeID = owner
        }
        return candidates.firstIndex { $0.nodeID == nodeID } ?? 0
    }

    /// The shard key's value as text; `nil` when it is missing or null.
    private func keyValue(in context: SelectionContext) -> String? {
        let value: JSON?
        if shardKey.hasPrefix("#") {
            value = JSON.object(context.meta).value(atPath: shardKey.dropFirst())
        } else {
            value = context.params.value(atPath: shardKey)
        }
        switch value {
        case nil, .null?: return nil
        case .string(let text)?: return text
        case let other?: return other.description
        }
    }
}
