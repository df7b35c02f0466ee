import Broker

/// A bare transporter endpoint on a hub that speaks packets directly: for tests that forge,
/// inspect or withhold packets the way a misbehaving or foreign peer would.
public struct RawPeer: Sendable {
    public let nodeID: String
    private let transporter: InMemoryTransporter
    private let received: Recorder<Packet>
    private let serializer = JSONSerializer()

    public static func connect(_ nodeID: String, hub: InMemoryHub, namespace: String = "") async throws -> RawPeer {
        let transporter = hub.transporter()
        let received = Recorder<Packet>()
        let serializer = JSONSerializer()
        try await transporter.connect(nodeID: nodeID, namespace: namespace) { batch in
            for packet in batch {
                if let decoded = try? serializer.deserialize(packet.payload, type: packet.type) { received.record(decoded) }
            }
        }
        return RawPeer(nodeID: nodeID, transporter: transporter, received: received)
    }

    private init(nodeID: String, transporter: InMemoryTransporter, received: Recorder<Packet>) {
        self.nodeID = nodeID
        self.transporter = transporter
        self.received = received
    }

    public func send(_ packet: Packet, to target: String?) throws {
        try transporter.send(TransportPacket(type: packet.type, target: target, payload: try serializer.serialize(packet)))
    }

    /// Waits for the next received packet that satisfies `predicate`.
    public func next(where predicate: (Packet) -> Bool) async -> Packet? {
        while let packet = await received.next().first {
            if predicate(packet) { return packet }
        }
        return nil
    }

    /// Every packet received so far.
    public var packets: [Packet] { received.records }

    public func disconnect() async {
        await transporter.disconnect()
    }
}
