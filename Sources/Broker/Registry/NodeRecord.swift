/// What the registry knows of one node, local or remote.
public struct NodeRecord: Sendable {
    public var id: String
    public var isLocal: Bool
    public var available: Bool
    public var instanceID: String?
    /// INFO sequence: +1 each time the node's services change.
    public var seq: Int
    public var hostname: String?
    public var ipList: [String]
    public var client: ClientInfo?
    public var metadata: [String: JSON]
    public var services: [ServiceInfo]
    /// CPU percent from the last heartbeat.
    public var cpu: Double?
    /// Round-trip time measured by the last PING/PONG.
    public var latency: Duration?
    public var lastHeartbeat: Duration
    public var offlineSince: Duration?

    init(id: String, isLocal: Bool, now: Duration) {
        self.id = id
        self.isLocal = isLocal
        available = true
        seq = 0
        ipList = []
        metadata = [:]
        services = []
        lastHeartbeat = now
    }

    /// MoleculerPy sends request timeouts in seconds; every other client in milliseconds.
    var sendsTimeoutInSeconds: Bool { client?.type == "python" }

    /// The node as `$node.list` shows it.
    var json: JSON {
        [
            "id": .string(id), "available": .bool(available), "local": .bool(isLocal),
            "instanceID": instanceID.map(JSON.string) ?? .null, "seq": .int(seq),
            "hostname": hostname.map(JSON.string) ?? .null, "ipList": .array(ipList.map(JSON.string)),
            "client": client.map { ["type": .string($0.type ?? "unknown"), "version": .string($0.version ?? ""), "langVersion": .string($0.langVersion ?? "")] } ?? .null,
            "cpu": cpu.map(JSON.double) ?? .null,
            "latency": latency.map { .double(Double($0.milliseconds)) } ?? .null,
            "metadata": .object(metadata),
            "services": .array(services.map { .string($0.fullName) }),
        ]
    }
}
