/// `HEARTBEAT`: a node's periodic sign of life, with its CPU usage.
public struct HeartbeatPacket: Sendable, Hashable {
    public var sender: String
    /// CPU usage in percent, when known.
    public var cpu: Double?

    public init(sender: String, cpu: Double? = nil) {
        self.sender = sender
        self.cpu = cpu
    }

    /// Decodes a `HEARTBEAT` payload; `ver` and `sender` are the serializer's to check.
    public init(json: JSON) throws(BrokerError) {
        let fields = try PacketFields(json, in: "HEARTBEAT")
        self.init(sender: try fields.string("sender") ?? "", cpu: try fields.double("cpu"))
    }

    /// The payload without `ver` and `sender`.
    public var json: JSON {
        ["cpu": cpu.map(JSON.double) ?? .null]
    }
}
