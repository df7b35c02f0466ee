import Broker
import Logging

/// How a ``NATSTransporter`` reaches its NATS servers.
public struct NATSOptions: Sendable {
    /// The servers of the NATS cluster, tried in turn (connect and reconnect).
    public var servers: [NATSServerAddress]
    /// Credentials for servers whose URL carries none.
    public var user: String?
    public var password: String?
    public var token: String?
    /// How long `connect` keeps trying the servers before it fails.
    public var connectTimeout: Duration = .seconds(10)
    /// Reconnect backoff: the first pause, doubled after each failed round up to `reconnectMaxDelay`.
    public var reconnectDelay: Duration = .milliseconds(50)
    public var reconnectMaxDelay: Duration = .seconds(2)
    /// A client PING this often; two unanswered in a row mean the server is gone.
    public var pingInterval: Duration = .seconds(20)
    /// Bytes queued for the server (also while reconnecting) before `send` throws QueueIsFull.
    public var maxPendingBytes: Int = 32 << 20
    /// The connection name shown by the server's monitoring.
    public var name: String = "quark"
    public var logger: Logger = Logger(label: "quark.nats")

    public init(servers: [NATSServerAddress] = [NATSServerAddress(host: "127.0.0.1")]) {
        self.servers = servers
    }

    /// Options for `nats://...` URLs (credentials may be written in them).
    public init(urls: [String]) throws(BrokerError) {
        var servers: [NATSServerAddress] = []
        for url in urls { servers.append(try NATSServerAddress(parsing: url)) }
        guard !servers.isEmpty else { throw BrokerError.client("The NATS transporter needs at least one server URL.", type: "NATS_BAD_URL") }
        self.init(servers: servers)
    }
}
