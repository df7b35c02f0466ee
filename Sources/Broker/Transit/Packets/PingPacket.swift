/// `PING`: a latency probe; the receiver answers with a `PONG` echoing `id` and `time`.
public struct PingPacket: Sendable, Hashable {
    public var sender: String
    public var id: String
    /// When the ping was sent, in milliseconds since the Unix epoch.
    public var time: Double

    public init(sender: String, id: String, time: Double) {
        self.sender = sender
        self.id = id
        self.time = time
    }

    /// Decodes a `PING` payload; a missing `time` reads as 0.
    public init(json: JSON) throws(BrokerError) {
        let fields = try PacketFields(json, in: "PING")
        self.init(
            sender: try fields.string("sender") ?? "",
            id: try fields.string("id") ?? "",
            time: try fields.double("time") ?? 0)
    }

    /// The payload without `ver` and `sender`.
    public var json: JSON {
        ["id": .string(id), "time": .double(time)]
    }
}
