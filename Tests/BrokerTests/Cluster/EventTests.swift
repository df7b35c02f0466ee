import Broker
import BrokerTesting
import Testing

@Suite("Events")
struct EventTests {
    @Test("emit reaches one handler per group; each group is balanced across its nodes")
    func balancedGroups() async throws {
        let recorder = Recorder<String>()
        let cluster = try await TestCluster([
            "emitter": [],
            "n1": [TestServices.listener("mail", events: ["order.created"], recorder: recorder)],
            "n2": [TestServices.listener("mail", events: ["order.created"], recorder: recorder)],
            "n3": [TestServices.listener("stats", events: ["order.*"], recorder: recorder)],
        ])
        try await cluster.start()
        for _ in 0..<4 { await cluster["emitter"].emit("order.created", ["id": 1]) }
        let got = await recorder.next(8)
        #expect(got.filter { $0.hasPrefix("mail@") }.count == 4)
        #expect(got.filter { $0.hasPrefix("stats@n3") }.count == 4)
        #expect(got.filter { $0 == "mail@n1:order.created" }.count == 2)
        #expect(got.filter { $0 == "mail@n2:order.created" }.count == 2)
        await cluster.stop()
    }

    @Test("emit to named groups skips the other groups")
    func emitToGroups() async throws {
        let recorder = Recorder<String>()
        let cluster = try await TestCluster([
            "emitter": [],
            "n1": [TestServices.listener("mail", events: ["user.created"], recorder: recorder),
                   TestServices.listener("audit", events: ["user.created"], recorder: recorder)],
        ])
        try await cluster.start()
        await cluster["emitter"].emit("user.created", [:], options: EventOptions(groups: ["audit"]))
        await cluster["emitter"].emit("user.created", [:], options: EventOptions(groups: ["mail"]))
        // Each incoming event runs in a task of its own: the two may finish in either order.
        let got = await recorder.next(2)
        #expect(got.sorted() == ["audit@n1:user.created", "mail@n1:user.created"])
        await cluster.stop()
    }

    @Test("broadcast reaches every handler on every node; broadcastLocal stays home")
    func broadcastKinds() async throws {
        let recorder = Recorder<String>()
        let cluster = try await TestCluster([
            "n1": [TestServices.listener("cache", events: ["config.changed"], recorder: recorder)],
            "n2": [TestServices.listener("cache", events: ["config.changed"], recorder: recorder)],
            "n3": [TestServices.listener("other", events: ["config.**"], recorder: recorder)],
        ])
        try await cluster.start()
        await cluster["n1"].broadcast("config.changed", ["key": "x"])
        let got = Set(await recorder.next(3))
        #expect(got == ["cache@n1:config.changed", "cache@n2:config.changed", "other@n3:config.changed"])
        await cluster["n2"].broadcastLocal("config.changed")
        #expect(await recorder.next(1) == ["cache@n2:config.changed"])
        await cluster.stop()
    }

    @Test("wildcards: * stays within a segment, ** spans segments")
    func wildcards() async throws {
        let recorder = Recorder<String>()
        let cluster = try await TestCluster([
            "e": [],
            "n1": [TestServices.listener("one", events: ["a.*"], recorder: recorder)],
            "n2": [TestServices.listener("deep", events: ["a.**"], recorder: recorder)],
        ])
        try await cluster.start()
        await cluster["e"].emit("a.b.c")
        await cluster["e"].emit("a.b")
        let got = await recorder.next(3)
        #expect(got.sorted() == ["deep@n2:a.b", "deep@n2:a.b.c", "one@n1:a.b"])
        await cluster.stop()
    }

    @Test("event data and meta arrive intact, with the emitter's node as ctx.nodeID")
    func eventPayload() async throws {
        let recorder = Recorder<JSON>()
        let sink = ServiceSchema(name: "sink", events: [
            EventSchema("thing.done") { ctx in
                recorder.record(["data": ctx.params, "meta": .object(ctx.meta), "from": .string(ctx.nodeID)])
            },
        ])
        let cluster = try await TestCluster(["e": [], "s": [sink]])
        try await cluster.start()
        await cluster["e"].emit("thing.done", ["n": 7, "tags": ["x"]], options: EventOptions(meta: ["tenant": "t1"]))
        let got = await recorder.next()
        #expect(got.first?["data"] == ["n": 7, "tags": ["x"]])
        #expect(got.first?["meta"]?["tenant"] == "t1")
        #expect(got.first?["from"] == "e")
        await cluster.stop()
    }

    @Test("internal events: $broker.started, $node.connected, $services.changed, $node.disconnected")
    func internalEvents() async throws {
        let recorder = Recorder<String>()
        let watcher = ServiceSchema(name: "watcher", events: [
            EventSchema("$node.connected") { ctx in recorder.record("connected:\(ctx.params["node"]?["id"]?.stringValue ?? "?")") },
            EventSchema("$node.disconnected") { ctx in
                recorder.record("disconnected:\(ctx.params["node"]?["id"]?.stringValue ?? "?"):\(ctx.params["unexpected"] == true)")
            },
            EventSchema("$broker.started") { _ in recorder.record("started") },
        ])
        let cluster = try await TestCluster(["w": [watcher]])
        try await cluster.start()
        #expect(await recorder.next() == ["started"])
        let late = ServiceBroker(TestCluster.configuration(nodeID: "late", hub: cluster.hub, clock: cluster.clock))
        try await late.start()
        #expect(await recorder.next() == ["connected:late"])
        await late.stop()
        #expect(await recorder.next() == ["disconnected:late:false"])
        await cluster.stop()
    }

    @Test("a failing event handler is logged and does not disturb the emitter or other handlers")
    func failingHandler() async throws {
        let recorder = Recorder<String>()
        let bad = ServiceSchema(name: "bad", events: [EventSchema("x") { _ in throw BrokerError.server("nope") }])
        let cluster = try await TestCluster(["n": [bad, TestServices.listener("good", events: ["x"], recorder: recorder)]])
        try await cluster.start()
        await cluster["n"].emit("x")
        #expect(await recorder.next() == ["good@n:x"])
        await cluster.stop()
    }
}
