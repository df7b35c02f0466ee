/// `DISCONNECT`: the sender is leaving; receivers mark it offline and drop its services.
public struct DisconnectPacket: Sendable, Hashable {
    public var sender: String

    public init(sender: String) {
        self.sender = sender
    }

    /// Decodes a `DISCONNECT` payload; `ver` and `sender` are the serializer's to check.
    public init(json: JSON) throws(BrokerError) {
        let fields = try PacketFields(json, in: "DISCONNECT")
        self.init(sender: try fields.string("sender") ?? "")
    }

    /// The payload without `ver` and `sender`: empty.
    public var json: JSON { [:] }
}
