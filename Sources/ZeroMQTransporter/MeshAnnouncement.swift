import Broker

/// The mesh part of an INFO packet. A node publishes, in its INFO `metadata`:
///
///     "zmq": {"endpoint": "tcp://10.0.0.5:4100", "namespace": "",
///             "peers": {"node-2": "tcp://10.0.0.6:4100", ...}}
///
/// `endpoint` is where the node's ROUTER listens; `peers` are the nodes it has a live link to.
/// Receivers link to the sender and to every listed peer they do not know yet. Every endpoint
/// is validated (`ZeroMQEndpoint`); bad ones are listed in `rejected` and never dialled.
struct MeshAnnouncement: Equatable {
    static let metadataKey = "zmq"
    /// At most this many peers are read from one INFO.
    static let maxPeers = 4096

    var sender: String
    var namespace: String?
    var endpoint: ZeroMQEndpoint?
    var peers: [String: ZeroMQEndpoint] = [:]
    /// Peer-supplied endpoints that failed validation, as received.
    var rejected: [String] = []

    /// Reads an INFO payload; nil when it is not a JSON object with a non-empty `sender`.
    init?(infoPayload: [UInt8]) {
        guard let json = try? JSONParser.parse(infoPayload), let sender = json["sender"]?.stringValue, !sender.isEmpty else {
            return nil
        }
        self.sender = sender
        guard let mesh = json["metadata"]?[Self.metadataKey]?.objectValue else { return }
        namespace = mesh["namespace"]?.stringValue
        if let text = mesh["endpoint"], !text.isNull {
            endpoint = accept(text)
        }
        for (nodeID, text) in (mesh["peers"]?.objectValue ?? [:]).prefix(Self.maxPeers) where !nodeID.isEmpty {
            if let endpoint = accept(text) { peers[nodeID] = endpoint }
        }
    }

    init(sender: String, namespace: String? = nil, endpoint: ZeroMQEndpoint?, peers: [String: ZeroMQEndpoint] = [:]) {
        self.sender = sender
        self.namespace = namespace
        self.endpoint = endpoint
        self.peers = peers
    }

    private mutating func accept(_ value: JSON) -> ZeroMQEndpoint? {
        if let text = value.stringValue, let endpoint = ZeroMQEndpoint(text) { return endpoint }
        rejected.append(value.stringValue ?? value.description)
        return nil
    }

    /// The metadata this node merges into its INFO.
    static func metadata(endpoint: ZeroMQEndpoint?, namespace: String, peers: [String: ZeroMQEndpoint]) -> [String: JSON] {
        guard let endpoint else { return [:] }
        return [
            metadataKey: [
                "endpoint": .string(endpoint.description),
                "namespace": .string(namespace),
                "peers": .object(peers.mapValues { .string($0.description) }),
            ],
        ]
    }
}
