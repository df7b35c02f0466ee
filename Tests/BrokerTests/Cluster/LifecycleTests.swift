import Broker
import BrokerTesting
import Logging
import MetricsTestKit
import ServiceLifecycle
import Services
import Testing

@Suite("Lifecycle and metrics", .timeLimit(.minutes(1)))
struct LifecycleTests {
    @Test("in a ServiceGroup the broker starts, and graceful shutdown stops it and says DISCONNECT")
    func serviceGroup() async throws {
        let clock = ManualClock()
        let hub = InMemoryHub(clock: clock)
        let peer = try await RawPeer.connect("observer", hub: hub)
        let broker = ServiceBroker(TestCluster.configuration(nodeID: "svc", hub: hub, clock: clock))
        try await broker.createService(MathService.schema())
        let group = ServiceGroup(configuration: .init(
            services: [broker], logger: Logger(label: "test", factory: { _ in SwiftLogNoOpLogHandler() })))
        let running = Task { try await group.run() }
        try await broker.waitForServices(["math"])
        #expect(try await broker.call("math.add", ["a": 1, "b": 2]) == 3)
        await group.triggerGracefulShutdown()
        try await running.value
        #expect(await peer.next { $0.type == .disconnect }?.sender == "svc")
        await peer.disconnect()
    }

    @Test("requests, errors and packets are reported through swift-metrics")
    func metricsFactory() async throws {
        let metrics = TestMetrics()
        let cluster = try await TestCluster(["a": [], "b": [MathService.schema()]]) { $0.metricsFactory = metrics }
        try await cluster.start()
        _ = try await cluster["a"].call("math.add", ["a": 1, "b": 2])
        _ = try? await cluster["a"].call("math.div", ["a": 1, "b": 0])
        let handled = try metrics.expectCounter("quark_requests_total", [("action", "math.add"), ("side", "local")])
        #expect(handled.totalValue == 1)
        let errors = try metrics.expectCounter("quark_requests_errors_total", [("action", "math.div"), ("side", "remote")])
        #expect(errors.totalValue == 1)
        let sent = metrics.counters(label: "quark_transit_packets_sent_total", dimensions: [("type", "REQ")])
        #expect(sent.reduce(0) { $0 + $1.totalValue } >= 2)
        await cluster.stop()
    }
}
