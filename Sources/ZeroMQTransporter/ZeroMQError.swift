import CZeroMQ

/// A failed libzmq call: the function and `zmq_strerror` of its errno.
struct ZeroMQError: Error, CustomStringConvertible {
    let function: String
    let errno: Int32

    static func last(_ function: String) -> ZeroMQError {
        ZeroMQError(function: function, errno: zmq_errno())
    }

    var description: String {
        "\(function): \(String(cString: zmq_strerror(errno))) (errno \(errno))"
    }
}
