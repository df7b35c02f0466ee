import Broker
import BrokerTesting
import Logging
import Services
import Testing
@testable import ZeroMQTransporter

@Suite("Brokers over the ZeroMQ mesh")
struct BrokerOverZeroMQTests {
    private static func broker(_ nodeID: String, seeds: [String] = [], services: [ServiceSchema] = []) async throws -> ServiceBroker {
        let broker = ServiceBroker(.quietTest(nodeID, transporter: ZeroMQTransporter(options: MeshTestNode.options(seeds: seeds))))
        for service in services { try await broker.createService(service) }
        return broker
    }

    private static func endpoint(of broker: ServiceBroker) throws -> String {
        let transporter = try #require(broker.configuration.transporter as? ZeroMQTransporter)
        return try #require(transporter.advertisedEndpoint)
    }

    @Test("a broker calls math.add on another node and emits an event to it")
    func callAndEmit() async throws {
        let recorder = Recorder<String>()
        let listener = ServiceSchema(name: "audit", events: [
            EventSchema("math.used") { ctx in recorder.record("\(ctx.broker.nodeID):\(ctx.params["op"]?.stringValue ?? "?")") },
        ])
        let worker = try await Self.broker("worker", services: [MathService.schema(), listener])
        try await worker.start()
        let caller = try await Self.broker("caller", seeds: [try Self.endpoint(of: worker)])
        try await caller.start()
        try await caller.waitForNodes(["worker"], timeout: .seconds(10))
        try await worker.waitForNodes(["caller"], timeout: .seconds(10))
        try await caller.waitForServices(["math"], timeout: .seconds(10))

        let sum = try await caller.call("math.add", ["a": 2, "b": 40])
        #expect(sum == 42)
        await caller.emit("math.used", ["op": "add"])
        #expect(await recorder.next(1) == ["worker:add"])

        await caller.stop()
        await worker.stop()
    }

    @Test("a burst of events from one node is handled in the order it was sent")
    func eventOrder() async throws {
        let seen = Recorder<Int>()
        let worker = try await Self.broker("worker", services: [SequenceSink.schema(seen)])
        try await worker.start()
        let caller = try await Self.broker("caller", seeds: [try Self.endpoint(of: worker)])
        try await caller.start()
        try await caller.waitForServices(["sink"], timeout: .seconds(10))
        await SequenceSink.emitBurst(from: caller, count: 2000)
        #expect(await seen.next(2000) == Array(0..<2000))
        await caller.stop()
        await worker.stop()
    }

    @Test("a third broker joining through one seed calls a service on the node it did not seed")
    func thirdBrokerThroughSeed() async throws {
        let seed = try await Self.broker("seed")
        try await seed.start()
        let worker = try await Self.broker("worker", seeds: [try Self.endpoint(of: seed)], services: [MathService.schema()])
        try await worker.start()
        let caller = try await Self.broker("caller", seeds: [try Self.endpoint(of: seed)])
        try await caller.start()
        for broker in [seed, worker, caller] {
            try await broker.waitForNodes(["seed", "worker", "caller"], timeout: .seconds(10))
        }
        try await caller.waitForServices(["math"], timeout: .seconds(10))
        #expect(try await caller.call("math.mult", ["a": 6, "b": 7]) == 42)
        await worker.stop()
        // The worker said DISCONNECT: its services are gone from the caller's registry.
        await #expect(throws: BrokerError.self) { try await caller.call("math.add", ["a": 1, "b": 1]) }
        await caller.stop()
        await seed.stop()
    }
}

extension BrokerConfiguration {
    /// A broker for transporter tests: real clock, short discovery and drain, no logs.
    static func quietTest(_ nodeID: String, transporter: any Transporter) -> BrokerConfiguration {
        var configuration = BrokerConfiguration(nodeID: nodeID, transporter: transporter)
        configuration.clock = SystemClock()
        configuration.lifecycle.discoveryWait = .milliseconds(200)
        configuration.lifecycle.stopDelay = .zero
        configuration.lifecycle.drainTimeout = .seconds(2)
        configuration.logger = Logger(label: "test.broker") { _ in SwiftLogNoOpLogHandler() }
        return configuration
    }
}
