import Broker
import NIOCore
import NIOPosix

extension NATSSession {
    /// Tries the servers in turn (the configured ones, then those the cluster advertised), pausing with backoff after each failed round, until one
    /// handshakes or `deadline` passes (nil: until cancelled or closed). Returns the channel.
    func connectToAnyServer(deadline: ContinuousClock.Instant?) async throws -> any Channel {
        var delay = options.reconnectDelay
        var lastError: (any Error)?
        while true {
            for server in servers {
                try Task.checkCancellation()
                if isClosed { throw CancellationError() }
                do {
                    let (channel, info) = try await dial(server)
                    guard attach(channel, info: info) else { throw CancellationError() }
                    options.logger.info(
                        "NATS connected",
                        metadata: ["nats.server": "\(server)", "nats.version": "\(info.version)", "nats.max_payload": "\(info.maxPayload)"])
                    return channel
                } catch {
                    lastError = error
                    options.logger.debug("NATS connect failed", metadata: ["nats.server": "\(server)", "error": "\(error)"])
                }
            }
            if let deadline, ContinuousClock.now + delay > deadline {
                let servers = options.servers.map(\.description).joined(separator: ", ")
                throw BrokerError.server("Cannot connect to NATS (\(servers)): \(lastError.map { "\($0)" } ?? "no server")")
            }
            try await Task.sleep(for: delay)
            delay = min(delay * 2, options.reconnectMaxDelay)
        }
    }

    /// Keeps the session connected: waits for the channel to close, then reconnects (forever,
    /// with backoff) until the session is closed or the task cancelled.
    func keepConnected(_ first: any Channel) async {
        var channel = first
        while true {
            try? await channel.closeFuture.get()
            detach(channel)
            if isClosed || Task.isCancelled { return }
            options.logger.warning("NATS connection lost; reconnecting")
            do {
                channel = try await connectToAnyServer(deadline: nil)
            } catch {
                return
            }
        }
    }

    private func dial(_ server: NATSServerAddress) async throws -> (any Channel, NATSServerInfo) {
        let handshake = eventLoop.makePromise(of: NATSServerInfo.self)
        let credentials = NATSCredentials(server: server, options: options)
        let pingInterval = TimeAmount.nanoseconds(Int64(options.pingInterval.components.seconds) * 1_000_000_000)
        let channel: any Channel
        do {
            channel = try await ClientBootstrap(group: eventLoop)
                .connectTimeout(.seconds(2))
                .channelOption(.socketOption(.tcp_nodelay), value: 1)
                .channelOption(.writeBufferWaterMark, value: .init(low: 256 << 10, high: 1 << 20))
                .channelInitializer { channel in
                    channel.eventLoop.makeCompletedFuture {
                        try channel.pipeline.syncOperations.addHandlers([
                            ByteToMessageHandler(NATSOpDecoder()),
                            IdleStateHandler(readTimeout: pingInterval),
                            NATSConnectionHandler(session: self, credentials: credentials, handshake: handshake),
                        ])
                    }
                }
                .connect(host: server.host, port: server.port)
                .get()
        } catch {
            handshake.fail(error)
            throw error
        }
        let timeout = eventLoop.scheduleTask(in: .seconds(5)) {
            handshake.fail(NATSServerError(message: "no handshake within 5 s"))
            channel.close(promise: nil)
        }
        defer { timeout.cancel() }
        do {
            return (channel, try await handshake.futureResult.get())
        } catch {
            try? await channel.close()
            throw error
        }
    }
}
