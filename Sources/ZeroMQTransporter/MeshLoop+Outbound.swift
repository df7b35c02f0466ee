import Broker

/// Sending: a targeted packet goes over our link to the node, else through our ROUTER when the
/// node is connected to it (how a seed answers a newcomer it has no link to yet), else waits in
/// the backlog of the node's link while it is down. A broadcast goes to every live link and to
/// every node seen on the ROUTER that no live link reaches. Nothing here blocks.
extension MeshLoop {
    func route(_ packet: TransportPacket) {
        if packet.type == .info { cachedInfo = packet.payload }
        let frames = MeshFrames.frames(packet.type, packet.payload)
        guard let target = packet.target else {
            broadcast(frames)
            return
        }
        let link = linkByNode[target].flatMap { links[$0] }
        if let link, link.isUp {
            push(frames, to: link)
        } else if routerPeers.contains(target), sendThroughRouter(frames, to: target) {
            return
        } else if let link {
            push(frames, to: link)
        } else {
            counters.add(.droppedPackets)
            logger.debug("zmq packet dropped: no route", metadata: ["packet.type": "\(packet.type.rawValue)", "peer.node.id": "\(target)"])
        }
    }

    private func broadcast(_ frames: [[UInt8]]) {
        var reached: Set<String> = []
        for link in links.values where link.isUp {
            if let peer = link.nodeID {
                // An alias of a node's primary link (a seed spelled differently) stays quiet.
                guard linkByNode[peer] == link.endpoint else { continue }
                reached.insert(peer)
            }
            push(frames, to: link)
        }
        for peer in routerPeers where peer != nodeID && !reached.contains(peer) {
            _ = sendThroughRouter(frames, to: peer)
        }
    }

    /// Sends on a link, or queues behind what already waits there (order is kept).
    private func push(_ frames: [[UInt8]], to link: PeerLink) {
        if link.isUp, link.backlog.isEmpty {
            switch link.socket.send(frames) {
            case .sent: return
            case .wouldBlock: break
            case .unroutable, .failed:
                counters.add(.droppedPackets)
                return
            }
        }
        if !link.backlog.append(frames) {
            counters.add(.droppedPackets)
            logger.debug("zmq backlog full, packet dropped", metadata: ["endpoint": "\(link.endpoint)", "peer.node.id": "\(link.nodeID ?? "?")"])
        }
    }

    /// False when the ROUTER does not know `peer` (any more): it is then forgotten.
    private func sendThroughRouter(_ frames: [[UInt8]], to peer: String) -> Bool {
        let message = [Array(peer.utf8)] + frames
        if routerBacklog.isEmpty {
            switch router.send(message) {
            case .sent:
                return true
            case .wouldBlock:
                break
            case .unroutable:
                routerPeers.remove(peer)
                meshChanged = true
                return false
            case .failed(let error):
                logger.debug("zmq router send failed", metadata: ["peer.node.id": "\(peer)", "errno": "\(error)"])
                return false
            }
        }
        if !routerBacklog.append(message) { counters.add(.droppedPackets) }
        return true
    }

    /// Retries what waits for the ROUTER (a ROUTER cannot be polled for one peer's room, so
    /// this runs on a short timer while something waits).
    func flushRouterBacklog() {
        while let message = routerBacklog.first {
            switch router.send(message) {
            case .sent:
                routerBacklog.removeFirst()
            case .wouldBlock:
                return
            case .unroutable, .failed:
                routerBacklog.removeFirst()
                counters.add(.droppedPackets)
            }
        }
    }
}
