/// `INFO`: a node's self-description: its services, addresses and client, sent in answer to a
/// `DISCOVER` and whenever its services change (`seq` grows by one each time).
public struct InfoPacket: Sendable, Hashable {
    public var sender: String
    public var services: [ServiceInfo]
    public var ipList: [String]
    public var hostname: String?
    public var client: ClientInfo
    /// The node's configuration, as an object.
    public var config: JSON
    /// Random per process start; a different one under our own nodeID means a nodeID conflict.
    public var instanceID: String?
    public var metadata: [String: JSON]
    public var seq: Int

    public init(
        sender: String, services: [ServiceInfo] = [], ipList: [String] = [], hostname: String? = nil,
        client: ClientInfo = ClientInfo(), config: JSON = [:], instanceID: String? = nil,
        metadata: [String: JSON] = [:], seq: Int = 0
    ) {
        self.sender = sender
        self.services = services
        self.ipList = ipList
        self.hostname = hostname
        self.client = client
        self.config = config
        self.instanceID = instanceID
        self.metadata = metadata
        self.seq = seq
    }

    /// Decodes an `INFO` payload. Missing or `null` fields take their defaults (`seq` 0); the
    /// extra fields MoleculerPy sends (`cpu`, `memory`, `available`, ...) are ignored.
    public init(json: JSON) throws(BrokerError) {
        let fields = try PacketFields(json, in: "INFO")
        self.init(
            sender: try fields.string("sender") ?? "",
            services: try (fields.array("services") ?? []).map(ServiceInfo.init(json:)),
            ipList: try fields.strings("ipList") ?? [],
            hostname: try fields.string("hostname"),
            client: try fields.object("client", ClientInfo.init(json:)) ?? ClientInfo(),
            config: .object(try fields.object("config") ?? [:]),
            instanceID: try fields.string("instanceID"),
            metadata: try fields.object("metadata") ?? [:],
            seq: try fields.int("seq") ?? 0)
    }

    /// The payload without `ver` and `sender`.
    public var json: JSON {
        [
            "services": .array(services.map(\.json)),
            "ipList": .array(ipList.map(JSON.string)),
            "hostname": hostname.map(JSON.string) ?? .null,
            "client": client.json,
            "config": config,
            "instanceID": instanceID.map(JSON.string) ?? .null,
            "metadata": .object(metadata),
            "seq": .int(seq),
        ]
    }
}
