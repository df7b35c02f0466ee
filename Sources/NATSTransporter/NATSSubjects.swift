import Broker

/// Moleculer's NATS subjects (PROTOCOL.md, "Topics"): `MOL[-namespace].<TYPE>[.<nodeID>]`.
struct NATSSubjects: Sendable {
    let prefix: String
    let nodeID: String

    init(namespace: String, nodeID: String) {
        prefix = namespace.isEmpty ? "MOL" : "MOL-\(namespace)"
        self.nodeID = nodeID
    }

    /// What this node subscribes to.
    var subscriptions: [String] {
        let targeted: [PacketType] = [.event, .request, .response, .discover, .info, .ping, .pong]
        let broadcast: [PacketType] = [.discover, .info, .heartbeat, .ping, .disconnect]
        return targeted.map { subject($0, target: nodeID) } + broadcast.map { subject($0, target: nil) }
    }

    func subject(_ type: PacketType, target: String?) -> String {
        guard let target else { return "\(prefix).\(type.rawValue)" }
        return "\(prefix).\(type.rawValue).\(target)"
    }

    /// The packet type of a subject this node subscribed to; nil for anything else.
    func packetType(of subject: Substring) -> PacketType? {
        guard subject.hasPrefix(prefix), subject.dropFirst(prefix.count).first == "." else { return nil }
        let rest = subject.dropFirst(prefix.count + 1)
        let typeName = rest.prefix { $0 != "." }
        return PacketType(rawValue: String(typeName))
    }
}
