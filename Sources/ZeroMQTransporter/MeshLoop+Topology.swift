import Broker
import CZeroMQ

/// Who is in the mesh: links are opened to seeds at start, to the sender of every INFO and to
/// the peers it lists, closed when the broker says a node left or when a non-seed link stays
/// down for `abandonAfter`.
extension MeshLoop {
    /// Learns from an INFO packet: `link` is the link it arrived on, if any (then the sender is
    /// the node behind that link, since a peer answers through its ROUTER). Returns false for
    /// the INFO of a node in another namespace, which must not reach the broker.
    @discardableResult
    func learn(fromInfo payload: [UInt8], via link: PeerLink?) -> Bool {
        guard let announcement = MeshAnnouncement(infoPayload: payload) else { return true }
        let sender = announcement.sender
        for text in announcement.rejected {
            counters.add(.ignoredEndpoints)
            logger.warning("zmq peer endpoint ignored", metadata: ["peer.node.id": "\(sender)", "endpoint": "\(text.prefix(120))"])
        }
        if sender == nodeID {
            // One of our links leads back to us (a seed list naming this node).
            if let link, link.nodeID == nil || link.nodeID == nodeID {
                selfEndpoints.insert(link.endpoint)
                closeLink(link)
            }
            return true
        }
        if let theirs = announcement.namespace, theirs != namespace {
            if foreignPeers.insert(sender).inserted {
                logger.info("zmq peer of another namespace ignored", metadata: ["peer.node.id": "\(sender)", "namespace": "\(theirs)"])
            }
            return false
        }
        foreignPeers.remove(sender)
        if let link, link.nodeID != sender {
            if let previous = link.nodeID, linkByNode[previous] == link.endpoint { linkByNode[previous] = nil }
            link.nodeID = sender
            meshChanged = true
        }
        if let endpoint = announcement.endpoint ?? link?.endpoint, !selfEndpoints.contains(endpoint) {
            attach(sender, at: endpoint)
        }
        for (peer, endpoint) in announcement.peers
        where peer != nodeID && linkByNode[peer] == nil && links[endpoint] == nil && !selfEndpoints.contains(endpoint) {
            openLink(endpoint, nodeID: peer, isSeed: false)
        }
        return true
    }

    /// Makes the link at `endpoint` the primary link of `peer`, opening it when needed.
    private func attach(_ peer: String, at endpoint: ZeroMQEndpoint) {
        if let current = linkByNode[peer] {
            if current == endpoint { return }
            // The node moved (restarted elsewhere): drop the old link, keep a seed as a seed.
            linkByNode[peer] = nil
            if let old = links[current] {
                if old.isSeed { old.nodeID = nil } else { closeLink(old) }
            }
        }
        guard let link = links[endpoint] else {
            openLink(endpoint, nodeID: peer, isSeed: false)
            return
        }
        if let other = link.nodeID, other != peer, linkByNode[other] == endpoint { linkByNode[other] = nil }
        link.nodeID = peer
        linkByNode[peer] = endpoint
        meshChanged = true
    }

    @discardableResult
    func openLink(_ endpoint: ZeroMQEndpoint, nodeID peer: String?, isSeed: Bool) -> PeerLink? {
        if let existing = links[endpoint] { return existing }
        guard links.count < settings.maxLinks else {
            logger.warning("zmq link limit reached, peer not dialled", metadata: ["endpoint": "\(endpoint)", "limit": "\(settings.maxLinks)"])
            return nil
        }
        monitorCount += 1
        let monitorEndpoint = "inproc://quark.zmq.monitor.\(monitorCount)"
        do {
            let socket = try ZeroMQSocket(context, type: ZMQ_DEALER)
            try socket.set(ZMQ_ROUTING_ID, nodeID)
            try socket.set(ZMQ_LINGER, 0)
            // Messages go only to a connection that is up; otherwise they wait in our backlog.
            try socket.set(ZMQ_IMMEDIATE, 1)
            try socket.set(ZMQ_RECONNECT_IVL, settings.reconnectInterval)
            try socket.set(ZMQ_RECONNECT_IVL_MAX, settings.reconnectMaxInterval)
            try Self.applyCommon(socket, settings: settings)
            if let curve = settings.curve {
                try socket.set(ZMQ_CURVE_SERVERKEY, curve.publicKey)
                try socket.set(ZMQ_CURVE_PUBLICKEY, curve.publicKey)
                try socket.set(ZMQ_CURVE_SECRETKEY, curve.secretKey)
            }
            let events = ZMQ_EVENT_HANDSHAKE_SUCCEEDED | ZMQ_EVENT_DISCONNECTED | ZMQ_EVENT_HANDSHAKE_FAILED_AUTH
                | ZMQ_EVENT_HANDSHAKE_FAILED_PROTOCOL | ZMQ_EVENT_HANDSHAKE_FAILED_NO_DETAIL
            try socket.monitor(monitorEndpoint, events: events)
            let monitor = try ZeroMQSocket(context, type: ZMQ_PAIR)
            try monitor.set(ZMQ_LINGER, 0)
            try monitor.connect(monitorEndpoint)
            try socket.connect(endpoint.description)
            let link = PeerLink(
                endpoint: endpoint, nodeID: peer, isSeed: isSeed, socket: socket, monitor: monitor, backlogCapacity: settings.backlogCapacity)
            links[endpoint] = link
            if let peer { linkByNode[peer] = endpoint }
            meshChanged = true
            logger.debug("zmq link opened", metadata: ["endpoint": "\(endpoint)", "peer.node.id": "\(peer ?? "?")", "seed": "\(isSeed)"])
            return link
        } catch {
            logger.warning("zmq link failed", metadata: ["endpoint": "\(endpoint)", "error": "\(error)"])
            return nil
        }
    }

