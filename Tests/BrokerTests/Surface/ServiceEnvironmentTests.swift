import Broker
import Logging
import BrokerTesting
import Testing

@Suite("Service environment and published settings", .timeLimit(.minutes(1)))
struct ServiceEnvironmentTests {
    @Test("a node's environment: its node ID, clock, data directory, settings, and a logger naming the service")
    func environment() throws {
        let clock = ManualClock()
        let hub = InMemoryHub(clock: clock)
        var configuration = TestCluster.configuration(nodeID: "shop-1", hub: hub, clock: clock)
        configuration.logger = Logger(label: "test", factory: { StreamLogHandler.standardError(label: $0) })
        let broker = ServiceBroker(configuration)
        let environment = broker.environment(for: "orders", dataDirectory: "/srv/quark/data", settings: ["currency": "EUR"])
        #expect(environment.nodeID == "shop-1")
        #expect(environment.settings == ["currency": "EUR"])
        #expect(environment.path("orders.sqlite") == "/srv/quark/data/orders.sqlite")
        #expect(environment.logger[metadataKey: "service.name"] == "orders")
        #expect(environment.logger[metadataKey: "node.id"] == "shop-1")
        #expect((environment.clock as? ManualClock) === clock)
        let memory = ServiceEnvironment.inMemory(settings: ["a": 1])
        #expect(memory.dataDirectory == nil)
        #expect(memory.path("orders.sqlite") == nil)
        #expect(memory.settings == ["a": 1])
    }

    @Test("INFO carries a service's settings without the keys listed in $secureSettings, and no data directory")
    func secureSettingsStayHome() async throws {
        let clock = ManualClock()
        let hub = InMemoryHub(clock: clock)
        let peer = try await RawPeer.connect("observer", hub: hub)
        let broker = ServiceBroker(TestCluster.configuration(nodeID: "pay", hub: hub, clock: clock))
        let environment = broker.environment(
            for: "payments", dataDirectory: "/secret/place/data", settings: ["apiKey": "sk_live_123", "currency": "EUR"])
        var settings = environment.settings
        settings["$secureSettings"] = ["apiKey"]
        let payments = ServiceSchema(name: "payments", settings: settings, actions: [
            ActionSchema("key") { _ in .bool(true) },
        ])
        try await broker.createService(payments)
        try await broker.start()
        try peer.send(.discover(DiscoverPacket(sender: "observer")), to: "pay")
        let packet = await peer.next { $0.type == .info && $0.sender == "pay" && ($0.info?.services.count ?? 0) > 1 }
        let service = try #require(packet?.info?.services.first { $0.name == "payments" })
        #expect(service.settings == ["currency": "EUR", "$secureSettings": ["apiKey"]])
        let wire = String(decoding: try JSONSerializer().serialize(try #require(packet)), as: UTF8.self)
        #expect(!wire.contains("sk_live_123"))
        #expect(!wire.contains("/secret/place"))
        // The registry view shows every node the published form, the local node included.
        #expect(broker.registryView().services.first { $0.name == "payments" }?.settings == service.settings)
        await broker.stop()
        await peer.disconnect()
    }
}

extension Packet {
    var info: InfoPacket? {
        if case .info(let info) = self { return info }
        return nil
    }
}
