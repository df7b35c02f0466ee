import Broker
import Testing

@Suite struct ShardStrategyTests {
    let nodes = ["node-a", "node-b", "node-c", "node-d", "node-e"]

    private func candidates(_ nodeIDs: [String]) -> [EndpointCandidate] {
        nodeIDs.map { EndpointCandidate(nodeID: $0) }
    }

    private func byUser(_ id: String) -> SelectionContext {
        SelectionContext(params: ["userID": .string(id)])
    }

    /// The node chosen for each of `keys` (params `userID`).
    private func owners(
        _ keys: [String], among nodeIDs: [String], strategy: inout ShardStrategy
    ) -> [String: String] {
        let list = candidates(nodeIDs)
        var owners: [String: String] = [:]
        for key in keys {
            owners[key] = list[strategy.select(from: list, context: byUser(key))].nodeID
        }
        return owners
    }

    private let keys = (0..<1_000).map { "user-\($0)" }

    @Test func sameKeyGoesToSameNode() {
        var strategy = ShardStrategy(shardKey: "userID", seed: 1)
        let list = candidates(nodes)
        let first = strategy.select(from: list, context: byUser("alice"))
        for _ in 0..<20 {
            #expect(strategy.select(from: list, context: byUser("alice")) == first)
        }
    }

    @Test func independentInstancesAgree() {
        var first = ShardStrategy(shardKey: "userID", seed: 1)
        var second = ShardStrategy(shardKey: "userID", seed: 987_654)
        #expect(owners(keys, among: nodes, strategy: &first) == owners(keys, among: nodes, strategy: &second))
    }

    /// Pinned values: a key lands on the same node in every process and on every platform, which
    /// a per-process seeded hash (Swift's `Hasher`) would break.
    @Test func placementIsStableAcrossProcesses() {
        var strategy = ShardStrategy(shardKey: "userID", seed: 1)
        let placed = owners(["alice", "bob", "carol", "dave"], among: nodes, strategy: &strategy)
        #expect(placed == ["alice": "node-d", "bob": "node-d", "carol": "node-c", "dave": "node-a"])
    }

    @Test func candidateOrderDoesNotMatter() {
        var strategy = ShardStrategy(shardKey: "userID", seed: 1)
        let forward = owners(keys, among: nodes, strategy: &strategy)
        let backward = owners(keys, among: nodes.reversed(), strategy: &strategy)
        #expect(forward == backward)
    }

    @Test func readsAMetaKeyWithHash() {
        var strategy = ShardStrategy(shardKey: "#tenant", seed: 1)
        let list = candidates(nodes)
        let owner = strategy.select(from: list, context: SelectionContext(params: ["tenant": "other"], meta: ["tenant": "acme"]))
        let again = strategy.select(from: list, context: SelectionContext(meta: ["tenant": "acme"]))
        #expect(owner == again)
        let spread = Set((0..<200).map { strategy.select(from: list, context: SelectionContext(meta: ["tenant": .string("t\($0)")])) })
        #expect(spread.count == nodes.count, "different tenants use different nodes")
    }

    @Test func readsADottedParamsPath() {
        var strategy = ShardStrategy(shardKey: "user.id", seed: 1)
        let list = candidates(nodes)
        let nested = strategy.select(from: list, context: SelectionContext(params: ["user": ["id": 42, "name": "x"]]))
        let sameID = strategy.select(from: list, context: SelectionContext(params: ["user": ["id": 42, "name": "y"]]))
        #expect(nested == sameID)
        let spread = Set((0..<200).map { strategy.select(from: list, context: SelectionContext(params: ["user": ["id": .int($0)]])) })
        #expect(spread.count == nodes.count)
    }

    @Test func missingOrNullKeyGoesRoundRobin() {
        var strategy = ShardStrategy(shardKey: "userID", seed: 1)
        let list = candidates(nodes)
        let missing = (0..<5).map { _ in strategy.select(from: list, context: SelectionContext(params: ["other": 1])) }
        #expect(Set(missing).count == nodes.count, "each node once per turn: \(missing)")
        let afterNull = strategy.select(from: list, context: SelectionContext(params: ["userID": .null]))
        #expect(afterNull == missing[0], "the rotation continues")
    }

    @Test func removingANodeMovesOnlyItsKeys() {
        var strategy = ShardStrategy(shardKey: "userID", seed: 1)
        let before = owners(keys, among: nodes, strategy: &strategy)
        let after = owners(keys, among: nodes.filter { $0 != "node-c" }, strategy: &strategy)
        for key in keys {
            if before[key] == "node-c" {
                #expect(after[key] != "node-c")
            } else {
                #expect(after[key] == before[key], "\(key) moved from \(before[key] ?? "?")")
            }
        }
        #expect(owners(keys, among: nodes, strategy: &strategy) == before, "the node comes back to its keys")
    }

    @Test func addingANodeTakesKeysOnlyForItself() {
        var strategy = ShardStrategy(shardKey: "userID", seed: 1)
        let before = owners(keys, among: nodes, strategy: &strategy)
        let after = owners(keys, among: nodes + ["node-f"], strategy: &strategy)
        let moved = keys.filter { before[$0] != after[$0] }
        #expect(moved.allSatisfy { after[$0] == "node-f" })
        #expect(!moved.isEmpty)
    }

    @Test func spreadsKeysOverAllNodes() {
        var strategy = ShardStrategy(shardKey: "userID", seed: 1)
        var counts: [String: Int] = [:]
        for owner in owners(keys, among: nodes, strategy: &strategy).values { counts[owner, default: 0] += 1 }
        // 200 each if perfectly even; 10 points per node give a coarse but usable spread.
        #expect(counts.count == nodes.count)
        #expect(counts.values.allSatisfy { (120...300).contains($0) }, "counts: \(counts)")
    }

    @Test func aSmallRingStaysConsistent() {
        var strategy = ShardStrategy(shardKey: "userID", vnodes: 20, ringSize: 1_000, seed: 1)
        let before = owners(keys, among: nodes, strategy: &strategy)
        #expect(Set(before.values).count == nodes.count)
        let after = owners(keys, among: nodes.filter { $0 != "node-a" }, strategy: &strategy)
        #expect(keys.allSatisfy { before[$0] == "node-a" || after[$0] == before[$0] })
    }

    @Test func aSmallCacheGivesTheSameAnswersAsNoCache() {
        var cached = ShardStrategy(shardKey: "userID", cacheSize: 3, seed: 1)
        var uncached = ShardStrategy(shardKey: "userID", cacheSize: 0, seed: 1)
        var random = SeededRandom(seed: 4)
        let fewer = nodes.filter { $0 != "node-b" }
        for step in 0..<2_000 {
            // The node set changes now and then, which must invalidate cached answers.
            let list = candidates(step / 250 % 2 == 0 ? nodes : fewer)
            let context = byUser("user-\(Int.random(in: 0..<8, using: &random))")
            #expect(cached.select(from: list, context: context) == uncached.select(from: list, context: context))
        }
    }
}
