import Broker
import NIOCore

/// Moleculer's NATS subjects (docs/PROTOCOL.md, "Topics"): `MOL[-namespace].<TYPE>[.<nodeID>]`.
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
        var buffer = ByteBuffer()
        write(type, target: target, into: &buffer)
        return String(buffer: buffer)
    }

    /// The subject of `type` to `target` (nil: the broadcast one), appended to `buffer`.
    func write(_ type: PacketType, target: String?, into buffer: inout ByteBuffer) {
        buffer.writeString(prefix)
        buffer.writeStaticString(".")
        buffer.writeString(type.rawValue)
        guard let target else { return }
        buffer.writeStaticString(".")
        buffer.writeString(target)
    }

    /// The packet type of a subject this node subscribed to; nil for anything else. Read on the
    /// bytes as received: this runs for every message.
    func packetType(of subject: ByteBuffer) -> PacketType? {
        subject.withUnsafeReadableBytes { bytes -> PacketType? in
            let prefix = prefix.utf8
            guard bytes.count > prefix.count, bytes.starts(with: prefix), bytes[prefix.count] == UInt8(ascii: ".") else { return nil }
            let typeName = bytes[(prefix.count + 1)...].prefix { $0 != UInt8(ascii: ".") }
            return PacketType.allCases.first { $0.rawValue.utf8.elementsEqual(typeName) }
        }
    }
}
