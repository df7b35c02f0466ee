/// `PONG`: the answer to a `PING`, echoing its `id` and `time`.
public struct PongPacket: Sendable, Hashable {
    public var sender: String
    public var id: String
    /// The ping's `time`, echoed (milliseconds since the Unix epoch).
    public var time: Double
    /// When the ping arrived at the responder, in milliseconds since the Unix epoch.
    public var arrived: Double

    public init(sender: String, id: String, time: Double, arrived: Double) {
        self.sender = sender
        self.id = id
        self.time = time
        self.arrived = arrived
    }

    /// Decodes a `PONG` payload; a missing `time` or `arrived` reads as 0.
    public init(json: JSON) throws(BrokerError) {
        let fields = try PacketFields(json, in: "PONG")
        self.init(
            sender: try fields.string("sender") ?? "",
            id: try fields.string("id") ?? "",
            time: try fields.double("time") ?? 0,
            arrived: try fields.double("arrived") ?? 0)
    }

    /// The payload without `ver` and `sender`.
    public var json: JSON {
        ["id": .string(id), "time": .double(time), "arrived": .double(arrived)]
    }
}
