import Broker
import CZeroMQ
import Logging

/// The I/O thread of a `ZeroMQTransporter`. It owns every socket of the mesh (the ROUTER, one
/// DEALER per peer with its monitor, the ZAP handler) and blocks in `zmq_poll` on them plus the
/// mailbox's wake fd. Each iteration takes everything queued by `send`, routes it without ever
/// blocking (full or down sockets keep a backlog and are polled for POLLOUT), then drains every
/// readable socket into ONE batch for the broker. Created and run on that thread only.
final class MeshLoop {
    let settings: MeshSettings
    let nodeID: String
    let namespace: String
    let mailbox: MeshMailbox
    let counters: MeshCounters
    let receive: @Sendable ([TransportPacket]) -> Void
    let logger: Logger
    let context: ZeroMQContext
    let zap: ZAPHandler?
    let router: ZeroMQSocket
    let message = ZeroMQMessage()
    let boundEndpoint: String
    let advertised: ZeroMQEndpoint
    let discoverPayload: [UInt8]

    var links: [ZeroMQEndpoint: PeerLink] = [:]
    /// The primary link of each known node.
    var linkByNode: [String: ZeroMQEndpoint] = [:]
    /// Nodes seen on our ROUTER (their DEALER's routing id is their nodeID).
    var routerPeers: Set<String> = []
    var routerBacklog: Backlog
    /// Endpoints that turned out to be this node.
    var selfEndpoints: Set<ZeroMQEndpoint> = []
    /// Nodes whose INFO names another namespace: nothing of theirs reaches the broker.
    var foreignPeers: Set<String> = []
    /// This node's latest INFO, sent first on every link that comes up.
    var cachedInfo: [UInt8]?
    var batch: [TransportPacket] = []
    var meshChanged = true
    var moreToRead = false
    var monitorCount = 0
    var stopDeadline: ContinuousClock.Instant?
    /// Peers over the congestion threshold, as last published.
    var congested: Set<String> = []

    /// Messages read from one socket per iteration at most, so that no peer starves the others.
    static let readBudget = 4096

    init(
        settings: MeshSettings, nodeID: String, namespace: String, mailbox: MeshMailbox, counters: MeshCounters,
        receive: @escaping @Sendable ([TransportPacket]) -> Void
    ) throws(BrokerError) {
        self.settings = settings
        self.nodeID = nodeID
        self.namespace = namespace
        self.mailbox = mailbox
        self.counters = counters
        self.receive = receive
        var logger = settings.logger
        logger[metadataKey: "node.id"] = "\(nodeID)"
        self.logger = logger
        routerBacklog = Backlog(capacity: settings.backlogCapacity)
        discoverPayload = (try? JSONSerializer().serialize(.discover(DiscoverPacket(sender: nodeID)))) ?? []
        do {
            let context = try ZeroMQContext()
            // A link is a DEALER, its monitor's PAIR and libzmq's end of the monitor.
            try context.set(ZMQ_MAX_SOCKETS, Int32(settings.maxLinks * 3 + 16))
            self.context = context
            // The ZAP handler must be bound before the ROUTER accepts its first CURVE client.
            if let keys = settings.curve {
                zap = try ZAPHandler(context: context, allowedKeys: [keys.publicKey], counters: counters, logger: logger)
            } else {
                zap = nil
            }
            let router = try Self.makeRouter(context, settings: settings)
            self.router = router
            boundEndpoint = try router.lastEndpoint()
        } catch {
            throw BrokerError.server("ZeroMQ could not listen on \(settings.bind): \(error)")
        }
        let port = boundEndpoint.split(separator: ":").last.flatMap { Int($0) } ?? settings.bind.port
        advertised = settings.advertised(port: port)
        selfEndpoints = [advertised, ZeroMQEndpoint(host: settings.bind.host, port: port)]
        if settings.bind.isWildcard || settings.bind.host == "127.0.0.1" || settings.bind.host == "localhost" {
            selfEndpoints.formUnion([ZeroMQEndpoint(host: "127.0.0.1", port: port), ZeroMQEndpoint(host: "localhost", port: port)])
        }
        for seed in settings.seeds where !selfEndpoints.contains(seed) {
            openLink(seed, nodeID: nil, isSeed: true)
        }
        publishIfChanged()
    }

