import Broker
import CZeroMQ

/// A bare DEALER socket for tests: it connects to a mesh node's ROUTER and sends whatever
/// frames it is given (malformed ones included), with an optional CURVE identity. Not
/// Sendable; use it from one task. Its calls block for at most `timeout`. Tests reach it
/// through `@testable import`.
final class ZeroMQRawPeer {
    private let socket: ZeroMQSocket
    private let message = ZeroMQMessage()

    /// `curve`: the server's public key and the key pair this client presents.
    init(
        connectTo endpoint: String, routingID: String? = nil, curve: (serverKey: String, client: ZeroMQCurveKeyPair)? = nil,
        timeout: Duration = .seconds(2)
    ) throws(BrokerError) {
        do {
            socket = try ZeroMQSocket(ZeroMQContext(), type: ZMQ_DEALER)
            let milliseconds = Int32(timeout.components.seconds * 1000 + timeout.components.attoseconds / 1_000_000_000_000_000)
            try socket.set(ZMQ_LINGER, 1000)
            try socket.set(ZMQ_SNDTIMEO, milliseconds)
            try socket.set(ZMQ_RCVTIMEO, milliseconds)
            if let routingID { try socket.set(ZMQ_ROUTING_ID, routingID) }
            if let curve {
                try socket.set(ZMQ_CURVE_SERVERKEY, curve.serverKey)
                try socket.set(ZMQ_CURVE_PUBLICKEY, curve.client.publicKey)
                try socket.set(ZMQ_CURVE_SECRETKEY, curve.client.secretKey)
            }
            try socket.connect(endpoint)
        } catch {
            throw BrokerError.server("raw ZeroMQ peer: \(error)")
        }
    }

    /// Sends one multipart message; false when it could not be queued within the timeout.
    @discardableResult
    func send(_ frames: [[UInt8]]) -> Bool {
        socket.send(frames, blocking: true) == .sent
    }

    /// Sends a well-formed mesh message: the type frame and the payload.
    @discardableResult
    func send(_ type: PacketType, _ payload: [UInt8]) -> Bool {
        send(MeshFrames.frames(type, payload))
    }

    /// The next message's frames, or nil after the timeout.
    func receive() -> [[UInt8]]? {
        socket.receive(message, limits: ZeroMQMessage.Limits(maxFrameSize: 16 << 20, maxFrames: 16), blocking: true)?.frames
    }

    func close() {
        socket.close(linger: 0)
    }
}
