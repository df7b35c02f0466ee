import Broker
import NIOCore
import Synchronization

/// What one `connect` … `disconnect` of a ``NATSTransporter`` shares between callers and the
/// event loop: the bytes waiting for the server (kept while reconnecting, bounded by
/// `maxPendingBytes`) and the live channel. `enqueue` never blocks: it appends under a lock and
/// asks the event loop for one flush, which carries everything queued by then.
final class NATSSession: Sendable {
    let subjects: NATSSubjects
    let options: NATSOptions
    let eventLoop: any EventLoop
    let receive: @Sendable ([TransportPacket]) -> Void
    private let state: Mutex<State>

    struct State {
        var pending: ByteBuffer
        var channel: (any Channel)?
        var writable = true
        var flushScheduled = false
        var closed = false
        var maxPayload = 1 << 20
        /// Servers of the NATS cluster that the servers advertised (INFO `connect_urls`).
        var discovered: [NATSServerAddress] = []
    }

    init(subjects: NATSSubjects, options: NATSOptions, eventLoop: any EventLoop, receive: @escaping @Sendable ([TransportPacket]) -> Void) {
        self.subjects = subjects
        self.options = options
        self.eventLoop = eventLoop
        self.receive = receive
        state = Mutex(State(pending: ByteBufferAllocator().buffer(capacity: 64 << 10)))
    }

    var isClosed: Bool { state.withLock(\.closed) }
    var isConnected: Bool { state.withLock { $0.channel != nil } }

    /// The servers to try: the configured ones, then those the cluster advertised.
    var servers: [NATSServerAddress] {
        let discovered = state.withLock(\.discovered)
        return options.servers + discovered.filter { address in
            !options.servers.contains { $0.host == address.host && $0.port == address.port }
        }
    }

    /// Queues one packet as a PUB to its subject.
    func enqueue(_ packet: TransportPacket) throws(BrokerError) {
        let maxPending = options.maxPendingBytes
        let flush = try state.withLock { state throws(BrokerError) -> Bool in
            guard !state.closed else { throw BrokerError.brokerDisconnected("The NATS transporter is disconnected.") }
            guard packet.payload.count <= state.maxPayload else {
                throw BrokerError.server(
                    "The \(packet.type.rawValue) packet is \(packet.payload.count) bytes, over the NATS server's max_payload of \(state.maxPayload) bytes.",
                    data: ["size": .int(packet.payload.count), "limit": .int(state.maxPayload)])
            }
            guard state.pending.readableBytes < maxPending else {
                throw BrokerError(
                    code: .queueIsFull, message: "The NATS send queue is full (\(state.pending.readableBytes) bytes waiting).",
                    status: 429, type: "QUEUE_FULL", retryable: true,
                    data: ["size": .int(state.pending.readableBytes), "limit": .int(maxPending)])
            }
            NATSClientCommands.publish(packet.type, target: packet.target, subjects: subjects, payload: packet.payload, into: &state.pending)
            return state.requestFlush()
        }
        if flush { eventLoop.execute { self.flush() } }
    }

    /// Writes what is pending to the live channel, if it can take it. On the event loop.
    func flush() {
        let ready = state.withLock { state -> (any Channel, ByteBuffer)? in
            state.flushScheduled = false
            guard let channel = state.channel, state.writable, state.pending.readableBytes > 0 else { return nil }
            let buffer = state.pending
            state.pending = channel.allocator.buffer(capacity: min(buffer.capacity, 1 << 20))
            return (channel, buffer)
        }
        guard let (channel, buffer) = ready else { return }
        channel.writeAndFlush(buffer, promise: nil)
    }

    /// A connection finished its handshake: it carries the traffic from now on. False (and the
    /// channel is closed) when the session was closed meanwhile.
    func attach(_ channel: any Channel, info: NATSServerInfo) -> Bool {
        let flush = state.withLock { state -> Bool? in
            guard !state.closed else { return nil }
            state.channel = channel
            state.writable = channel.isWritable
            state.maxPayload = info.maxPayload
            for url in info.connectURLs {
                guard let address = try? NATSServerAddress(parsing: "nats://" + url), !state.discovered.contains(address) else { continue }
                state.discovered.append(address)
            }
            return state.requestFlush()
        }
        guard let flush else {
            channel.close(promise: nil)
            return false
        }
        if flush { eventLoop.execute { self.flush() } }
        return true
    }

    /// The connection is gone: queue until the next one.
    func detach(_ channel: any Channel) {
        state.withLock { state in
            if state.channel === channel { state.channel = nil }
        }
    }

    func writabilityChanged(_ writable: Bool) {
        let flush = state.withLock { state -> Bool in
            state.writable = writable
            return writable && state.requestFlush()
        }
        if flush { self.flush() }
    }

    /// Refuses further packets, writes what is queued, unsubscribes, and closes the connection.
    func close() async {
        let channel = state.withLock { state -> (any Channel)? in
            state.closed = true
            return state.channel
        }
        guard let channel else { return }
        let closed = eventLoop.flatSubmit { () -> EventLoopFuture<Void> in
            var buffer = self.state.withLock { state in
                defer { state.pending.clear() }
                return state.pending
            }
            // Leave politely: nothing more is delivered to this connection once the server
            // has read these, even before it notices the close.
            for sid in self.subjects.subscriptions.indices { NATSClientCommands.unsubscribe(sid: sid + 1, into: &buffer) }
            return channel.writeAndFlush(buffer).flatMap { channel.close() }
        }
        let timeout = eventLoop.scheduleTask(in: .seconds(5)) { channel.close(promise: nil) }
        try? await closed.get()
        timeout.cancel()
        try? await channel.closeFuture.get()
        detach(channel)
    }
}

extension NATSSession.State {
    /// True when the caller must schedule a flush (none is scheduled yet and a channel is live).
    fileprivate mutating func requestFlush() -> Bool {
        guard !flushScheduled, channel != nil, writable else { return false }
        flushScheduled = true
        return true
    }
}
