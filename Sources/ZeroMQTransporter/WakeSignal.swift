import CZeroMQ
#if canImport(Glibc)
import Glibc
#endif

/// An `eventfd` the I/O thread polls next to its sockets, so that a sender can wake it from
/// `zmq_poll`. Senders signal it only when the I/O thread said it is about to sleep. The file
/// descriptor is closed when the last reference goes, so a late signal never hits a reused fd.
final class WakeSignal: Sendable {
    let fd: Int32

    init() throws(ZeroMQError) {
        let fd = eventfd(0, Int32(EFD_NONBLOCK | EFD_CLOEXEC))
        guard fd >= 0 else { throw ZeroMQError(function: "eventfd", errno: errno) }
        self.fd = fd
    }

    /// Wakes the poller (adds one to the counter; never blocks).
    func signal() {
        var one: UInt64 = 1
        _ = withUnsafeBytes(of: &one) { write(fd, $0.baseAddress, 8) }
    }

    /// Resets the counter after a wake-up.
    func drain() {
        var value: UInt64 = 0
        _ = withUnsafeMutableBytes(of: &value) { read(fd, $0.baseAddress, 8) }
    }

    deinit { close(fd) }
}
