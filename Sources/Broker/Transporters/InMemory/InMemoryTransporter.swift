import Synchronization

/// A transporter on an `InMemoryHub`. Each transporter delivers its incoming packets from its
/// own loop, in order, like a network transporter would.
public final class InMemoryTransporter: Transporter {
    private let hub: InMemoryHub
    private let state = Mutex<State>(State())

    struct State {
        var nodeID: String?
        var namespace = ""
        var attachment: Int?
        var inbox: AsyncStream<TransportPacket>.Continuation?
        var loop: Task<Void, Never>?
    }

    init(hub: InMemoryHub) {
        self.hub = hub
    }

    public func connect(nodeID: String, namespace: String, receive: @escaping @Sendable ([TransportPacket]) -> Void) async throws {
        let (stream, inbox) = AsyncStream<TransportPacket>.makeStream()
        let loop = Task {
            for await packet in stream { receive([packet]) }
        }
        let attachment = hub.attach(InMemoryHub.Mailbox(nodeID: nodeID, namespace: namespace) { packet in inbox.yield(packet) })
        state.withLock { state in
            state.nodeID = nodeID
            state.namespace = namespace
            state.inbox = inbox
            state.loop = loop
            state.attachment = attachment
        }
    }

    public func send(_ packet: TransportPacket) throws {
        let (nodeID, namespace, attachment) = state.withLock { ($0.nodeID, $0.namespace, $0.attachment) }
        guard let nodeID else { throw BrokerError.brokerDisconnected() }
        hub.route(packet, from: nodeID, origin: attachment, namespace: namespace)
    }

    public func disconnect() async {
        let (attachment, inbox, loop) = state.withLock { state in
            defer {
                state.nodeID = nil
                state.inbox = nil
                state.loop = nil
                state.attachment = nil
            }
            return (state.attachment, state.inbox, state.loop)
        }
        if let attachment { hub.detach(attachment) }
        inbox?.finish()
        await loop?.value
    }
}
