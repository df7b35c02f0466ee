import Broker
import BrokerTesting
import Services
import Testing

@Suite("The $node service", .timeLimit(.minutes(1)))
struct NodeServiceTests {
    @Test("$node lists nodes, services, actions, events, health, options and metrics")
    func listings() async throws {
        let recorder = Recorder<String>()
        let cluster = try await TestCluster([
            "a": [],
            "b": [MathService.schema(), TestServices.listener("audit", events: ["order.*"], recorder: recorder)],
        ])
        try await cluster.start()
        let a = cluster["a"]
        let nodes = try await a.call("$node.list")
        #expect(Set(nodes.arrayValue?.compactMap { $0["id"]?.stringValue } ?? []) == ["a", "b"])
        let services = try await a.call("$node.services", ["skipInternal": true])
        #expect(services.arrayValue?.compactMap { $0["name"]?.stringValue }.sorted() == ["audit", "math"])
        #expect(services.arrayValue?.first { $0["name"] == "math" }?["nodes"] == ["b"])
        let actions = try await a.call("$node.actions", ["skipInternal": true])
        #expect(actions.arrayValue?.compactMap { $0["name"]?.stringValue } == ["math.add", "math.div", "math.mult", "math.sub"])
        let events = try await a.call("$node.events", ["skipInternal": true])
        #expect(events.arrayValue?.first?["name"] == "order.*")
        #expect(events.arrayValue?.first?["group"] == "audit")
        let local = try await a.call("$node.actions", ["onlyLocal": true])
        #expect(local.arrayValue?.allSatisfy { $0["name"]?.stringValue?.hasPrefix("$node.") == true } == true)
        let health = try await a.call("$node.health")
        #expect(health["nodeID"] == "a")
        let options = try await a.call("$node.options")
        #expect(options["nodeID"] == "a")
        _ = try await a.call("math.add", ["a": 1, "b": 1])
        let metrics = try await a.call("$node.metrics")
        let remoteAdd = metrics["requests"]?.arrayValue?.first { $0["action"] == "math.add" && $0["side"] == "remote" }
        #expect(remoteAdd?["total"] == 1)
        #expect((metrics["packets"]?["sent"]?["REQ"]?.intValue ?? 0) >= 1)
        let bad = await #expect(throws: BrokerError.self) { try await a.call("$node.list", ["onlyAvailable": "yes"]) }
        #expect(bad?.code == .validation)
        await cluster.stop()
    }
}
