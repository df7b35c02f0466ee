import Broker
import BrokerTesting
import Testing

@Suite("Load balancing in a cluster", .timeLimit(.minutes(1)))
struct BalancingTests {
    @Test("round robin alternates between replicas")
    func roundRobin() async throws {
        let cluster = try await TestCluster(["a": [], "b": [TestServices.echo()], "c": [TestServices.echo()]])
        try await cluster.start()
        var answers: [String] = []
        for _ in 0..<6 { answers.append(try await cluster["a"].call("echo.who").stringValue ?? "") }
        #expect(answers.filter { $0 == "b" }.count == 3)
        #expect(zip(answers, answers.dropFirst()).allSatisfy { $0 != $1 })
        await cluster.stop()
    }

    @Test("preferLocal keeps calls on the node when it has the action")
    func preferLocal() async throws {
        let cluster = try await TestCluster(["a": [TestServices.echo()], "b": [TestServices.echo()]])
        try await cluster.start()
        for _ in 0..<4 { #expect(try await cluster["a"].call("echo.who") == "a") }
        #expect(try await cluster["a"].call("echo.who", [:], options: CallOptions(nodeID: "b")) == "b")
        await cluster.stop()
    }

    @Test("the shard strategy sends a key to the same node every time")
    func shard() async throws {
        let cluster = try await TestCluster(["a": [], "b": [TestServices.echo()], "c": [TestServices.echo()], "d": [TestServices.echo()]]) {
            $0.registry.strategy = .shard(key: "userID")
        }
        try await cluster.start()
        var owners: [String: Set<String>] = [:]
        for round in 0..<3 {
            for user in 0..<12 {
                let node = try await cluster["a"].call("echo.who", ["userID": .int(user), "round": .int(round)]).stringValue ?? ""
                owners["\(user)", default: []].insert(node)
            }
        }
        #expect(owners.values.allSatisfy { $0.count == 1 })
        #expect(Set(owners.values.flatMap { $0 }).count > 1)
        await cluster.stop()
    }

    @Test("the random strategy uses every replica")
    func random() async throws {
        let cluster = try await TestCluster(["a": [], "b": [TestServices.echo()], "c": [TestServices.echo()]]) {
            $0.registry.strategy = .random
        }
        try await cluster.start()
        var seen: Set<String> = []
        for _ in 0..<40 { seen.insert(try await cluster["a"].call("echo.who").stringValue ?? "") }
        #expect(seen == ["b", "c"])
        await cluster.stop()
    }

    @Test("the cpu-usage strategy picks the node whose heartbeats report the lowest CPU")
    func cpuUsage() async throws {
        let cluster = try await TestCluster(["a": [], "b": [TestServices.echo()], "c": [TestServices.echo()]]) {
            $0.registry.strategy = .cpuUsage()
        }
        try await cluster.start()
        for (node, cpu) in [("b", 95.0), ("c", 3.0)] {
            let beat = try JSONSerializer().serialize(.heartbeat(HeartbeatPacket(sender: node, cpu: cpu)))
            cluster.hub.inject(.heartbeat, payload: beat, to: "a")
        }
        await cluster.clock.settle()
        for _ in 0..<5 { #expect(try await cluster["a"].call("echo.who") == "c") }
        await cluster.stop()
    }

    @Test("the latency strategy picks the node with the shortest measured round trip")
    func latency() async throws {
        let cluster = try await TestCluster(["a": [], "b": [TestServices.echo()], "c": [TestServices.echo()]]) {
            $0.registry.strategy = .latency()
        }
        try await cluster.start()
        cluster.hub.delay(.milliseconds(200), from: ["b"], to: ["a"], types: [.pong])
        let pings = Task { await cluster["a"].pingAll() }
        await cluster.clock.advance(by: .milliseconds(300), step: .milliseconds(20))
        let times = await pings.value
        #expect(times["b"].map { $0 >= .milliseconds(200) } == true)
        #expect(times["c"].map { $0 < .milliseconds(10) } == true)
        for _ in 0..<5 { #expect(try await cluster["a"].call("echo.who") == "c") }
        await cluster.stop()
    }
}
