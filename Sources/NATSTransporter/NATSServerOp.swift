import NIOCore

/// One operation sent by a NATS server (the client protocol's server-to-client half).
enum NATSServerOp: Sendable, Equatable {
    case info(NATSServerInfo)
    /// The subject as received (a slice of the read buffer, not a String: no allocation).
    case message(subject: ByteBuffer, payload: ByteBuffer)
    case ping
    case pong
    case ok
    case error(String)
}