    func closeLink(_ link: PeerLink) {
        link.close()
        if links[link.endpoint] === link { links[link.endpoint] = nil }
        if let peer = link.nodeID, linkByNode[peer] == link.endpoint { linkByNode[peer] = nil }
        meshChanged = true
        logger.debug("zmq link closed", metadata: ["endpoint": "\(link.endpoint)", "peer.node.id": "\(link.nodeID ?? "?")"])
    }

    /// The broker says `peer` left: forget its ROUTER route and close its link (a seed's link
    /// stays, unbound, so that the seed is found again when it comes back).
    func peerLeft(_ peer: String) {
        if routerPeers.remove(peer) != nil { meshChanged = true }
        for link in Array(links.values) where link.nodeID == peer {
            if link.isSeed {
                link.nodeID = nil
                link.backlog.removeAll()
            } else {
                closeLink(link)
            }
        }
        if linkByNode.removeValue(forKey: peer) != nil { meshChanged = true }
    }

    /// A connection came up (first time or again): greet with our INFO and a DISCOVER, before
    /// anything that waited, so that the peer (maybe restarted) learns of us and answers.
    func linkUp(_ link: PeerLink) {
        link.isUp = true
        link.hasBeenUp = true
        link.reportedHandshakeFailure = false
        var greeting = [MeshFrames.frames(.discover, discoverPayload)]
        if let info = refreshedInfo() { greeting.insert(MeshFrames.frames(.info, info), at: 0) }
        link.backlog.prepend(greeting)
        counters.add(.droppedPackets, link.flush())
        meshChanged = true
        logger.debug("zmq link up", metadata: ["endpoint": "\(link.endpoint)", "peer.node.id": "\(link.nodeID ?? "?")"])
    }

    /// Our latest INFO with the mesh metadata of now, not of when the broker built it: nodes
    /// that joined at the same time learn of each other through it.
    private func refreshedInfo() -> [UInt8]? {
        guard let cachedInfo else { return nil }
        let serializer = JSONSerializer()
        guard case .info(var info)? = try? serializer.deserialize(cachedInfo, type: .info) else { return cachedInfo }
        info.metadata.merge(MeshAnnouncement.metadata(endpoint: advertised, namespace: namespace, peers: announcedPeers)) { _, new in new }
        return (try? serializer.serialize(.info(info))) ?? cachedInfo
    }

    /// Peers worth telling others about: linked and up, or not tried long enough to know.
    var announcedPeers: [String: ZeroMQEndpoint] {
        var peers: [String: ZeroMQEndpoint] = [:]
        for (peer, endpoint) in linkByNode {
            guard let link = links[endpoint], link.isUp || !link.hasBeenUp else { continue }
            peers[peer] = endpoint
        }
        return peers
    }

    func linkDown(_ link: PeerLink) {
        link.isUp = false
        link.downSince = .now
        meshChanged = true
        logger.debug("zmq link down", metadata: ["endpoint": "\(link.endpoint)", "peer.node.id": "\(link.nodeID ?? "?")"])
    }

    func abandonStaleLinks() {
        let now = ContinuousClock.now
        for link in Array(links.values) where !link.isSeed && !link.isUp && now - link.downSince >= settings.abandonAfter {
            logger.info("zmq link given up", metadata: ["endpoint": "\(link.endpoint)", "peer.node.id": "\(link.nodeID ?? "?")"])
            closeLink(link)
        }
    }

    /// Tells the API side about the mesh, when it changed: before the batch that caused the
    /// change reaches the broker, so that its answers find their route.
    func publishIfChanged() {
        guard meshChanged else { return }
        meshChanged = false
        var peers: [String: ZeroMQEndpoint] = [:]
        for (peer, endpoint) in linkByNode where links[endpoint]?.isUp == true { peers[peer] = endpoint }
        mailbox.publish(MeshMailbox.View(
            routable: routerPeers.union(linkByNode.keys), namespace: namespace, advertised: advertised,
            boundEndpoint: boundEndpoint, peers: peers, announced: announcedPeers, congested: congested, linkCount: links.count))
    }
}
