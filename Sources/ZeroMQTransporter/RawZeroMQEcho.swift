import CZeroMQ
import Dispatch
import Foundation
import Synchronization

/// The echo side of `RawZeroMQBenchmark`: a ROUTER bound to an ephemeral port of 127.0.0.1 and
/// served by its own thread, which sends every message back to its sender as it came. The
/// thread ends when the context is terminated: libzmq then fails its blocking receive with
/// ETERM, and the thread closes the ROUTER (which lets the termination finish).
enum RawZeroMQEcho {
    /// Starts the thread; returns the ROUTER's endpoint once it listens.
    static func start(in context: ZeroMQContext) throws(ZeroMQError) -> String {
        let bound = Handoff()
        let thread = Thread {
            let router: ZeroMQSocket
            do throws(ZeroMQError) {
                router = try ZeroMQSocket(context, type: ZMQ_ROUTER)
                try router.set(ZMQ_LINGER, 0)
                // The client bounds the replies in flight; the default limit (1,000) would drop some.
                try router.set(ZMQ_SNDHWM, 0)
                try router.bind("tcp://127.0.0.1:0")
                bound.publish(.success(try router.lastEndpoint()))
            } catch {
                bound.publish(.failure(error))
                return
            }
            serve(router)
            router.close()
        }
        thread.name = "quark.bench.echo"
        thread.start()
        return try bound.wait().get()
    }

    /// Receives each frame into one heap-allocated `zmq_msg_t` and sends it straight back with
    /// the same more-flag, without copying (`ZeroMQMessage` copies frames out, which an echo
    /// does not need). A ROUTER's first frame is the sender's routing id, so the message goes
    /// back to its sender. Returns on ETERM, or on any other failure (the client then reports
    /// the missing reply).
    private static func serve(_ router: ZeroMQSocket) {
        let frame = UnsafeMutablePointer<zmq_msg_t>.allocate(capacity: 1)
        defer { frame.deallocate() }
        zmq_msg_init(frame)
        defer { zmq_msg_close(frame) }
        while true {
            while zmq_msg_recv(frame, router.handle, 0) < 0 {
                guard zmq_errno() == EINTR else { return }
            }
            let flags = zmq_msg_more(frame) != 0 ? ZMQ_SNDMORE : 0
            // A sent frame belongs to libzmq; `frame` is left empty, ready for the next receive.
            while zmq_msg_send(frame, router.handle, flags) < 0 {
                guard zmq_errno() == EINTR else { return }
            }
        }
    }
}

/// Carries the bound endpoint, or the failure, from the echo thread to the caller.
private final class Handoff: Sendable {
    private let value = Mutex<Result<String, ZeroMQError>?>(nil)
    private let ready = DispatchSemaphore(value: 0)

    func publish(_ result: Result<String, ZeroMQError>) {
        value.withLock { $0 = result }
        ready.signal()
    }

    func wait() -> Result<String, ZeroMQError> {
        ready.wait()
        // `publish` stored the value before signalling.
        return value.withLock { $0! }
    }
}
