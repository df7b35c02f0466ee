import Broker
import BrokerTesting
import Synchronization
import Testing

/// A transporter whose queue is "full" for the first `refusals` EVENT sends.
final class CongestedTransporter: Transporter {
    private let inner: any Transporter
    private let refusalsLeft: Mutex<Int>

    init(_ inner: any Transporter, refusals: Int) {
        self.inner = inner
        refusalsLeft = Mutex(refusals)
    }

    func connect(nodeID: String, namespace: String, receive: @escaping @Sendable ([TransportPacket]) -> Void) async throws {
        try await inner.connect(nodeID: nodeID, namespace: namespace, receive: receive)
    }

    func send(_ packet: TransportPacket) throws {
        if packet.type == .event, refusalsLeft.withLock({ left in defer { left -= 1 }; return left > 0 }) {
            throw BrokerError.queueIsFull(action: "event", nodeID: packet.target, size: 1, limit: 1)
        }
        try inner.send(packet)
    }

    func disconnect() async { await inner.disconnect() }
}

@Suite("Backpressure", .timeLimit(.minutes(1)))
struct BackpressureTests {
    @Test("an event meeting a full transporter queue waits for room instead of being lost")
    func eventsWaitForRoom() async throws {
        let recorder = Recorder<String>()
        let cluster = try await TestCluster(["sink": [TestServices.listener("sink", events: ["tick"], recorder: recorder)]])
        var configuration = TestCluster.configuration(nodeID: "emitter", hub: cluster.hub, clock: cluster.clock)
        configuration.transporter = CongestedTransporter(cluster.hub.transporter(), refusals: 5)
        let emitter = ServiceBroker(configuration)
        try await cluster.start()
        try await emitter.start()
        try await emitter.waitForServices(["sink"])
        for _ in 0..<3 { await emitter.emit("tick") }
        #expect(await recorder.next(3).count == 3)
        await emitter.stop()
        await cluster.stop()
    }
}
