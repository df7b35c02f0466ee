import Logging

/// Configuration of a `ZeroMQTransporter`. Every field has a default; `ZeroMQTransporter.connect`
/// validates the whole and refuses to start on a bad value.
public struct ZeroMQOptions: Sendable {
    /// Where this node's ROUTER socket listens, `tcp://host:port`. Port 0 (or `*`) asks the
    /// system for a free port; `ZeroMQTransporter.boundEndpoint` tells which one it got.
    public var bind: String
    /// The host peers should connect to, published in INFO metadata. Default: the bind host
    /// when it is a specific address, else `127.0.0.1`.
    public var advertisedHost: String?
    /// Endpoints (`tcp://host:port`) of nodes to join through; any one live seed is enough.
    /// A seed that is down is retried with backoff for as long as the transporter runs.
    public var seeds: [String]
    /// The largest frame accepted from a peer. A bigger frame is dropped and counted; one over
    /// twice this size makes libzmq drop the connection (ZMQ_MAXMSGSIZE) before it is read.
    public var maxFrameSize: Int = 1 << 20
    /// libzmq's send high-water mark per peer connection (ZMQ_SNDHWM), in messages.
    public var sendHighWaterMark: Int = 10_000
    /// Packets `send` may queue for the I/O thread before it throws QueueIsFullError.
    public var outboxCapacity: Int = 10_000
    /// Packets kept per peer while its connection is full (libzmq's high-water mark reached) or
    /// down. Once a peer's backlog passes `backlogCapacity - 2 × outboxCapacity` (at least half
    /// of it), `send` to that peer throws QueueIsFullError until it drains; so the backlog
    /// itself never overflows and packets are refused up front rather than lost.
    public var backlogCapacity: Int = 50_000
    /// The most outgoing links this node keeps (each costs three libzmq sockets); peers listed
    /// in INFO beyond it are not dialled. Bounds what a hostile INFO can make the node do.
    public var maxLinks: Int = 256
    /// CURVE encryption and authentication with a cluster key pair: the ROUTER is a CURVE
    /// server with the cluster secret key, every outgoing link a CURVE client using the cluster
    /// key pair, and only clients presenting the cluster public key are accepted. `nil`: plain.
    public var curve: ZeroMQCurveKeyPair?
    public var reconnect = Reconnect()
    /// ZMTP heartbeats on every link (ZMQ_HEARTBEAT_IVL; a link silent for 3 intervals is
    /// dropped and re-dialled), so a vanished host is noticed without TCP timeouts. nil: off.
    public var linkHeartbeat: Duration? = .seconds(2)
    /// How long `disconnect()` keeps flushing queued packets (and libzmq lingers) at most.
    public var flushTimeout: Duration = .seconds(1)
    public var logger = Logger(label: "quark.zmq")

    public init(bind: String = "tcp://0.0.0.0:4100", advertisedHost: String? = nil, seeds: [String] = [], curve: ZeroMQCurveKeyPair? = nil) {
        self.bind = bind
        self.advertisedHost = advertisedHost
        self.seeds = seeds
        self.curve = curve
    }

    /// Re-dialling of links (libzmq reconnects by itself, doubling the interval up to the max).
    public struct Reconnect: Sendable {
        /// First retry delay (ZMQ_RECONNECT_IVL).
        public var interval: Duration = .milliseconds(100)
        /// Longest retry delay (ZMQ_RECONNECT_IVL_MAX): exponential backoff up to it.
        public var maxInterval: Duration = .seconds(5)
        /// A link to a non-seed peer that stays down this long is given up (the peer comes back
        /// through a seed or its own INFO). Seeds are never given up.
        public var abandonAfter: Duration = .seconds(60)

        public init() {}
    }
}
