import Broker
import NIOCore
import NIOPosix
import Synchronization

/// Moleculer's NATS transporter: joins Moleculer.js and MoleculerPy clusters, or runs a Quark
/// cluster on a NATS server. Written on SwiftNIO against the NATS client protocol (CONNECT,
/// PUB, SUB, MSG, PING/PONG, INFO, +OK/-ERR), since no NATS client package is available.
///
/// Subjects follow docs/PROTOCOL.md ("Topics"): `MOL[-namespace].<TYPE>[.<nodeID>]`. `send`
/// never blocks: it appends a PUB to a bounded queue that the event loop writes out; while the server is away
/// the queue keeps filling (up to `maxPendingBytes`) and is sent after the reconnect, which
/// goes through the server list with backoff and subscribes again.
public final class NATSTransporter: Transporter {
    public let options: NATSOptions
    private let group: any EventLoopGroup
    private let current = Mutex<Connection?>(nil)

    private struct Connection {
        let session: NATSSession
        let supervisor: Task<Void, Never>
    }

    public init(options: NATSOptions, group: any EventLoopGroup = MultiThreadedEventLoopGroup.singleton) {
        self.options = options
        self.group = group
    }

    public func connect(nodeID: String, namespace: String, receive: @escaping @Sendable ([TransportPacket]) -> Void) async throws {
        // The nodeID ends subjects: dots are fine (it spans tokens), wildcards and blanks are not.
        let tokens = nodeID.split(separator: ".", omittingEmptySubsequences: false)
        guard !tokens.contains(where: { $0.isEmpty || $0 == "*" || $0 == ">" }), !nodeID.contains(where: \.isWhitespace) else {
            throw BrokerError.server("The nodeID '\(nodeID)' cannot be part of a NATS subject (no blanks, empty tokens, '*' or '>').")
        }
        let session = NATSSession(
            subjects: NATSSubjects(namespace: namespace, nodeID: nodeID), options: options, eventLoop: group.next(), receive: receive)
        let first = try await session.connectToAnyServer(deadline: .now + options.connectTimeout)
        let supervisor = Task { await session.keepConnected(first) }
        let previous = current.withLock { current in
            defer { current = Connection(session: session, supervisor: supervisor) }
            return current
        }
        if let previous { await Self.close(previous) }
    }

    /// True while a connection to a server is up (false while reconnecting and after
    /// `disconnect`); packets sent meanwhile wait in the queue.
    public var isConnected: Bool { current.withLock { $0?.session.isConnected ?? false } }

    public func send(_ packet: TransportPacket) throws {
        guard let session = current.withLock({ $0?.session }) else {
            throw BrokerError.brokerDisconnected("The NATS transporter is not connected.")
        }
        try session.enqueue(packet)
    }

    /// Writes what is queued (bounded wait), closes the connection and stops reconnecting.
    public func disconnect() async {
        guard let connection = current.withLock({ $0 }) else { return }
        await Self.close(connection)
    }

    private static func close(_ connection: Connection) async {
        connection.supervisor.cancel()
        await connection.session.close()
        await connection.supervisor.value
    }
}
