import CZeroMQ

/// A reusable, heap-allocated `zmq_msg_t` (libzmq stores small messages inline in the struct, so
/// it must not move while in use) and the reading of whole multipart messages through it.
final class ZeroMQMessage {
    /// Bounds applied while reading: bigger frames are not copied, extra frames not kept.
    struct Limits {
        var maxFrameSize: Int
        var maxFrames: Int
    }

    /// One multipart message as read: the kept frames, the real frame count and whether a frame
    /// exceeded the size limit (such a frame is kept empty).
    struct Received {
        var frames: [[UInt8]] = []
        var frameCount = 0
        var oversize = false
    }

    private let message = UnsafeMutablePointer<zmq_msg_t>.allocate(capacity: 1)

    init() {}

    deinit { message.deallocate() }

    func receive(from socket: UnsafeMutableRawPointer, limits: Limits, blocking: Bool) -> Received? {
        var received = Received()
        while true {
            zmq_msg_init(message)
            defer { zmq_msg_close(message) }
            let flags = received.frameCount == 0 && !blocking ? ZMQ_DONTWAIT : 0
            if zmq_msg_recv(message, socket, flags) < 0 {
                if received.frameCount == 0 { return nil }
                // A multipart message arrives whole, so this cannot happen; keep what we have.
                return received
            }
            received.frameCount += 1
            let size = zmq_msg_size(message)
            if received.frames.count < limits.maxFrames {
                if size > limits.maxFrameSize {
                    received.oversize = true
                    received.frames.append([])
                } else {
                    let data = zmq_msg_data(message)
                    received.frames.append(size == 0 || data == nil ? [] : Array(UnsafeRawBufferPointer(start: data, count: size)))
                }
            }
            if zmq_msg_more(message) == 0 { return received }
        }
    }
}
