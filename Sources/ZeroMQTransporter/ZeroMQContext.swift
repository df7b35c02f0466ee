import CZeroMQ
import Synchronization

/// A libzmq context.
///
/// `@unchecked Sendable` invariant: a libzmq context is thread-safe by contract (any thread may
/// create sockets in it), and the only mutable state here, `handle`, lives behind a `Mutex`.
/// Every `ZeroMQSocket` holds a strong reference to its context, so `zmq_ctx_term` (which blocks
/// until every socket of the context is closed) runs after the last socket was closed, whatever
/// order Swift releases things in.
final class ZeroMQContext: @unchecked Sendable {
    private let handle: Mutex<UnsafeMutableRawPointer?>

    init() throws(ZeroMQError) {
        guard let context = zmq_ctx_new() else { throw ZeroMQError.last("zmq_ctx_new") }
        handle = Mutex(context)
    }

    /// Sets a context option (`ZMQ_MAX_SOCKETS`, ...) before sockets are made.
    func set(_ option: Int32, _ value: Int32) throws(ZeroMQError) {
        guard let context = pointer, zmq_ctx_set(context, option, value) == 0 else { throw ZeroMQError.last("zmq_ctx_set(\(option))") }
    }

    /// The raw context, nil after `terminate()`.
    var pointer: UnsafeMutableRawPointer? { handle.withLock { $0 } }

    /// Terminates the context; blocks until every socket is closed and its linger has passed.
    /// Idempotent.
    func terminate() {
        let context = handle.withLock { handle in
            defer { handle = nil }
            return handle
        }
        guard let context else { return }
        while zmq_ctx_term(context) != 0, zmq_errno() == EINTR {}
    }

    deinit { terminate() }
}
