import CZeroMQ
import Logging

/// Authenticates CURVE clients for the ROUTER (ZeroMQ's ZAP protocol, RFC 27): a REP socket on
/// `inproc://zeromq.zap.01` in the mesh's context, served by the I/O thread. Only clients that
/// present one of the allowed public keys (the cluster key) are let in.
final class ZAPHandler {
    static let endpoint = "inproc://zeromq.zap.01"
    let socket: ZeroMQSocket
    private let allowed: Set<[UInt8]>
    private let counters: MeshCounters
    private let logger: Logger

    init(context: ZeroMQContext, allowedKeys: [String], counters: MeshCounters, logger: Logger) throws(ZeroMQError) {
        socket = try ZeroMQSocket(context, type: ZMQ_REP)
        try socket.set(ZMQ_LINGER, 0)
        try socket.bind(Self.endpoint)
        allowed = Set(allowedKeys.compactMap(ZeroMQCurveKeyPair.decode))
        self.counters = counters
        self.logger = logger
    }

    /// Answers every waiting request.
    func serve(_ message: ZeroMQMessage) {
        let limits = ZeroMQMessage.Limits(maxFrameSize: 4096, maxFrames: 16)
        while let request = socket.receive(message, limits: limits) {
            let frames = request.frames
            guard frames.count >= 6 else {
                // Not a ZAP request; REP still owes an answer to keep its state machine going.
                _ = socket.send([[]])
                continue
            }
            let mechanism = String(decoding: frames[5], as: UTF8.self)
            let accepted = mechanism == "CURVE" && frames.count >= 7 && allowed.contains(frames[6])
            if !accepted {
                counters.add(.rejectedClients)
                logger.warning(
                    "zmq client rejected", metadata: ["peer.address": "\(String(decoding: frames[3], as: UTF8.self))", "mechanism": "\(mechanism)"])
            }
            let status = accepted ? "200" : "400"
            let text = accepted ? "OK" : "Unknown client key"
            _ = socket.send([Array("1.0".utf8), frames[1], Array(status.utf8), Array(text.utf8), [], []])
        }
    }

    func close() {
        socket.close(linger: 0)
    }
}
