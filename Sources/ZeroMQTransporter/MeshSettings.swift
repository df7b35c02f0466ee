import Broker
import Logging

/// `ZeroMQOptions` checked and converted to what the I/O thread needs (libzmq milliseconds,
/// parsed endpoints). Built by `connect`, which throws on the first bad value.
struct MeshSettings: Sendable {
    let bind: ZeroMQEndpoint
    let advertisedHost: String
    let seeds: [ZeroMQEndpoint]
    let maxFrameSize: Int
    let sendHighWaterMark: Int32
    let outboxCapacity: Int
    let backlogCapacity: Int
    let maxLinks: Int
    /// A peer whose backlog holds this many packets is congested: `send` to it is refused.
    let congestionThreshold: Int
    let curve: ZeroMQCurveKeyPair?
    let reconnectInterval: Int32
    let reconnectMaxInterval: Int32
    let abandonAfter: Duration
    let linkHeartbeat: Int32?
    let flushTimeout: Duration
    let logger: Logger

    init(_ options: ZeroMQOptions) throws(BrokerError) {
        guard let bind = ZeroMQEndpoint(binding: options.bind) else {
            throw BrokerError.server("Invalid ZeroMQ bind endpoint '\(options.bind)': expected tcp://host:port.")
        }
        self.bind = bind
        let advertised = options.advertisedHost ?? (bind.isWildcard ? "127.0.0.1" : bind.host)
        guard ZeroMQEndpoint.isConnectable(advertised) else {
            throw BrokerError.server("Invalid ZeroMQ advertised host '\(advertised)'.")
        }
        advertisedHost = advertised
        seeds = try options.seeds.map { seed throws(BrokerError) in
            guard let endpoint = ZeroMQEndpoint(seed) else {
                throw BrokerError.server("Invalid ZeroMQ seed '\(seed)': expected tcp://host:port with a port 1-65535.")
            }
            return endpoint
        }
        guard options.maxFrameSize > 0, options.maxFrameSize <= Int(Int32.max) / 2 else {
            throw BrokerError.server("ZeroMQ maxFrameSize must be between 1 and \(Int32.max / 2).")
        }
        maxFrameSize = options.maxFrameSize
        guard options.sendHighWaterMark >= 0, options.outboxCapacity > 0, options.backlogCapacity > 0,
              (1...10_000).contains(options.maxLinks)
        else {
            throw BrokerError.server("ZeroMQ queue sizes must be positive.")
        }
        sendHighWaterMark = Int32(clamping: options.sendHighWaterMark)
        outboxCapacity = options.outboxCapacity
        backlogCapacity = options.backlogCapacity
        maxLinks = options.maxLinks
        congestionThreshold = max(options.backlogCapacity / 2, options.backlogCapacity - 2 * options.outboxCapacity)
        if let curve = options.curve {
            guard ZeroMQCurveKeyPair.isAvailable else { throw BrokerError.server("This libzmq has no CURVE support.") }
            guard curve.isValid else { throw BrokerError.server("Invalid ZeroMQ CURVE key pair: expected two 40-character Z85 keys.") }
        }
        curve = options.curve
        reconnectInterval = try Self.milliseconds(options.reconnect.interval, "reconnect.interval")
        reconnectMaxInterval = try Self.milliseconds(options.reconnect.maxInterval, "reconnect.maxInterval")
        abandonAfter = options.reconnect.abandonAfter
        linkHeartbeat = try options.linkHeartbeat.map { heartbeat throws(BrokerError) in try Self.milliseconds(heartbeat, "linkHeartbeat") }
        flushTimeout = max(.zero, options.flushTimeout)
        logger = options.logger
    }

    /// The endpoint peers are told to connect to (known once the port is bound).
    func advertised(port: Int) -> ZeroMQEndpoint {
        ZeroMQEndpoint(host: advertisedHost, port: port)
    }

    /// What `zmq_bind` gets: an ephemeral port is spelled `*`.
    var bindString: String {
        bind.port == 0 ? "tcp://\(bind.host):*" : bind.description
    }

    private static func milliseconds(_ duration: Duration, _ name: String) throws(BrokerError) -> Int32 {
        let value = duration.components.seconds * 1000 + duration.components.attoseconds / 1_000_000_000_000_000
        guard value > 0, value < Int64(Int32.max) else { throw BrokerError.server("ZeroMQ \(name) must be positive.") }
        return Int32(value)
    }
}
