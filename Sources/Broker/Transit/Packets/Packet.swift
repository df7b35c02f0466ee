/// A packet of the Moleculer protocol (version 4), as exchanged between nodes.
public enum Packet: Sendable, Hashable {
    case request(RequestPacket)
    case response(ResponsePacket)
    case event(EventPacket)
    case discover(DiscoverPacket)
    case info(InfoPacket)
    case heartbeat(HeartbeatPacket)
    case disconnect(DisconnectPacket)
    case ping(PingPacket)
    case pong(PongPacket)
}

extension Packet {
    /// The packet's type, which travels in the topic or frame, not in the payload.
    public var type: PacketType {
        switch self {
        case .request: return .request
        case .response: return .response
        case .event: return .event
        case .discover: return .discover
        case .info: return .info
        case .heartbeat: return .heartbeat
        case .disconnect: return .disconnect
        case .ping: return .ping
        case .pong: return .pong
        }
    }

    /// The nodeID of the sending node.
    public var sender: String {
        switch self {
        case .request(let packet): return packet.sender
        case .response(let packet): return packet.sender
        case .event(let packet): return packet.sender
        case .discover(let packet): return packet.sender
        case .info(let packet): return packet.sender
        case .heartbeat(let packet): return packet.sender
        case .disconnect(let packet): return packet.sender
        case .ping(let packet): return packet.sender
        case .pong(let packet): return packet.sender
        }
    }
}
