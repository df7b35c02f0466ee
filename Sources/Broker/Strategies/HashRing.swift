/// A consistent-hashing ring: each node owns `vnodes` points, and a key belongs to the node of
/// the first point at or clockwise after the key's own position.
///
/// Points and keys are placed with a stable hash (FNV-1a 64 finished with a 64-bit mixer), never
/// with Swift's `Hasher`, which is seeded per process: every broker, in every process, maps a
/// key to the same node. Removing a node only moves the keys that were on it.
struct HashRing: Sendable {
    private struct Point: Sendable {
        var position: UInt64
        var nodeID: String
    }

    /// The distinct node IDs the ring was built from, sorted.
    let nodeIDs: [String]
    private let points: [Point]
    private let ringSize: UInt64?

    /// A ring over `nodeIDs` (duplicates ignored); with a `ringSize`, positions are taken
    /// modulo it, as in Moleculer, else the ring spans all 64-bit values.
    init(nodeIDs: some Sequence<String>, vnodes: Int, ringSize: Int?) {
        self.nodeIDs = Set(nodeIDs).sorted()
        self.ringSize = ringSize.flatMap { $0 > 0 ? UInt64($0) : nil }
        var points: [Point] = []
        points.reserveCapacity(self.nodeIDs.count * max(1, vnodes))
        for nodeID in self.nodeIDs {
            for vnode in 0..<max(1, vnodes) {
                points.append(Point(position: Self.position(of: "\(nodeID):\(vnode)", in: self.ringSize), nodeID: nodeID))
            }
        }
        // Ties broken by node ID so that the ring does not depend on insertion order.
        self.points = points.sorted { ($0.position, $0.nodeID) < ($1.position, $1.nodeID) }
    }

    /// The node that owns `key`; `nil` only for an empty ring.
    func nodeID(for key: String) -> String? {
        guard !points.isEmpty else { return nil }
        let position = Self.position(of: key, in: ringSize)
        var low = 0
        var high = points.count
        while low < high {
            let middle = (low + high) / 2
            if points[middle].position < position { low = middle + 1 } else { high = middle }
        }
        return points[low == points.count ? 0 : low].nodeID
    }

    private static func position(of text: String, in ringSize: UInt64?) -> UInt64 {
        let hash = stableHash(text)
        return ringSize.map { hash % $0 } ?? hash
    }

    /// FNV-1a 64 over the UTF-8 bytes, then MurmurHash3's `fmix64` so that similar strings
    /// ("node-1:0", "node-1:1") land far apart.
    static func stableHash(_ text: String) -> UInt64 {
        var hash: UInt64 = 0xCBF2_9CE4_8422_2325
        for byte in text.utf8 {
            hash = (hash ^ UInt64(byte)) &* 0x0000_0100_0000_01B3
        }
        hash ^= hash >> 33
        hash &*= 0xFF51_AFD7_ED55_8CCD
        hash ^= hash >> 33
        hash &*= 0xC4CE_B9FE_1A85_EC53
        return hash ^ (hash >> 33)
    }
}
