import Broker
import Logging

/// One node of `nodes.yml`: which services it runs and where it listens.
public struct NodeEntry: Sendable, Hashable {
    /// The node id, unique in the file.
    public var id: String
    /// The host other nodes reach this node at; default `127.0.0.1`.
    public var host: String = "127.0.0.1"
    /// The ZeroMQ port the node binds (on every interface).
    public var port: Int
    /// The HTTP port: set on the gateway node only.
    public var httpPort: Int?
    /// The services the node runs, in order.
    public var services: [String] = []
    /// Where the node keeps its data; default `data/<id>`, relative to the working directory.
    public var dataDirectory: String
    /// Overrides the file's `logLevel` for this node.
    public var logLevel: Logger.Level?
    /// Free-form options of the node's broker (`requestTimeout`).
    public var options: [String: JSON] = [:]
    /// Service name → settings of that service on this node, over the file's `settings`.
    public var settings: [String: JSON] = [:]

    public init(id: String, port: Int) {
        self.id = id
        self.port = port
        self.dataDirectory = "data/\(id)"
    }

    /// Where other nodes dial this node: `tcp://host:port`.
    public var endpoint: TCPEndpoint {
        TCPEndpoint(host: host, port: port)
    }
}
