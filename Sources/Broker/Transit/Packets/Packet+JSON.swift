/// The JSON payload of a packet, for serializers.
extension Packet {
    /// Decodes the payload of a packet of `type`. Liberal like the packets' own `init(json:)`;
    /// `ver` and `sender` are not checked here.
    public init(type: PacketType, json: JSON) throws(BrokerError) {
        switch type {
        case .request: self = .request(try RequestPacket(json: json))
        case .response: self = .response(try ResponsePacket(json: json))
        case .event: self = .event(try EventPacket(json: json))
        case .discover: self = .discover(try DiscoverPacket(json: json))
        case .info: self = .info(try InfoPacket(json: json))
        case .heartbeat: self = .heartbeat(try HeartbeatPacket(json: json))
        case .disconnect: self = .disconnect(try DisconnectPacket(json: json))
        case .ping: self = .ping(try PingPacket(json: json))
        case .pong: self = .pong(try PongPacket(json: json))
        }
    }

    /// The payload object without `ver` and `sender`.
    public var json: JSON {
        switch self {
        case .request(let packet): return packet.json
        case .response(let packet): return packet.json
        case .event(let packet): return packet.json
        case .discover(let packet): return packet.json
        case .info(let packet): return packet.json
        case .heartbeat(let packet): return packet.json
        case .disconnect(let packet): return packet.json
        case .ping(let packet): return packet.json
        case .pong(let packet): return packet.json
        }
    }
}
