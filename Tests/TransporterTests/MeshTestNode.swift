import Broker
import Logging
import Synchronization
@testable import ZeroMQTransporter

/// A ZeroMQ transporter driven the way a broker would drive it, without a broker: it records
/// every packet it receives, answers every DISCOVER with an INFO carrying the transporter's metadata,
/// and at start broadcasts DISCOVER then INFO.
final class MeshTestNode: Sendable {
    let nodeID: String
    let transporter: ZeroMQTransporter
    private let received = Mutex<[Packet]>([])
    private let serializer = JSONSerializer()

    static func options(port: Int = 0, seeds: [String] = [], configure: (inout ZeroMQOptions) -> Void = { _ in }) -> ZeroMQOptions {
        var options = ZeroMQOptions(bind: "tcp://127.0.0.1:\(port)", seeds: seeds)
        options.reconnect.interval = .milliseconds(20)
        options.reconnect.maxInterval = .milliseconds(200)
        options.linkHeartbeat = .milliseconds(500)
        options.flushTimeout = .milliseconds(500)
        options.logger = Logger(label: "test.zmq") { _ in SwiftLogNoOpLogHandler() }
        configure(&options)
        return options
    }

    /// With `announce: false` the node broadcasts only DISCOVER, as a broker does during its
    /// discovery wait; `sendInfo(to: nil)` later plays the broker's first INFO broadcast.
    static func start(_ nodeID: String, options: ZeroMQOptions, announce: Bool = true) async throws -> MeshTestNode {
        let node = MeshTestNode(nodeID, transporter: ZeroMQTransporter(options: options))
        try await node.transporter.connect(nodeID: nodeID, namespace: "") { batch in node.handle(batch) }
        try node.send(.discover(DiscoverPacket(sender: nodeID)), to: nil)
        if announce { try node.sendInfo(to: nil) }
        return node
    }

    static func start(_ nodeID: String, port: Int = 0, seeds: [String] = []) async throws -> MeshTestNode {
        try await start(nodeID, options: options(port: port, seeds: seeds))
    }

    private init(_ nodeID: String, transporter: ZeroMQTransporter) {
        self.nodeID = nodeID
        self.transporter = transporter
    }

    private func handle(_ batch: [TransportPacket]) {
        for transportPacket in batch {
            guard let packet = try? serializer.deserialize(transportPacket.payload, type: transportPacket.type) else { continue }
            received.withLock { $0.append(packet) }
            // Like the broker, answer every DISCOVER, our own included (a node reached through
            // its own seed list sees its own; the answer lets the mesh find that out).
            if case .discover(let discover) = packet { try? sendInfo(to: discover.sender) }
        }
    }

    func send(_ packet: Packet, to target: String?) throws {
        try transporter.send(TransportPacket(type: packet.type, target: target, payload: try serializer.serialize(packet)))
    }

    func sendInfo(to target: String?) throws {
        try send(.info(InfoPacket(sender: nodeID, instanceID: "i-\(nodeID)", metadata: transporter.infoMetadata)), to: target)
    }

    func sendEvent(_ name: String, to target: String, data: JSON = .null) throws {
        try send(.event(EventPacket(sender: nodeID, id: name, event: name, data: data)), to: target)
    }

    var packets: [Packet] { received.withLock { $0 } }

    /// Names of the EVENT packets received from `sender`, in order.
    func events(from sender: String) -> [String] {
        packets.compactMap { packet in
            if case .event(let event) = packet, event.sender == sender { return event.event }
            return nil
        }
    }

    /// The CPU values of HEARTBEATs received from `sender` (tests use them as markers).
    func heartbeats(from sender: String) -> [Double] {
        packets.compactMap { packet in
            if case .heartbeat(let heartbeat) = packet, heartbeat.sender == sender { return heartbeat.cpu }
            return nil
        }
    }

    var peers: Set<String> { Set(transporter.connectedPeers.keys) }
    var endpoint: String { transporter.advertisedEndpoint ?? "?" }
    var port: Int { transporter.boundPort ?? 0 }

    func stop() async {
        await transporter.disconnect()
    }
}

/// Polls `condition` until it holds or `timeout` passes; the only waiting these tests do.
func eventually(timeout: Duration = .seconds(10), _ condition: () -> Bool) async -> Bool {
    let deadline = ContinuousClock.now + timeout
    while ContinuousClock.now < deadline {
        if condition() { return true }
        try? await Task.sleep(for: .milliseconds(10))
    }
    return condition()
}
