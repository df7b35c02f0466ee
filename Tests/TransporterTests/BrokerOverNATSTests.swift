import Broker
import BrokerTesting
import NATSTransporter
import Services
import Testing

@Suite("Brokers over NATS", .serialized, .timeLimit(.minutes(2)))
struct BrokerOverNATSTests {
    private static func broker(_ nodeID: String, _ server: NATSServerProcess, services: [ServiceSchema] = []) async throws -> ServiceBroker {
        var configuration = BrokerConfiguration.quietTest(nodeID, transporter: NATSTransporter(options: .test(server.url)))
        configuration.namespace = "shop"
        let broker = ServiceBroker(configuration)
        for service in services { try await broker.createService(service) }
        try await broker.start()
        return broker
    }

    @Test("calls, errors and events cross the server; a stopped node leaves the registry")
    func callEmitStop() async throws {
        let server = try await NATSServerProcess()
        let recorder = Recorder<String>()
        let audit = ServiceSchema(name: "audit", events: [EventSchema("math.used") { ctx in recorder.record("\(ctx.params["op"]?.stringValue ?? "?")") }])
        let worker = try await Self.broker("worker", server, services: [MathService.schema(), audit])
        let caller = try await Self.broker("caller", server)
        try await caller.waitForServices(["math", "audit"], timeout: .seconds(10))

        #expect(try await caller.call("math.add", ["a": 2, "b": 40]) == 42)
        let error = await #expect(throws: BrokerError.self) { try await caller.call("math.add", ["a": "x", "b": 1]) }
        #expect(error?.code == .validation)
        #expect(error?.nodeID == "worker")
        await caller.emit("math.used", ["op": "add"])
        #expect(await recorder.next(1) == ["add"])
        let nodes = try await caller.call("$node.list")
        #expect(Set(nodes.arrayValue?.compactMap { $0["id"]?.stringValue } ?? []) == ["worker", "caller"])

        await worker.stop()
        await #expect(throws: BrokerError.self) { try await caller.call("math.add", ["a": 1, "b": 1]) }
        await caller.stop()
        server.stop()
    }

    @Test("a burst of events from one node is handled in the order it was sent")
    func eventOrder() async throws {
        let server = try await NATSServerProcess()
        let seen = Recorder<Int>()
        let worker = try await Self.broker("worker", server, services: [SequenceSink.schema(seen)])
        let caller = try await Self.broker("caller", server)
        try await caller.waitForServices(["sink"], timeout: .seconds(10))
        await SequenceSink.emitBurst(from: caller, count: 2000)
        #expect(await seen.next(2000) == Array(0..<2000))
        await caller.stop()
        await worker.stop()
        server.stop()
    }
}
