/// `DISCOVER`: asks the receivers (or one node) to answer with their `INFO`.
public struct DiscoverPacket: Sendable, Hashable {
    public var sender: String

    public init(sender: String) {
        self.sender = sender
    }

    /// Decodes a `DISCOVER` payload; `ver` and `sender` are the serializer's to check.
    public init(json: JSON) throws(BrokerError) {
        let fields = try PacketFields(json, in: "DISCOVER")
        self.init(sender: try fields.string("sender") ?? "")
    }

    /// The payload without `ver` and `sender`: empty.
    public var json: JSON { [:] }
}
