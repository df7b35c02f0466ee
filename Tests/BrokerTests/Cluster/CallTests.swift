import Broker
import BrokerTesting
import Services
import Testing

@Suite("Calls across nodes")
struct CallTests {
    @Test("a call reaches a service on another node and returns its result")
    func remoteCall() async throws {
        let cluster = try await TestCluster(["caller": [], "worker": [MathService.schema()]])
        try await cluster.start()
        let sum = try await cluster["caller"].call("math.add", ["a": 2, "b": 40])
        #expect(sum == 42)
        let typed = try await cluster["caller"].call("math.mult", ["a": 6, "b": 7], as: Int.self)
        #expect(typed == 42)
        await cluster.stop()
    }

    @Test("a local call never leaves the node")
    func localCall() async throws {
        let cluster = try await TestCluster(["solo": [MathService.schema()], "other": []])
        try await cluster.start()
        let before = cluster.hub.deliveredCount(.request)
        #expect(try await cluster["solo"].call("math.sub", ["a": 5, "b": 2]) == 3)
        #expect(cluster.hub.deliveredCount(.request) == before)
        await cluster.stop()
    }

    @Test("callee meta travels back and merges into the caller's context")
    func metaRoundTrip() async throws {
        let front = ServiceSchema(name: "front", actions: [
            ActionSchema("relay") { ctx in
                ctx.meta["fromFront"] = true
                _ = try await ctx.call("echo.meta")
                return .object(ctx.meta)
            },
        ])
        let cluster = try await TestCluster(["a": [front], "b": [TestServices.echo()]])
        try await cluster.start()
        let meta = try await cluster["a"].call("front.relay", [:], options: CallOptions(meta: ["user": "ada"]))
        #expect(meta["user"] == "ada")
        #expect(meta["fromFront"] == true)
        #expect(meta["touchedBy"] == "b")
        await cluster.stop()
    }

    @Test("nested calls carry requestID, parentID, level and caller")
    func contextPropagation() async throws {
        let inner = ServiceSchema(name: "inner", actions: [
            ActionSchema("describe") { ctx in
                ["requestID": .string(ctx.requestID), "parentID": ctx.parentID.map(JSON.string) ?? .null,
                 "level": .int(ctx.level), "caller": ctx.caller.map(JSON.string) ?? .null]
            },
        ])
        let outer = ServiceSchema(name: "outer", version: 2, actions: [
            ActionSchema("run") { ctx in
                var inner = try await ctx.call("inner.describe")
                inner["outerID"] = .string(ctx.id)
                inner["outerRequestID"] = .string(ctx.requestID)
                return inner
            },
        ])
        let cluster = try await TestCluster(["a": [outer], "b": [inner]])
        try await cluster.start()
        let result = try await cluster["a"].call("v2.outer.run")
        #expect(result["requestID"] == result["outerRequestID"])
        #expect(result["parentID"] == result["outerID"])
        #expect(result["level"] == 2)
        #expect(result["caller"] == "v2.outer")
        await cluster.stop()
    }

    @Test("an unknown action is ServiceNotFoundError, locally and when asked directly of a node")
    func unknownAction() async throws {
        let cluster = try await TestCluster(["a": [], "b": [MathService.schema()]])
        try await cluster.start()
        let error = await #expect(throws: BrokerError.self) { try await cluster["a"].call("math.pow", ["a": 1]) }
        #expect(error?.code == .serviceNotFound)
        #expect(error?.status == 404)
        let direct = await #expect(throws: BrokerError.self) {
            try await cluster["a"].call("math.add", ["a": 1, "b": 1], options: CallOptions(nodeID: "a"))
        }
        #expect(direct?.code == .serviceNotFound)
        await cluster.stop()
    }

    @Test("a REQ for an action the node lacks is answered with ServiceNotFoundError")
    func requestForMissingActionIsAnswered() async throws {
        let cluster = try await TestCluster(["a": [], "b": [MathService.schema()]])
        try await cluster.start()
        let probe = try await RawPeer.connect("probe", hub: cluster.hub)
        try probe.send(.request(RequestPacket(sender: "probe", id: "forged-1", action: "math.add", params: ["a": 1, "b": 2])), to: "a")
        let answer = await probe.next(where: { $0.type == .response })
        guard case .response(let response) = answer else { Issue.record("no RES"); return }
        #expect(response.id == "forged-1")
        #expect(response.success == false)
        #expect(response.error?.code == .serviceNotFound)
        await probe.disconnect()
        await cluster.stop()
    }

    @Test("errors keep code, type, data and origin node over the wire")
    func errorsSurviveTheWire() async throws {
        let cluster = try await TestCluster(["a": [], "b": [MathService.schema(), TestServices.echo()]])
        try await cluster.start()
        let division = await #expect(throws: BrokerError.self) { try await cluster["a"].call("math.div", ["a": 1, "b": 0]) }
        #expect(division?.status == 422)
        #expect(division?.type == "DIVISION_BY_ZERO")
        #expect(division?.nodeID == "b")
        #expect(division?.data?["b"] == 0)
        let crash = await #expect(throws: BrokerError.self) { try await cluster["a"].call("echo.crash") }
        #expect(crash?.message == "boom")
        #expect(crash?.status == 500)
        await cluster.stop()
    }

    @Test("calls deeper than maxCallLevel fail with MaxCallLevelError")
    func maxCallLevel() async throws {
        let loop = ServiceSchema(name: "loop", actions: [ActionSchema("again") { ctx in try await ctx.call("loop.again") }])
        let cluster = try await TestCluster(["a": [loop]]) { $0.maxCallLevel = 5 }
        try await cluster.start()
        let error = await #expect(throws: BrokerError.self) { try await cluster["a"].call("loop.again") }
        #expect(error?.code == .maxCallLevel)
        await cluster.stop()
    }

    @Test("a handler's non-broker error and a result of the wrong type both come out as BrokerError")
    func everyErrorIsABrokerError() async throws {
        struct Oops: Error {}
        let odd = ServiceSchema(name: "odd", actions: [ActionSchema("throw") { _ in throw Oops() }, ActionSchema("text") { _ in "x" }])
        let cluster = try await TestCluster(["a": [odd]])
        try await cluster.start()
        let thrown = await #expect(throws: BrokerError.self) { try await cluster["a"].call("odd.throw") }
        #expect(thrown?.status == 500)
        let mismatch = await #expect(throws: BrokerError.self) { try await cluster["a"].call("odd.text", as: Int.self) }
        #expect(mismatch?.type == "RESULT_TYPE_MISMATCH")
        await cluster.stop()
    }
}
