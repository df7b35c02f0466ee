import Broker
import Logging
import Synchronization

/// Several brokers on one in-memory hub with a shared manual clock: the tier-1 test bed.
public struct TestCluster: Sendable {
    public let hub: InMemoryHub
    public let clock: ManualClock
    public let brokers: [ServiceBroker]

    /// Builds one broker per entry of `nodes` (nodeID → services); `configure` adjusts each
    /// configuration. Nothing is started yet.
    public init(
        _ nodes: KeyValuePairs<String, [ServiceSchema]>, configure: (inout BrokerConfiguration) -> Void = { _ in }
    ) async throws {
        let clock = ManualClock()
        let hub = InMemoryHub(clock: clock)
        var brokers: [ServiceBroker] = []
        for (nodeID, services) in nodes {
            var configuration = TestCluster.configuration(nodeID: nodeID, hub: hub, clock: clock)
            configure(&configuration)
            let broker = ServiceBroker(configuration)
            for service in services { try await broker.createService(service) }
            brokers.append(broker)
        }
        self.hub = hub
        self.clock = clock
        self.brokers = brokers
    }

    /// The defaults of a test broker: no discovery wait, no stop delay, seeded randomness.
    public static func configuration(nodeID: String, hub: InMemoryHub, clock: ManualClock) -> BrokerConfiguration {
        var configuration = BrokerConfiguration(nodeID: nodeID, transporter: hub.transporter())
        configuration.clock = clock
        configuration.seed = 42
        configuration.lifecycle.discoveryWait = .zero
        configuration.lifecycle.stopDelay = .zero
        configuration.lifecycle.drainTimeout = .seconds(5)
        configuration.logger = Logger(label: "quark.test.\(nodeID)", factory: { _ in SwiftLogNoOpLogHandler() })
        return configuration
    }

    public subscript(nodeID: String) -> ServiceBroker {
        brokers.first { $0.nodeID == nodeID }!
    }

    /// Starts every broker, then waits until each one knows every other node and its services.
    public func start() async throws {
        for broker in brokers { try await broker.start() }
        let nodeIDs = brokers.map(\.nodeID)
        for broker in brokers { try await broker.waitForNodes(nodeIDs) }
    }

    /// Stops every broker, moving the clock on while they drain so that handlers still
    /// sleeping on it cannot hold the stop forever.
    public func stop() async {
        let done = Atomic<Bool>(false)
        let brokers = self.brokers
        let stopping = Task {
            for broker in brokers.reversed() { await broker.stop() }
            done.store(true, ordering: .sequentiallyConsistent)
        }
        var steps = 0
        while !done.load(ordering: .sequentiallyConsistent), steps < 600 {
            await clock.advance(by: .seconds(1))
            steps += 1
        }
        await stopping.value
    }
}
