import ServiceLifecycle

/// Starting and stopping.
extension ServiceBroker: ServiceLifecycle.Service {
    /// Runs the broker until graceful shutdown (SIGTERM/SIGINT in a `ServiceGroup`), then stops it.
    public func run() async throws {
        try await start()
        try? await gracefulShutdown()
        await stop()
    }

    /// Connects, discovers the cluster, starts the local services and announces them.
    public func start() async throws {
        try lifecycle.withLock { state in
            guard state.phase == .created else { throw BrokerError.server("The broker was already started.") }
            state.phase = .starting
        }
        logger.info("broker starting", metadata: ["namespace": "\(namespace)"])
        if let transporter {
            try await transporter.connect(nodeID: nodeID, namespace: namespace) { [weak self] batch in self?.receive(batch) }
        }
        let background = Task { await self.runBackgroundLoops() }
        lifecycle.withLock { $0.background = background }
        if transporter != nil {
            send(.discover(DiscoverPacket(sender: nodeID)), to: nil)
            if configuration.lifecycle.discoveryWait > .zero { try? await clock.sleep(for: configuration.lifecycle.discoveryWait) }
        }
        if lifecycle.withLock({ $0.conflict }) {
            await stop()
            throw BrokerError.server("Another node already uses the nodeID '\(nodeID)'.")
        }
        do {
            try await startService(nodeService(), announce: false)
            let schemas = lifecycle.withLock { $0.schemas }
            try await withThrowingTaskGroup(of: Void.self) { group in
                for schema in schemas { group.addTask { try await self.startService(schema, announce: false) } }
                try await group.waitForAll()
            }
        } catch {
            logger.debug("a service failed to start", metadata: ["error": "\(error)"])
            await stop()
            throw error
        }
        lifecycle.withLock { $0.phase = .started }
        sendInfo(to: nil)
        for middleware in middlewares { await middleware.brokerStarted(self) }
        logger.info("broker started", metadata: ["services": "\(schemas.count)"])
        await broadcastLocal("$broker.started")
    }

    private var schemas: [ServiceSchema] { lifecycle.withLock { $0.schemas } }

    /// Leaves the cluster gracefully: tells peers, waits (up to `lifecycle.drainTimeout`) for
    /// the requests and event handlers still running, then runs the services' `stopped` hooks
    /// (last started, first stopped), says DISCONNECT and disconnects.
    public func stop() async {
        let previous = lifecycle.withLock { state in
            defer { if state.phase != .stopped { state.phase = .stopping } }
            return state.phase
        }
        guard previous == .started || previous == .starting else {
            lifecycle.withLock { $0.phase = .stopped }
            return
        }
        logger.info("broker stopping")
        sendInfo(to: nil)
        if configuration.lifecycle.stopDelay > .zero { try? await clock.sleep(for: configuration.lifecycle.stopDelay) }
        let entries = registry.withLock { $0.unregisterAllLocal() }
        signals.notify()
        if !(await inFlight.drained(timeout: configuration.lifecycle.drainTimeout, clock: clock)) {
            logger.warning("stopping with work still running", metadata: ["in.flight": "\(inFlight.value)"])
        }
        for entry in entries.reversed() {
            do {
                try await entry.schema.stopped?(self)
            } catch {
                logger.error("a service failed to stop", metadata: ["service.name": "\(entry.schema.fullName)", "error": "\(error)"])
            }
        }
        for middleware in middlewares.reversed() { await middleware.brokerStopped(self) }
        if transporter != nil { send(.disconnect(DisconnectPacket(sender: nodeID)), to: nil) }
        rejectPending(of: nil) { _, _ in .brokerDisconnected("The broker is stopping.") }
        await transporter?.disconnect()
        let background = lifecycle.withLock { state in
            state.phase = .stopped
            return state.background
        }
        background?.cancel()
        await background?.value
        logger.info("broker stopped")
    }

    /// Heartbeats, liveness checks and deadline sweeps, until the broker stops.
    private func runBackgroundLoops() async {
        await withTaskGroup(of: Void.self) { group in
            if transporter != nil { group.addTask { await self.heartbeatLoop() } }
            group.addTask { await self.sweepLoop() }
        }
    }

    private func heartbeatLoop() async {
        var sampler = CPUUsageSampler()
        let options = configuration.heartbeat
        while !Task.isCancelled {
            do { try await clock.sleep(for: options.interval) } catch { return }
            send(.heartbeat(HeartbeatPacket(sender: nodeID, cpu: sampler.sample())), to: nil)
            let now = clock.now
            perform(registry.withLock { $0.checkLiveness(now: now, timeout: options.timeout, forgetAfter: options.forgetAfter) })
            if usesLatency { Task { _ = await self.pingAll(timeout: options.interval) } }
        }
    }

    /// Whether any strategy in use needs round-trip times (then every heartbeat also pings).
    private var usesLatency: Bool {
        configuration.registry.strategy.name == StrategyKind.latency().name
    }

    private func sweepLoop() async {
        while !Task.isCancelled {
            if pending.withLock({ $0.deadlineCount == 0 }) {
                await signals.waitForDeadline()
                continue
            }
            do { try await clock.sleep(for: configuration.timeoutResolution) } catch { return }
            expireDeadlines()
        }
    }

    /// Sends this node's INFO to `target`, or to every node; empty services while stopping.
    func sendInfo(to target: String?) {
        let stopping = lifecycle.withLock { $0.phase == .stopping || $0.phase == .stopped }
        let (services, seq) = registry.withLock { ($0.localServiceInfos, $0.localSeq) }
        var metadata = configuration.metadata
        if let transporter { metadata.merge(transporter.infoMetadata) { _, transport in transport } }
        let info = InfoPacket(
            sender: nodeID, services: stopping ? [] : services, ipList: ipList, hostname: ProcessInfoLite.hostname,
            client: ClientInfo(type: "swift", version: quarkVersion, langVersion: "6"), config: [:], instanceID: instanceID,
            metadata: metadata, seq: stopping ? seq + 1 : seq)
        send(.info(info), to: target)
    }
}

/// Quark's version, sent in INFO.
public let quarkVersion = "0.1.0"
