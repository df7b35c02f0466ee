import Broker
import BrokerTesting
import Services
import Testing

@Suite("Cluster membership and robustness", .timeLimit(.minutes(1)))
struct ClusterMembershipTests {
    @Test("a second node with the same nodeID fails to start; the first keeps running")
    func nodeIDConflict() async throws {
        let cluster = try await TestCluster(["x": [MathService.schema()]])
        try await cluster.start()
        var twinConfiguration = TestCluster.configuration(nodeID: "x", hub: cluster.hub, clock: cluster.clock)
        twinConfiguration.lifecycle.discoveryWait = .milliseconds(200)
        let twin = ServiceBroker(twinConfiguration)
        let twinStart = Task { try await twin.start() }
        await cluster.clock.advance(by: .milliseconds(300), step: .milliseconds(50))
        let error = await #expect(throws: BrokerError.self) { try await twinStart.value }
        #expect(error?.message.contains("nodeID") == true)
        #expect(try await cluster["x"].call("math.add", ["a": 1, "b": 1]) == 2)
        await cluster.stop()
    }

    @Test("malformed packets are dropped and counted; the node keeps serving")
    func malformedPackets() async throws {
        let cluster = try await TestCluster(["a": [], "b": [MathService.schema()]])
        try await cluster.start()
        let garbage: [(PacketType, String)] = [
            (.request, "not json"), (.request, "[1,2,3]"), (.request, #"{"ver":"3","sender":"z","id":"1","action":"math.add"}"#),
            (.request, #"{"ver":"4"}"#), (.info, #"{"ver":"4","sender":"z","services":"nope"}"#),
            (.event, #"{"ver":"4","sender":"z","event":5}"#), (.response, #"{"ver":"4","sender":"z","id":7}"#),
            (.heartbeat, ""), (.request, String(repeating: "[", count: 10_000)),
        ]
        for (type, text) in garbage { cluster.hub.inject(type, payload: Array(text.utf8), to: "b") }
        await cluster.clock.settle()
        #expect(try await cluster["a"].call("math.add", ["a": 20, "b": 22]) == 42)
        // REQs and EVENTs are decoded in tasks of their own: wait (bounded) for all of them.
        var dropped = 0
        for _ in 0..<100 where dropped < garbage.count {
            dropped = try await cluster["b"].call("$node.metrics")["packets"]?["dropped"]?.intValue ?? 0
            await cluster.clock.settle()
        }
        #expect(dropped >= garbage.count)
        await cluster.stop()
    }

    @Test("a clean stop (DISCONNECT) removes the node at once; a heartbeat from a forgotten node triggers DISCOVER")
    func disconnectAndRediscover() async throws {
        let cluster = try await TestCluster(["a": [], "b": [MathService.schema()]])
        try await cluster.start()
        await cluster["b"].stop()
        let gone = await #expect(throws: BrokerError.self) { try await cluster["a"].call("math.add", ["a": 1, "b": 1]) }
        #expect(gone?.code == .serviceNotFound)
        let list = try await cluster["a"].call("$node.list")
        #expect(list.arrayValue?.first { $0["id"] == "b" }?["available"] == false)

        let peer = try await RawPeer.connect("ghost", hub: cluster.hub)
        try peer.send(.heartbeat(HeartbeatPacket(sender: "ghost", cpu: 1)), to: nil)
        let discover = await peer.next { $0.type == .discover }
        #expect(discover?.sender == "a")
        await peer.disconnect()
        await cluster.stop()
    }

    @Test("stop drains in-flight requests, then later requests are refused")
    func gracefulStopDrains() async throws {
        let started = Recorder<String>()
        let cluster = try await TestCluster(["a": [], "b": [FaultToleranceTests.hanging(started, for: .seconds(3))]])
        try await cluster.start()
        async let inFlight: JSON = cluster["a"].call("work.hang")
        _ = await started.next()
        async let stopping: Void = cluster["b"].stop()
        await cluster.clock.advance(by: .seconds(4), step: .milliseconds(500))
        await stopping
        #expect(try await inFlight == "b")
        await #expect(throws: BrokerError.self) { try await cluster["a"].call("work.who") }
        await cluster.stop()
    }

    @Test("a service waits for its dependencies before starting")
    func dependencies() async throws {
        let dependent = ServiceSchema(name: "report", dependencies: ["math"], actions: [
            ActionSchema("sum") { ctx in try await ctx.call("math.add", ["a": 1, "b": 2]) },
        ])
        let cluster = try await TestCluster(["a": [dependent], "b": [MathService.schema()]])
        async let startA: Void = cluster["a"].start()
        await cluster.clock.settle()
        #expect(cluster["a"].localServiceNames.contains("report") == false)
        try await cluster["b"].start()
        try await startA
        #expect(try await cluster["a"].call("report.sum") == 3)
        await cluster.stop()
    }

    @Test("ping measures the round trip to a node")
    func ping() async throws {
        let cluster = try await TestCluster(["a": [], "b": []])
        try await cluster.start()
        let elapsed = try await cluster["a"].ping("b")
        #expect(elapsed >= .zero)
        let all = await cluster["a"].pingAll()
        #expect(all.keys.sorted() == ["b"])
        await cluster.stop()
    }
}
