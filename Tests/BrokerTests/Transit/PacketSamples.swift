import Broker

/// One packet of each type with every field set, and one with only the required ones.
enum PacketSamples {
    static func full(_ type: PacketType) -> Packet {
        switch type {
        case .request:
            return .request(RequestPacket(
                sender: "node-1", id: "ctx-1", action: "v2.posts.list", params: ["limit": 10, "tags": ["a", "é\n\"q\""]],
                meta: ["user": ["id": 7]], timeout: 1500.5, level: 3, tracing: true, parentID: "ctx-0",
                requestID: "req-1", caller: "v2.gateway", stream: true))
        case .response:
            return .response(ResponsePacket(
                sender: "node-2", id: "ctx-1", success: false, data: .null,
                error: .validation(fields: [["type": "required", "field": "limit", "message": "missing"]]),
                meta: ["trace": 0.25]))
        case .event:
            return .event(EventPacket(
                sender: "node-1", id: "ctx-2", event: "user.created", data: ["id": 1], groups: ["mail", "audit"],
                broadcast: true, meta: ["m": true], level: 2, tracing: false, parentID: "ctx-1", requestID: "req-1",
                caller: "users", needAck: true))
        case .discover:
            return .discover(DiscoverPacket(sender: "node-1"))
        case .info:
            return .info(InfoPacket(
                sender: "node-1", services: [posts, ServiceInfo(name: "$node")], ipList: ["10.0.0.1", "::1"],
                hostname: "box", client: ClientInfo(type: "swift", version: "0.1.0", langVersion: "6.3.1"),
                config: ["heartbeatInterval": 5], instanceID: "abc", metadata: ["endpoint": "tcp://box:4100"], seq: 4))
        case .heartbeat:
            return .heartbeat(HeartbeatPacket(sender: "node-1", cpu: 12.5))
        case .disconnect:
            return .disconnect(DisconnectPacket(sender: "node-1"))
        case .ping:
            return .ping(PingPacket(sender: "node-1", id: "p-1", time: 1_795_322_898_813.6052))
        case .pong:
            return .pong(PongPacket(sender: "node-2", id: "p-1", time: 1_795_322_898_813.6052, arrived: 1_795_322_898_814.5))
        }
    }

    static func minimal(_ type: PacketType) -> Packet {
        switch type {
        case .request: return .request(RequestPacket(sender: "n", id: "c", action: "a.b"))
        case .response: return .response(ResponsePacket(sender: "n", id: "c", success: true))
        case .event: return .event(EventPacket(sender: "n", id: "c", event: "e"))
        case .discover: return .discover(DiscoverPacket(sender: "n"))
        case .info: return .info(InfoPacket(sender: "n"))
        case .heartbeat: return .heartbeat(HeartbeatPacket(sender: "n"))
        case .disconnect: return .disconnect(DisconnectPacket(sender: "n"))
        case .ping: return .ping(PingPacket(sender: "n", id: "p", time: 0))
        case .pong: return .pong(PongPacket(sender: "n", id: "p", time: 0, arrived: 0))
        }
    }

    static let posts = ServiceInfo(
        name: "posts", version: 2, settings: ["pageSize": 20], metadata: ["owner": "team"], dependencies: ["users"],
        actions: [
            "v2.posts.list": ActionInfo(
                name: "v2.posts.list", rawName: "list", params: ["limit": ["type": "number", "optional": true]],
                timeout: 2000, visibility: "published", extra: ["cache": ["keys": ["limit"]], "rest": "GET /posts"]),
            "v2.posts.get": ActionInfo(name: "v2.posts.get", rawName: "get"),
        ],
        events: [
            "user.*": EventInfo(name: "user.*", group: "posts", extra: ["context": true]),
            "$node.connected": EventInfo(name: "$node.connected"),
        ])
}
