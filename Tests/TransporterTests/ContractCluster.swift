import Broker
import BrokerTesting
import NATSTransporter
import Logging
import Synchronization
@testable import ZeroMQTransporter

/// The transports the contract suite runs over: NATS through a real nats-server on loopback.
enum TransportKind: String, CaseIterable, Sendable, CustomStringConvertible {
    case memory, zeroMQ, nats
    var description: String { rawValue }
}

/// One node of a contract cluster: any transporter, driven as a broker would drive it (it
/// answers DISCOVER with an INFO carrying the transporter's metadata), recording what arrives.
final class ContractNode: Sendable {
    let nodeID: String
    let transporter: any Transporter
    /// The NATS server the node's cluster uses, kept alive as long as the node.
    let server: NATSServerProcess?
    private let received = Mutex<[Packet]>([])
    private let serializer = JSONSerializer()

    init(_ nodeID: String, transporter: any Transporter, server: NATSServerProcess? = nil, namespace: String = "contract") async throws {
        self.nodeID = nodeID
        self.transporter = transporter
        self.server = server
        try await transporter.connect(nodeID: nodeID, namespace: namespace) { [weak self] batch in self?.handle(batch) }
        try send(.discover(DiscoverPacket(sender: nodeID)), to: nil)
        try send(info, to: nil)
    }

    private var info: Packet { .info(InfoPacket(sender: nodeID, instanceID: "i-\(nodeID)", metadata: transporter.infoMetadata)) }

    private func handle(_ batch: [TransportPacket]) {
        for transportPacket in batch {
            guard let packet = try? serializer.deserialize(transportPacket.payload, type: transportPacket.type) else { continue }
            received.withLock { $0.append(packet) }
            if case .discover(let discover) = packet, discover.sender != nodeID { try? send(info, to: discover.sender) }
        }
    }

    func send(_ packet: Packet, to target: String?) throws {
        try transporter.send(TransportPacket(type: packet.type, target: target, payload: try serializer.serialize(packet)))
    }

    /// The events received from `sender`, by name, in arrival order.
    func events(from sender: String) -> [EventPacket] {
        received.withLock { packets in
            packets.compactMap { packet in
                if case .event(let event) = packet, event.sender == sender { return event }
                return nil
            }
        }
    }

    /// How many HEARTBEATs arrived from `sender`.
    func heartbeats(from sender: String) -> Int {
        received.withLock { packets in
            packets.count { if case .heartbeat(let heartbeat) = $0 { heartbeat.sender == sender } else { false } }
        }
    }

    /// The nodes this one has received an INFO from.
    var knownPeers: Set<String> {
        received.withLock { packets in Set(packets.compactMap { if case .info(let info) = $0, info.sender != nodeID { info.sender } else { nil } }) }
    }
}

/// Builds `count` connected nodes of one transport kind and waits until each knows all others.
func contractCluster(_ kind: TransportKind, count: Int) async throws -> [ContractNode] {
    var nodes: [ContractNode] = []
    let hub = InMemoryHub()
    let server = kind == .nats ? try await NATSServerProcess() : nil
    for index in 0..<count {
        let nodeID = "node-\(index)"
        switch kind {
        case .memory:
            nodes.append(try await ContractNode(nodeID, transporter: hub.transporter()))
        case .zeroMQ:
            let seeds = nodes.first.map { [($0.transporter as! ZeroMQTransporter).advertisedEndpoint ?? ""] } ?? []
            nodes.append(try await ContractNode(nodeID, transporter: ZeroMQTransporter(options: MeshTestNode.options(seeds: seeds))))
        case .nats:
            nodes.append(try await ContractNode(nodeID, transporter: NATSTransporter(options: .test(server!.url)), server: server))
        }
    }
    let everyone = Set(nodes.map(\.nodeID))
    let complete = await eventually(timeout: .seconds(15)) {
        nodes.allSatisfy { $0.knownPeers == everyone.subtracting([$0.nodeID]) }
    }
    guard complete else { throw BrokerError.server("the \(kind) contract cluster did not form") }
    return nodes
}

extension NATSOptions {
    /// Quiet options for one test server, reconnecting fast.
    static func test(_ urls: String...) -> NATSOptions {
        var options = NATSOptions(servers: urls.map { try! NATSServerAddress(parsing: $0) })
        options.logger = Logger(label: "test.nats") { _ in SwiftLogNoOpLogHandler() }
        options.reconnectMaxDelay = .milliseconds(200)
        return options
    }
}
