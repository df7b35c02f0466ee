import CZeroMQ

/// One libzmq socket. Not Sendable: a socket is created, used and closed on one thread (the
/// mesh's I/O thread, or a test's task). It keeps its context alive until it is closed.
final class ZeroMQSocket {
    let context: ZeroMQContext
    private(set) var handle: UnsafeMutableRawPointer?

    init(_ context: ZeroMQContext, type: Int32) throws(ZeroMQError) {
        guard let raw = context.pointer, let socket = zmq_socket(raw, type) else { throw ZeroMQError.last("zmq_socket") }
        self.context = context
        self.handle = socket
    }

    func set(_ option: Int32, _ value: Int32) throws(ZeroMQError) {
        var value = value
        guard zmq_setsockopt(handle, option, &value, MemoryLayout<Int32>.size) == 0 else {
            throw ZeroMQError.last("zmq_setsockopt(\(option))")
        }
    }

    func set(_ option: Int32, int64 value: Int64) throws(ZeroMQError) {
        var value = value
        guard zmq_setsockopt(handle, option, &value, MemoryLayout<Int64>.size) == 0 else {
            throw ZeroMQError.last("zmq_setsockopt(\(option))")
        }
    }

    func set(_ option: Int32, bytes: [UInt8]) throws(ZeroMQError) {
        let status = bytes.withUnsafeBytes { zmq_setsockopt(handle, option, $0.baseAddress, $0.count) }
        guard status == 0 else { throw ZeroMQError.last("zmq_setsockopt(\(option))") }
    }

    func set(_ option: Int32, _ value: String) throws(ZeroMQError) {
        try set(option, bytes: Array(value.utf8))
    }

    func bind(_ endpoint: String) throws(ZeroMQError) {
        guard zmq_bind(handle, endpoint) == 0 else { throw ZeroMQError.last("zmq_bind(\(endpoint))") }
    }

    func connect(_ endpoint: String) throws(ZeroMQError) {
        guard zmq_connect(handle, endpoint) == 0 else { throw ZeroMQError.last("zmq_connect(\(endpoint))") }
    }

    /// The endpoint the socket last bound, with the real port of an ephemeral bind.
    func lastEndpoint() throws(ZeroMQError) -> String {
        var buffer = [CChar](repeating: 0, count: 512)
        var size = buffer.count
        guard zmq_getsockopt(handle, ZMQ_LAST_ENDPOINT, &buffer, &size) == 0 else { throw ZeroMQError.last("ZMQ_LAST_ENDPOINT") }
        return String(decoding: buffer.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }, as: UTF8.self)
    }

    /// Publishes the socket's `events` on an inproc PAIR endpoint (`zmq_socket_monitor`).
    func monitor(_ endpoint: String, events: Int32) throws(ZeroMQError) {
        guard zmq_socket_monitor(handle, endpoint, events) == 0 else { throw ZeroMQError.last("zmq_socket_monitor") }
    }

    enum SendOutcome: Equatable {
        case sent
        /// The high-water mark is reached, or (ZMQ_IMMEDIATE) no connection is up yet.
        case wouldBlock
        /// A ROUTER with ZMQ_ROUTER_MANDATORY does not know the routing id.
        case unroutable
        case failed(Int32)
    }

    /// Sends `frames` as one multipart message without blocking (unless `blocking`).
    func send(_ frames: [[UInt8]], blocking: Bool = false) -> SendOutcome {
        guard let handle else { return .failed(ENOTSOCK) }
        let wait = blocking ? 0 : ZMQ_DONTWAIT
        for (index, frame) in frames.enumerated() {
            let flags = wait | (index < frames.count - 1 ? ZMQ_SNDMORE : 0)
            let status = frame.withUnsafeBytes { zmq_send(handle, $0.baseAddress, $0.count, flags) }
            if status < 0 {
                let error = zmq_errno()
                if index == 0, error == EAGAIN { return .wouldBlock }
                if index == 0, error == EHOSTUNREACH { return .unroutable }
                return .failed(error)
            }
        }
        return .sent
    }

    /// Receives one multipart message without blocking; nil when none is waiting.
    func receive(_ message: ZeroMQMessage, limits: ZeroMQMessage.Limits, blocking: Bool = false) -> ZeroMQMessage.Received? {
        guard let handle else { return nil }
        return message.receive(from: handle, limits: limits, blocking: blocking)
    }

    /// Closes the socket now; pending outgoing messages get `linger` milliseconds (nil: keep
    /// the socket's setting). Idempotent.
    func close(linger: Int32? = nil) {
        guard let socket = handle else { return }
        if let linger { try? set(ZMQ_LINGER, linger) }
        zmq_close(socket)
        handle = nil
    }

    deinit { close(linger: 0) }
}
