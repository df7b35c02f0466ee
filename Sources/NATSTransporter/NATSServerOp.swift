import NIOCore

/// One operation sent by a NATS server (the client protocol's server-to-client half).
enum NATSServerOp: Sendable, Equatable {
    case info(NATSServerInfo)
    case message(subject: String, payload: ByteBuffer)
    case ping
    case pong
    case ok
    case error(String)
}
