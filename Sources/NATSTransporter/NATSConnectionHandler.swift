import Broker
import NIOCore

/// One TCP connection to a NATS server: the handshake (INFO, then CONNECT + SUBs + PING, ready
/// at the PONG), server PINGs answered, idle-time PINGs of our own, and MSGs handed to the
/// session in batches (one per socket read).
final class NATSConnectionHandler: ChannelInboundHandler {
    typealias InboundIn = NATSServerOp
    typealias OutboundOut = ByteBuffer

    private enum Phase { case awaitingInfo, awaitingPong, ready }

    private let session: NATSSession
    private let credentials: NATSCredentials
    private let handshake: EventLoopPromise<NATSServerInfo>
    private var phase = Phase.awaitingInfo
    private var info = NATSServerInfo()
    private var batch: [TransportPacket] = []
    private var unansweredPings = 0

    init(session: NATSSession, credentials: NATSCredentials, handshake: EventLoopPromise<NATSServerInfo>) {
        self.session = session
        self.credentials = credentials
        self.handshake = handshake
    }

    func channelRead(context: ChannelHandlerContext, data: NIOAny) {
        switch unwrapInboundIn(data) {
        case .message(let subject, let payload):
            guard let type = session.subjects.packetType(of: subject) else { return }
            batch.append(TransportPacket(type: type, target: nil, payload: Array(payload.readableBytesView)))
        case .info(let info):
            guard phase == .awaitingInfo else { return }
            self.info = info
            phase = .awaitingPong
            var buffer = context.channel.allocator.buffer(capacity: 1024)
            NATSClientCommands.connect(credentials, name: session.options.name, into: &buffer)
            for (sid, subject) in session.subjects.subscriptions.enumerated() {
                NATSClientCommands.subscribe(subject, sid: sid + 1, into: &buffer)
            }
            NATSClientCommands.ping(into: &buffer)
            context.writeAndFlush(wrapOutboundOut(buffer), promise: nil)
        case .ping:
            var buffer = context.channel.allocator.buffer(capacity: 6)
            NATSClientCommands.pong(into: &buffer)
            context.writeAndFlush(wrapOutboundOut(buffer), promise: nil)
        case .pong:
            unansweredPings = 0
            if phase == .awaitingPong {
                phase = .ready
                handshake.succeed(info)
            }
        case .ok:
            break
        case .error(let message):
            if phase != .ready {
                handshake.fail(NATSServerError(message: message))
                context.close(promise: nil)
            } else {
                session.options.logger.warning("NATS server error", metadata: ["error": "\(message)"])
            }
        }
    }

    func channelReadComplete(context: ChannelHandlerContext) {
        guard !batch.isEmpty else { return }
        let packets = batch
        batch.removeAll(keepingCapacity: true)
        session.receive(packets)
    }

    func channelWritabilityChanged(context: ChannelHandlerContext) {
        session.writabilityChanged(context.channel.isWritable)
    }

    /// Read-idle: ping the server; two pings unanswered mean it is gone.
    func userInboundEventTriggered(context: ChannelHandlerContext, event: Any) {
        guard event is IdleStateHandler.IdleStateEvent, phase == .ready else { return }
        guard unansweredPings < 2 else {
            session.options.logger.warning("NATS server stopped answering pings; reconnecting")
            context.close(promise: nil)
            return
        }
        unansweredPings += 1
        var buffer = context.channel.allocator.buffer(capacity: 6)
        NATSClientCommands.ping(into: &buffer)
        context.writeAndFlush(wrapOutboundOut(buffer), promise: nil)
    }

    func channelInactive(context: ChannelHandlerContext) {
        channelReadComplete(context: context)
        if phase != .ready { handshake.fail(NATSServerError(message: "the server closed the connection during the handshake")) }
        context.fireChannelInactive()
    }

    func errorCaught(context: ChannelHandlerContext, error: any Error) {
        session.options.logger.debug("NATS connection error", metadata: ["error": "\(error)"])
        if phase != .ready { handshake.fail(error) }
        context.close(promise: nil)
    }
}

/// An `-ERR` from the server (for example "Authorization Violation").
struct NATSServerError: Error, CustomStringConvertible {
    let message: String
    var description: String { "NATS server error: \(message)" }
}
