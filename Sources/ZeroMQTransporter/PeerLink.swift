import CZeroMQ

/// This node's outgoing connection to one peer: a DEALER socket (routing id = our nodeID)
/// connected to the peer's ROUTER, a monitor socket telling when the connection comes up or
/// goes down, and the messages waiting for it. Lives on the I/O thread only.
final class PeerLink {
    let endpoint: ZeroMQEndpoint
    /// Links to seeds are never given up, and survive their node leaving.
    let isSeed: Bool
    /// The node behind the endpoint, once known (seeds start unknown).
    var nodeID: String?
    let socket: ZeroMQSocket
    let monitor: ZeroMQSocket
    /// Whether the ZMTP handshake has succeeded and no disconnection was seen since.
    var isUp = false
    /// Whether the link was ever up: one that went down since is not advertised to others.
    var hasBeenUp = false
    /// When the link went down (or was created); drives `abandonAfter`.
    var downSince: ContinuousClock.Instant
    var backlog: Backlog
    /// A failed handshake is logged once per link, not on every retry.
    var reportedHandshakeFailure = false

    init(
        endpoint: ZeroMQEndpoint, nodeID: String?, isSeed: Bool, socket: ZeroMQSocket, monitor: ZeroMQSocket, backlogCapacity: Int
    ) {
        self.endpoint = endpoint
        self.nodeID = nodeID
        self.isSeed = isSeed
        self.socket = socket
        self.monitor = monitor
        self.backlog = Backlog(capacity: backlogCapacity)
        self.downSince = .now
    }

    /// Sends queued messages until the socket would block. Returns how many failed (lost).
    func flush() -> Int {
        var failed = 0
        while let frames = backlog.first {
            switch socket.send(frames) {
            case .sent:
                backlog.removeFirst()
            case .wouldBlock:
                return failed
            case .unroutable, .failed:
                backlog.removeFirst()
                failed += 1
            }
        }
        return failed
    }

    /// Stops the monitor and closes both sockets, discarding anything unsent (or giving it
    /// `linger` milliseconds).
    func close(linger: Int32 = 0) {
        if let handle = socket.handle { zmq_socket_monitor(handle, nil, 0) }
        monitor.close(linger: 0)
        socket.close(linger: linger)
    }
}
