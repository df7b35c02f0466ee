import Broker
import Logging

/// Everything one `quark node` process needs, resolved from `nodes.yml`, flags and
/// environment variables by ``resolve(file:nodeID:flags:environment:knownServices:)``.
public struct NodeSettings: Sendable {
    /// The node id; `nil` lets the broker pick `<hostname>-<pid>-<random>`.
    public var nodeID: String?
    public var namespace: String = ""
    public var transporter: TransporterSpec = .zeroMQ
    /// The services to start, in order.
    public var services: [String] = []
    /// ZeroMQ seeds to dial at start (the node's own endpoint may be among them).
    public var seeds: [TCPEndpoint] = []
    /// Where the ZeroMQ socket binds; set whenever the transporter is ZeroMQ.
    public var bind: TCPEndpoint?
    /// The host other nodes dial to reach this node.
    public var advertise: String = "127.0.0.1"
    /// The HTTP port, on the gateway node only.
    public var httpPort: Int?
    /// The gateway's settings, with ``httpPort``.
    public var gateway: GatewaySettings?
    public var dataDirectory: String = "data"
    public var heartbeat = HeartbeatOptions()
    public var logLevel: Logger.Level = .info
    public var logFormat: LogFormat = .text
    /// The node entry's free-form options.
    public var options: [String: JSON] = [:]
    /// Service name → its settings on this node: the file's `settings`, overridden key by key
    /// by the node entry's.
    public var serviceSettings: [String: JSON] = [:]

    public init() {}

    /// The address this node publishes, `tcp://<advertise>:<bind port>`; `nil` without a bind
    /// address or when binding port 0 (the port is known only once bound).
    public var advertisedEndpoint: TCPEndpoint? {
        guard let bind, bind.port != 0 else { return nil }
        return TCPEndpoint(host: advertise, port: bind.port)
    }
}