    private static func makeRouter(_ context: ZeroMQContext, settings: MeshSettings) throws(ZeroMQError) -> ZeroMQSocket {
        let router = try ZeroMQSocket(context, type: ZMQ_ROUTER)
        try router.set(ZMQ_LINGER, 0)
        try router.set(ZMQ_ROUTER_MANDATORY, 1)
        // A node that comes back under the same nodeID takes its routing id over.
        try router.set(ZMQ_ROUTER_HANDOVER, 1)
        try applyCommon(router, settings: settings)
        if let curve = settings.curve {
            try router.set(ZMQ_CURVE_SERVER, 1)
            try router.set(ZMQ_CURVE_SECRETKEY, curve.secretKey)
            try router.set(ZMQ_ZAP_DOMAIN, "quark")
        }
        try router.bind(settings.bindString)
        return router
    }

    /// Options shared by the ROUTER and the DEALERs.
    static func applyCommon(_ socket: ZeroMQSocket, settings: MeshSettings) throws(ZeroMQError) {
        try socket.set(ZMQ_SNDHWM, settings.sendHighWaterMark)
        try socket.set(ZMQ_RCVHWM, settings.sendHighWaterMark)
        try socket.set(ZMQ_MAXMSGSIZE, int64: Int64(settings.maxFrameSize) * 2)
        if let heartbeat = settings.linkHeartbeat {
            try socket.set(ZMQ_HEARTBEAT_IVL, heartbeat)
            try socket.set(ZMQ_HEARTBEAT_TIMEOUT, heartbeat * 3)
        }
    }

    /// Runs until a `.stop` command has been carried out, then closes everything.
    func run() {
        logger.debug("zmq mesh loop started", metadata: ["endpoint": "\(advertised)"])
        while true {
            let (packets, commands) = mailbox.take()
            for packet in packets { route(packet) }
            for command in commands { perform(command) }
            if let stopDeadline, isFlushed || ContinuousClock.now >= stopDeadline { break }
            updateCongestion()
            publishIfChanged()
            poll()
            updateCongestion()
            publishIfChanged()
            if !batch.isEmpty {
                if stopDeadline == nil { receive(batch) }
                batch.removeAll(keepingCapacity: true)
            }
        }
        shutdown()
    }

    private func perform(_ command: MeshMailbox.Command) {
        switch command {
        case .peerLeft(let peer):
            peerLeft(peer)
        case .stop:
            if stopDeadline == nil { stopDeadline = .now + settings.flushTimeout }
        }
    }

    /// Marks the peers whose backlog passed the threshold (and clears those back under half of
    /// it), so that `send` refuses packets for them instead of the backlog overflowing.
    private func updateCongestion() {
        var now: Set<String> = []
        for (peer, endpoint) in linkByNode {
            guard let count = links[endpoint]?.backlog.count, count > 0 else { continue }
            let wasCongested = congested.contains(peer)
            if count >= settings.congestionThreshold || (wasCongested && count >= settings.congestionThreshold / 2) { now.insert(peer) }
        }
        if now != congested {
            congested = now
            meshChanged = true
        }
    }

    /// Everything that can still go out has gone into libzmq.
    var isFlushed: Bool {
        routerBacklog.isEmpty && links.values.allSatisfy { !$0.isUp || $0.backlog.isEmpty }
    }

    /// Closes every socket (giving queued messages what is left of the flush time), terminates
    /// the context and tells the waiting `disconnect()`.
    private func shutdown() {
        let remaining = (stopDeadline ?? .now) - .now
        let linger = Int32(clamping: max(0, remaining.components.seconds * 1000 + remaining.components.attoseconds / 1_000_000_000_000_000))
        for link in links.values { link.close(linger: link.isUp ? linger : 0) }
        links.removeAll()
        router.close(linger: linger)
        zap?.close()
        context.terminate()
        logger.debug("zmq mesh loop stopped")
        mailbox.finish()
    }
}
