import Broker
import Synchronization
import Testing
@testable import ZeroMQTransporter

@Suite("Mesh namespaces", .timeLimit(.minutes(1)))
struct MeshNamespaceTests {
    @Test("a node of another namespace that connects is ignored: its INFO and events never reach the broker")
    func foreignNodeIgnored() async throws {
        let blue = ZeroMQTransporter(options: MeshTestNode.options())
        let received = Recorder()
        try await blue.connect(nodeID: "blue-1", namespace: "blue") { batch in received.add(batch) }
        let green = ZeroMQTransporter(options: MeshTestNode.options(seeds: [blue.advertisedEndpoint ?? ""]))
        try await green.connect(nodeID: "green-1", namespace: "green") { _ in }
        let serializer = JSONSerializer()
        func send(_ packet: Packet, to target: String?) throws {
            try green.send(TransportPacket(type: packet.type, target: target, payload: try serializer.serialize(packet)))
        }
        try send(.info(InfoPacket(sender: "green-1", instanceID: "g", metadata: green.infoMetadata)), to: nil)
        #expect(await eventually { blue.droppedFrames >= 1 })
        try send(.event(EventPacket(sender: "green-1", id: "e", event: "leak")), to: nil)
        #expect(await eventually { blue.droppedFrames >= 2 })
        #expect(!received.types.contains(.info))
        #expect(!received.types.contains(.event))
        await green.disconnect()
        await blue.disconnect()
    }
}

/// Collects the types of what a transporter hands to its receiver.
private final class Recorder: Sendable {
    private let state = Mutex<[PacketType]>([])
    func add(_ batch: [TransportPacket]) { state.withLock { $0 += batch.map(\.type) } }
    var types: [PacketType] { state.withLock { $0 } }
}
