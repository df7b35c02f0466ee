/// Moves serialized packets between nodes. Transit serializes; a transporter only carries bytes.
public protocol Transporter: Sendable {
    /// Connects as `nodeID` in `namespace`. From then on, packets addressed to this node (or
    /// broadcast) are handed to `receive` in batches, from the transporter's own loop; `receive`
    /// must return quickly.
    func connect(nodeID: String, namespace: String, receive: @escaping @Sendable ([TransportPacket]) -> Void) async throws
    /// Queues one packet for sending; `target == nil` broadcasts it to every node. Never blocks:
    /// a full queue throws QueueIsFullError, a closed transporter BrokerDisconnectedError.
    func send(_ packet: TransportPacket) throws
    /// Leaves the cluster. Sends fail afterwards with BrokerDisconnectedError.
    func disconnect() async
    /// Metadata merged into this node's INFO `metadata` (a mesh transporter's advertised
    /// endpoint and known peers). Default: none.
    var infoMetadata: [String: JSON] { get }
    /// The broker's word that a node has left (DISCONNECT or heartbeat timeout), so a
    /// connection-per-peer transporter can drop its link. Default: nothing.
    func peerLeft(_ nodeID: String)
}

extension Transporter {
    public var infoMetadata: [String: JSON] { [:] }
    public func peerLeft(_ nodeID: String) {}
}

/// A packet on its way through a transporter: the type, the target node (nil = broadcast) and
/// the serialized payload.
public struct TransportPacket: Sendable {
    public var type: PacketType
    public var target: String?
    public var payload: [UInt8]

    public init(type: PacketType, target: String?, payload: [UInt8]) {
        self.type = type
        self.target = target
        self.payload = payload
    }
}
