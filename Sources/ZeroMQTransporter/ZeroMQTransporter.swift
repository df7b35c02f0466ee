import Broker
import Foundation
import Logging
import Synchronization

/// Quark's brokerless ZeroMQ mesh (docs/PROTOCOL.md, "ZeroMQ mesh").
///
/// Each node binds one ROUTER socket and keeps one DEALER link (routing id = its own nodeID) to
/// every peer it knows. A message is two frames: the packet type (`REQ`, `INFO`, ...) and the
/// JSON payload. Broadcast means every connected peer. Discovery starts from `seeds`; INFO
/// metadata carries `"zmq": {"endpoint", "namespace", "peers"}` (see `MeshAnnouncement`), so a
/// newcomer reaches the whole mesh through one seed. When a link comes up (also after a peer
/// restarted on the same endpoint) it greets the peer with this node's latest INFO and a
/// DISCOVER. One OS thread owns every socket (`MeshLoop`); `send` only appends to a bounded
/// outbox and wakes that thread when it sleeps.
public final class ZeroMQTransporter: Transporter {
    public let options: ZeroMQOptions
    private let counters = MeshCounters()
    private let session = Mutex<MeshMailbox?>(nil)

    public init(options: ZeroMQOptions = ZeroMQOptions()) {
        self.options = options
    }

    public func connect(nodeID: String, namespace: String, receive: @escaping @Sendable ([TransportPacket]) -> Void) async throws {
        let settings = try MeshSettings(options)
        guard !nodeID.isEmpty, nodeID.utf8.count <= 255, nodeID.utf8.first != 0 else {
            throw BrokerError.server("A ZeroMQ nodeID must be 1 to 255 bytes long (it is the routing id of the node's links).")
        }
        let mailbox: MeshMailbox
        do {
            mailbox = try MeshMailbox(capacity: settings.outboxCapacity, maxFrameSize: settings.maxFrameSize)
        } catch {
            throw BrokerError.server("ZeroMQ transporter could not start: \(error)")
        }
        try session.withLock { current throws(BrokerError) in
            guard current == nil else { throw BrokerError.server("The ZeroMQ transporter is already connected.") }
            current = mailbox
        }
        let counters = self.counters
        do {
            try await withCheckedThrowingContinuation { (started: CheckedContinuation<Void, any Error>) in
                let thread = Thread {
                    let loop: MeshLoop
                    do {
                        loop = try MeshLoop(
                            settings: settings, nodeID: nodeID, namespace: namespace, mailbox: mailbox, counters: counters, receive: receive)
                    } catch {
                        mailbox.finish()
                        started.resume(throwing: error)
                        return
                    }
                    started.resume()
                    loop.run()
                }
                thread.name = "quark.zmq"
                thread.stackSize = 4 << 20
                thread.start()
            }
        } catch {
            session.withLock { if $0 === mailbox { $0 = nil } }
            throw error
        }
        settings.logger.info(
            "zmq mesh listening",
            metadata: ["node.id": "\(nodeID)", "endpoint": "\(mailbox.view.advertised.map(\.description) ?? "?")", "seeds": "\(settings.seeds.count)"])
    }

    public func send(_ packet: TransportPacket) throws {
        guard let mailbox = session.withLock({ $0 }) else { throw BrokerError.brokerDisconnected("The ZeroMQ transporter is not connected.") }
        try mailbox.enqueue(packet)
    }

    /// Flushes what is queued (at most `flushTimeout`), closes every socket, stops the I/O
    /// thread and terminates the context. Idempotent; `receive` is never called afterwards.
    public func disconnect() async {
        guard let mailbox = session.withLock({ $0 }) else { return }
        mailbox.send(.stop)
        await mailbox.waitFinished()
        session.withLock { if $0 === mailbox { $0 = nil } }
    }

    public var infoMetadata: [String: JSON] {
        guard let view = session.withLock({ $0 })?.view else { return [:] }
        return MeshAnnouncement.metadata(endpoint: view.advertised, namespace: view.namespace, peers: view.announced)
    }

    public func peerLeft(_ nodeID: String) {
        session.withLock { $0 }?.send(.peerLeft(nodeID))
    }
}

extension ZeroMQTransporter {
    /// Incoming messages dropped: wrong frame count, a frame over `maxFrameSize`, an unknown
    /// type frame, a payload that is not UTF-8 or not shaped like a JSON object.
    public var droppedFrames: Int { counters[.droppedFrames] }
    /// Outgoing packets lost: no route to the target any more, or a full per-peer backlog.
    public var droppedPackets: Int { counters[.droppedPackets] }
    /// Endpoints in peers' INFO that failed validation and were never dialled.
    public var ignoredEndpoints: Int { counters[.ignoredEndpoints] }
    /// CURVE clients refused by this node (unknown key).
    public var rejectedClients: Int { counters[.rejectedClients] }

    private var view: MeshMailbox.View? { session.withLock { $0 }?.view }

    /// The endpoint the ROUTER is bound to, with the real port (`tcp://0.0.0.0:41234`).
    public var boundEndpoint: String? { view?.boundEndpoint }
    /// The bound port, useful after binding port 0.
    public var boundPort: Int? { view?.advertised?.port }
    /// The endpoint published to peers (`tcp://<advertisedHost>:<port>`).
    public var advertisedEndpoint: String? { view?.advertised?.description }
    /// Peers this node has a live link to: nodeID → endpoint.
    public var connectedPeers: [String: String] { view?.peers.mapValues(\.description) ?? [:] }
    /// Open outgoing links, live or not (tests).
    var linkCount: Int { view?.linkCount ?? 0 }
}
