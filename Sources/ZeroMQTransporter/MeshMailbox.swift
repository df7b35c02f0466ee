import Broker
import Synchronization

/// The meeting point of the API side and the I/O thread: `send` appends to the outbox here and
/// wakes the I/O thread only when it said it is about to sleep in `zmq_poll`; the I/O thread
/// takes everything queued in one go and publishes back what the API needs to read (routes,
/// the advertised endpoint, the live peers).
final class MeshMailbox: Sendable {
    enum Command: Sendable {
        case peerLeft(String)
        case stop
    }

    /// What the I/O thread publishes after every change of the mesh.
    struct View: Sendable {
        /// Nodes a targeted packet can reach: linked peers and peers connected to our ROUTER.
        var routable: Set<String> = []
        var namespace = ""
        var advertised: ZeroMQEndpoint?
        var boundEndpoint: String?
        /// Peers with a live outgoing link, by nodeID.
        var peers: [String: ZeroMQEndpoint] = [:]
        /// Peers published in INFO metadata: live links and links still being dialled.
        var announced: [String: ZeroMQEndpoint] = [:]
        /// Peers whose backlog is over the congestion threshold: targeted sends are refused.
        var congested: Set<String> = []
        /// Open outgoing links, live or not.
        var linkCount = 0
    }

    private struct State {
        var accepting = true
        var packets: [TransportPacket] = []
        var commands: [Command] = []
        var ioWaiting = false
        var view = View()
        var finished = false
        var waiters: [CheckedContinuation<Void, Never>] = []

        /// Whether the caller must write the wake fd (once per sleep of the I/O thread).
        mutating func takeWaiting() -> Bool {
            defer { ioWaiting = false }
            return ioWaiting
        }
    }

    private let state = Mutex(State())
    let wake: WakeSignal
    let capacity: Int
    let maxFrameSize: Int

    init(capacity: Int, maxFrameSize: Int) throws(ZeroMQError) {
        wake = try WakeSignal()
        self.capacity = capacity
        self.maxFrameSize = maxFrameSize
    }

    /// Queues one packet for the I/O thread. Never blocks.
    func enqueue(_ packet: TransportPacket) throws(BrokerError) {
        // Peers drop bigger frames (and cut the connection over twice the size): fail here, clearly.
        guard packet.payload.count <= maxFrameSize else {
            throw BrokerError.server(
                "The \(packet.type.rawValue) packet is \(packet.payload.count) bytes, over the ZeroMQ frame limit of \(maxFrameSize).",
                data: ["size": .int(packet.payload.count), "limit": .int(maxFrameSize)])
        }
        let capacity = self.capacity
        let wakeUp = try state.withLock { state throws(BrokerError) -> Bool in
            guard state.accepting else { throw BrokerError.brokerDisconnected("The ZeroMQ transporter is disconnected.") }
            if let target = packet.target, !state.view.routable.contains(target) {
                throw BrokerError.retryable(
                    "No ZeroMQ route to node '\(target)': no link to it and it is not connected to this node.",
                    status: 502, type: "ZMQ_NO_ROUTE", data: ["nodeID": .string(target)])
            }
            if let target = packet.target, state.view.congested.contains(target) {
                throw BrokerError(
                    code: .queueIsFull, message: "The ZeroMQ link to node '\(target)' is congested.", status: 429,
                    type: "QUEUE_FULL", retryable: true, data: ["nodeID": .string(target)])
            }
            guard state.packets.count < capacity else {
                throw BrokerError(
                    code: .queueIsFull, message: "The ZeroMQ outbox is full (\(capacity) packets).", status: 429,
                    type: "QUEUE_FULL", retryable: true, data: ["size": .int(state.packets.count), "limit": .int(capacity)])
            }
            state.packets.append(packet)
            return state.takeWaiting()
        }
        if wakeUp { wake.signal() }
    }

    /// Queues a command; false when the I/O thread has already finished.
    @discardableResult
    func send(_ command: Command) -> Bool {
        let (accepted, wakeUp) = state.withLock { state -> (Bool, Bool) in
            guard !state.finished else { return (false, false) }
            if case .stop = command { state.accepting = false }
            state.commands.append(command)
            return (true, state.takeWaiting())
        }
        if wakeUp { wake.signal() }
        return accepted
    }

    /// Everything queued so far.
    func take() -> (packets: [TransportPacket], commands: [Command]) {
        state.withLock { state in
            defer {
                state.packets.removeAll(keepingCapacity: true)
                state.commands.removeAll()
            }
            state.ioWaiting = false
            return (state.packets, state.commands)
        }
    }

    /// Called by the I/O thread just before a blocking `zmq_poll`: true (and the next sender
    /// will write the wake fd) when nothing is queued; false when it must not sleep.
    func sleepIfIdle() -> Bool {
        state.withLock { state in
            state.ioWaiting = state.packets.isEmpty && state.commands.isEmpty
            return state.ioWaiting
        }
    }

    func publish(_ view: View) {
        state.withLock { $0.view = view }
    }

    var view: View { state.withLock { $0.view } }

    /// Called by the I/O thread as it exits: later sends fail, waiters resume.
    func finish() {
        let waiters = state.withLock { state in
            state.accepting = false
            state.finished = true
            state.view.routable = []
            state.view.peers = [:]
            state.view.announced = [:]
            defer { state.waiters = [] }
            return state.waiters
        }
        for waiter in waiters { waiter.resume() }
    }

    /// Returns once the I/O thread has exited.
    func waitFinished() async {
        await withCheckedContinuation { (continuation: CheckedContinuation<Void, Never>) in
            let done = state.withLock { state in
                if !state.finished { state.waiters.append(continuation) }
                return state.finished
            }
            if done { continuation.resume() }
        }
    }
}
