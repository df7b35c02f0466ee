import Broker
import CZeroMQ
#if canImport(Glibc)
import Glibc
#endif

/// The client side of `RawZeroMQBenchmark`: one DEALER connected to the echo ROUTER, keeping
/// `inflight` messages out with blocking `zmq_send` / `zmq_recv` on preallocated buffers (so
/// the measured loop allocates nothing but the growth of `latencies`). Each message carries its
/// send time and a sequence number in its first 16 bytes; replies on the one connection come
/// back in send order, so each must carry the next expected number. Not Sendable: created, used
/// and closed on the calling thread.
final class RawZeroMQClient {
    /// Bytes at the start of every message: the send time and the sequence number (Int64 each).
    static let headerSize = 16

    /// What one phase measured: its round trips and the time from its first send to its last reply.
    struct Phase {
        var roundTrips: Int
        var nanoseconds: Int64
    }

    private let socket: ZeroMQSocket
    private let inflight: Int
    private let outgoing: UnsafeMutableRawBufferPointer
    private let incoming: UnsafeMutableRawBufferPointer
    private var nextSequence: Int64 = 0
    private var expectedSequence: Int64 = 0
    /// Send→reply time of every message since the last reset, in nanoseconds.
    var latencies: [Int64] = []

    init(context: ZeroMQContext, endpoint: String, inflight: Int, payloadSize: Int) throws(ZeroMQError) {
        socket = try ZeroMQSocket(context, type: ZMQ_DEALER)
        try socket.set(ZMQ_LINGER, 0)
        // A missing reply fails the run instead of blocking it forever.
        try socket.set(ZMQ_RCVTIMEO, 5000)
        try socket.connect(endpoint)
        self.inflight = inflight
        outgoing = .allocate(byteCount: payloadSize, alignment: 8)
        outgoing.initializeMemory(as: UInt8.self, repeating: UInt8(ascii: "x"))
        incoming = .allocate(byteCount: payloadSize, alignment: 8)
        incoming.initializeMemory(as: UInt8.self, repeating: 0)
    }

    deinit {
        outgoing.deallocate()
        incoming.deallocate()
    }

    /// Sends up to `inflight` messages, then one more per reply while fewer than `count` were
    /// sent and `deadline` (monotonic nanoseconds) has not passed, and waits for every reply.
    func phase(count: Int?, until deadline: Int64?) throws(BrokerError) -> Phase {
        let limit = count ?? .max
        let end = deadline ?? .max
        let start = Self.now()
        var sent = 0
        var received = 0
        var now = start
        if let count { latencies.reserveCapacity(latencies.count + count) }
        while sent < min(inflight, limit) {
            try send(stamped: Self.now())
            sent += 1
        }
        while received < sent {
            now = try receive()
            received += 1
            if sent < limit, now < end {
                try send(stamped: now)
                sent += 1
            }
        }
        return Phase(roundTrips: received, nanoseconds: now - start)
    }

    func close() {
        socket.close(linger: 0)
    }

    private func send(stamped time: Int64) throws(BrokerError) {
        outgoing.storeBytes(of: time, toByteOffset: 0, as: Int64.self)
        outgoing.storeBytes(of: nextSequence, toByteOffset: 8, as: Int64.self)
        nextSequence += 1
        while zmq_send(socket.handle, outgoing.baseAddress, outgoing.count, 0) < 0 {
            let code = zmq_errno()
            guard code == EINTR else { throw BrokerError.server("raw ZeroMQ benchmark: \(ZeroMQError(function: "zmq_send", errno: code))") }
        }
    }

    /// Waits for the next reply, checks it and records its latency; returns the time it arrived.
    private func receive() throws(BrokerError) -> Int64 {
        var size: Int32
        repeat {
            size = zmq_recv(socket.handle, incoming.baseAddress, incoming.count, 0)
        } while size < 0 && zmq_errno() == EINTR
        guard size >= 0 else {
            let code = zmq_errno()
            let error = code == EAGAIN ? "no reply within 5 s" : "\(ZeroMQError(function: "zmq_recv", errno: code))"
            throw BrokerError.server("raw ZeroMQ benchmark: \(error) (message \(expectedSequence))")
        }
        let now = Self.now()
        let sequence = incoming.load(fromByteOffset: 8, as: Int64.self)
        guard Int(size) == incoming.count, sequence == expectedSequence else {
            throw BrokerError.server(
                "raw ZeroMQ benchmark: expected message \(expectedSequence) of \(incoming.count) bytes, got \(sequence) of \(size)")
        }
        expectedSequence += 1
        latencies.append(now - incoming.load(fromByteOffset: 0, as: Int64.self))
        return now
    }

    /// The monotonic clock in nanoseconds (a vDSO call, far cheaper than what is measured).
    static func now() -> Int64 {
        var spec = timespec()
        clock_gettime(CLOCK_MONOTONIC, &spec)
        return Int64(spec.tv_sec) * 1_000_000_000 + Int64(spec.tv_nsec)
    }
}
