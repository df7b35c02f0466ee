import Broker
import CZeroMQ

/// Reading: the ROUTER (peers' links to us), our links (peers answering through their ROUTER)
/// and the links' monitors. Valid packets join the iteration's batch; INFO packets also teach
/// the mesh where peers are.
extension MeshLoop {
    private var limits: ZeroMQMessage.Limits {
        ZeroMQMessage.Limits(maxFrameSize: settings.maxFrameSize, maxFrames: 3)
    }

    func readRouter() {
        var count = 0
        while count < Self.readBudget, let received = router.receive(message, limits: limits) {
            count += 1
            switch MeshFrames.decode(received, routed: true) {
            case .failure(let reason):
                dropped(reason, from: received.frames.first.flatMap(Self.nodeID(routingID:)))
            case .success(let packet):
                let peer = received.frames.first.flatMap(Self.nodeID(routingID:))
                if let peer, routerPeers.insert(peer).inserted {
                    meshChanged = true
                }
                accept(packet, via: nil, from: peer)
            }
        }
        if count == Self.readBudget { moreToRead = true }
    }

    func read(_ link: PeerLink) {
        var count = 0
        while count < Self.readBudget, let received = link.socket.receive(message, limits: limits) {
            count += 1
            switch MeshFrames.decode(received, routed: false) {
            case .failure(let reason):
                dropped(reason, from: link.nodeID ?? link.endpoint.description)
            case .success(let packet):
                accept(packet, via: link, from: link.nodeID)
            }
            guard links[link.endpoint] === link else { return }
        }
        if count == Self.readBudget { moreToRead = true }
    }

    /// Hands a packet to the broker, unless it comes from a node of another namespace.
    private func accept(_ packet: TransportPacket, via link: PeerLink?, from peer: String?) {
        if packet.type == .info, !learn(fromInfo: packet.payload, via: link) {
            counters.add(.droppedFrames)
            return
        }
        if let peer, foreignPeers.contains(peer) {
            counters.add(.droppedFrames)
            return
        }
        batch.append(packet)
    }

    private func dropped(_ reason: MeshFrames.Drop, from peer: String?) {
        counters.add(.droppedFrames)
        logger.debug("zmq message dropped", metadata: ["reason": "\(reason.rawValue)", "peer.node.id": "\(peer ?? "?")"])
    }

    /// A ROUTER's routing id is the peer DEALER's nodeID; anonymous (binary) ids are not kept.
    static func nodeID(routingID: [UInt8]) -> String? {
        guard let first = routingID.first, first != 0, let text = String(validating: routingID, as: UTF8.self) else { return nil }
        return text
    }

    /// Monitor events: `[UInt16 event, UInt32 value]` then the address.
    func readMonitor(_ link: PeerLink) {
        let limits = ZeroMQMessage.Limits(maxFrameSize: 1024, maxFrames: 2)
        while let received = link.monitor.receive(message, limits: limits) {
            guard let header = received.frames.first, header.count >= 6 else { continue }
            let event = Int32(header.withUnsafeBytes { $0.loadUnaligned(as: UInt16.self) })
            switch event {
            case ZMQ_EVENT_HANDSHAKE_SUCCEEDED:
                linkUp(link)
            case ZMQ_EVENT_DISCONNECTED:
                if link.isUp { linkDown(link) }
            case ZMQ_EVENT_HANDSHAKE_FAILED_AUTH, ZMQ_EVENT_HANDSHAKE_FAILED_PROTOCOL, ZMQ_EVENT_HANDSHAKE_FAILED_NO_DETAIL:
                if !link.reportedHandshakeFailure {
                    link.reportedHandshakeFailure = true
                    logger.warning("zmq handshake failed (CURVE keys?)", metadata: ["endpoint": "\(link.endpoint)"])
                }
            default:
                break
            }
        }
    }
}
