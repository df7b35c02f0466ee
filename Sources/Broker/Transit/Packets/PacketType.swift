/// The type of a packet, as named on the wire: in the topic (`MOL.REQ.node-1`) or in the first
/// ZeroMQ frame. The payload itself does not carry it.
public enum PacketType: String, Sendable, CaseIterable {
    case event = "EVENT"
    case request = "REQ"
    case response = "RES"
    case discover = "DISCOVER"
    case info = "INFO"
    case disconnect = "DISCONNECT"
    case heartbeat = "HEARTBEAT"
    case ping = "PING"
    case pong = "PONG"
}
