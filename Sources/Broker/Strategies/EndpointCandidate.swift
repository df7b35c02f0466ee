/// What a load-balancing strategy knows about one endpoint it may choose.
public struct EndpointCandidate: Sendable, Hashable {
    /// The node that hosts the endpoint.
    public var nodeID: String
    /// Whether the endpoint lives on this broker's own node.
    public var isLocal: Bool
    /// The node's CPU usage in percent, from its last heartbeat; `nil` when not reported yet.
    public var cpu: Double?
    /// The measured round-trip time to the node (PING/PONG); `nil` when not measured yet.
    public var latency: Duration?

    public init(nodeID: String, isLocal: Bool = false, cpu: Double? = nil, latency: Duration? = nil) {
        self.nodeID = nodeID
        self.isLocal = isLocal
        self.cpu = cpu
        self.latency = latency
    }
}
