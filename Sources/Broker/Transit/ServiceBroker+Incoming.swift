/// Packets arriving from the transporter.
extension ServiceBroker {
    /// Entry point of the transporter's receive loop. Quick work (RES, registry updates) is
    /// decoded and done inline. A REQ is decoded in its handler's own task: its values are then
    /// allocated and freed on one thread (freeing another thread's allocations made the callee
    /// contend for malloc's locks: about one futex call per request, a third now), and the
    /// receive loop is free sooner. EVENTs go through the event lanes, which keep each sender's
    /// order.
    func receive(_ batch: [TransportPacket]) {
        for transportPacket in batch {
            switch transportPacket.type {
            case .request:
                Task {
                    if case .request(let request)? = decode(transportPacket) { await handleRequest(request) }
                }
            case .event:
                if eventLanes.withLock({ $0.accept(transportPacket) }) { Task { await drainEventIntake() } }
            default:
                if let packet = decode(transportPacket) { dispatchIncoming(packet) }
            }
        }
    }

    /// The packet, or nil when it is dropped: malformed (counted), or our own.
    private func decode(_ transportPacket: TransportPacket) -> Packet? {
        let packet: Packet
        do {
            packet = try serializer.deserialize(transportPacket.payload, type: transportPacket.type)
        } catch {
            metrics.packetDropped()
            logger.debug("packet dropped", metadata: ["packet.type": "\(transportPacket.type.rawValue)", "error": "\(error)"])
            return nil
        }
        metrics.packetReceived(packet.type)
        // Our own packets matter only for nodeID conflicts: answer our own DISCOVER (a twin
        // learns of us) and check our own INFO's instanceID.
        if packet.sender == nodeID, packet.type != .info, packet.type != .discover { return nil }
        return packet
    }

    private func dispatchIncoming(_ packet: Packet) {
        switch packet {
        case .response(let response):
            guard let entry = pending.withLock({ $0.remove(response.id, ifFrom: response.sender) }) else { return }
            if response.success {
                entry.continuation.resume(returning: Reply(data: response.data, meta: response.meta))
            } else {
                var error = response.error ?? BrokerError.server("Unknown error from '\(response.sender)'.")
                if error.nodeID == nil { error.nodeID = response.sender }
                entry.continuation.resume(throwing: error)
            }
        case .request, .event:
            break  // decoded and handled in their own tasks (receive)
        case .info(let info):
            // The transit chains are built outside the registry's lock: middlewares run then.
            let endpoints = registry.withLock { $0.isCurrent(info) } ? [] : Registry.remoteActions(of: info).map { definition in
                ActionEndpoint(definition: definition, handler: remoteChain(definition))
            }
            let now = clock.now
            perform(registry.withLock { $0.processInfo(info, endpoints: endpoints, now: now) })
        case .discover(let discover):
            sendInfo(to: discover.sender)
        case .heartbeat(let heartbeat):
            let now = clock.now
            perform(registry.withLock { $0.processHeartbeat(sender: heartbeat.sender, cpu: heartbeat.cpu, now: now) })
        case .disconnect(let disconnect):
            let now = clock.now
            perform(registry.withLock { $0.processDisconnect(sender: disconnect.sender, now: now) })
        case .ping(let ping):
            send(.pong(PongPacket(sender: nodeID, id: ping.id, time: ping.time, arrived: WallClock.milliseconds)), to: ping.sender)
        case .pong(let pong):
            resolvePing(pong)
        }
    }

    /// Runs a peer's request on the local endpoint and answers with a RES.
    func handleRequest(_ request: RequestPacket) async {
        let (endpoint, timeoutInSeconds) = registry.withLock {
            ($0.localEndpoint(request.action, remoteCaller: true), $0.nodes[request.sender]?.sendsTimeoutInSeconds ?? false)
        }
        guard let endpoint else {
            let phase = lifecycle.withLock { $0.phase }
            let error: BrokerError = phase == .stopping || phase == .stopped
                ? .serviceNotAvailable(action: request.action, nodeID: nodeID) : .serviceNotFound(action: request.action, nodeID: nodeID)
            respond(to: request, result: .failure(error), meta: request.meta)
            return
        }
        let timeout: Duration? = request.timeout > 0
            ? (timeoutInSeconds ? .milliseconds(Int64(request.timeout * 1000)) : .milliseconds(Int64(request.timeout))) : nil
        let ctx = Context(
            id: request.id, requestID: request.requestID, parentID: request.parentID, level: request.level, caller: request.caller,
            nodeID: request.sender, action: endpoint.definition, service: endpoint.definition.service, params: request.params,
            meta: request.meta, deadline: nil, options: CallOptions(timeout: timeout), broker: self)
        inFlight.begin()
        defer { inFlight.end() }
        do {
            let data = try await endpoint.handler(ctx)
            respond(to: request, result: .success(data), meta: ctx.meta)
        } catch {
            respond(to: request, result: .failure(BrokerError.wrapping(error, nodeID: nodeID)), meta: ctx.meta)
        }
    }

    private func respond(to request: RequestPacket, result: Result<JSON, BrokerError>, meta: [String: JSON]) {
        let response: ResponsePacket
        switch result {
        case .success(let data):
            response = ResponsePacket(sender: nodeID, id: request.id, success: true, data: data, error: nil, meta: meta)
        case .failure(var error):
            if error.nodeID == nil { error.nodeID = nodeID }
            response = ResponsePacket(sender: nodeID, id: request.id, success: false, data: .null, error: error, meta: meta)
        }
        send(.response(response), to: request.sender)
    }

    /// Decodes the packets of the event intake in arrival order and puts each event in its
    /// sender's lane, starting the lane's task when the lane was idle.
    private func drainEventIntake() async {
        while let batch = eventLanes.withLock({ $0.takeIntake() }) {
            for transportPacket in batch {
                guard case .event(let event)? = decode(transportPacket) else { continue }
                if eventLanes.withLock({ $0.enqueue(event) }) {
                    inFlight.begin()
                    Task { await runEventLane(of: event.sender) }
                }
            }
        }
    }

    /// Handles one sender's events one after another until its lane is empty.
    private func runEventLane(of sender: String) async {
        while let event = eventLanes.withLock({ $0.next(of: sender) }) { await handleEvent(event) }
        inFlight.end()
    }

    /// Delivers a peer's event to the local handlers of the groups it names.
    func handleEvent(_ event: EventPacket) async {
        await deliverLocal(
            event.event, data: event.data, groups: event.groups, meta: event.meta, sender: event.sender, level: event.level,
            requestID: event.requestID, parentID: event.parentID, caller: event.caller, id: event.id)
    }

    /// Does what the registry asked for after a change.
    func perform(_ directives: [RegistryDirective]) {
        guard !directives.isEmpty else { return }
        for directive in directives {
            switch directive {
            case .sendDiscover(let target):
                send(.discover(DiscoverPacket(sender: nodeID)), to: target)
            case .rejectPending(let target):
                rejectPending(of: target) { action, node in
                    .requestRejected(action: action, nodeID: node, reason: "The node has left the cluster.")
                }
            case .nodeIDConflict(let other):
                logger.critical("another node uses this nodeID", metadata: ["peer.node.id": "\(other)"])
                lifecycle.withLock { $0.conflict = true }
            case .nodeDisconnected(let id, _):
                transporter?.peerLeft(id)
            case .nodeConnected, .nodeUpdated, .servicesChanged:
                break
            }
        }
        signals.notify()
        metrics.nodesOnline.record(registry.withLock { $0.availableNodes.count })
        Task { await announce(directives) }
    }

    /// Logs registry changes and raises the matching internal events.
    private func announce(_ directives: [RegistryDirective]) async {
        for directive in directives {
            switch directive {
            case .nodeConnected(let id, let reconnected):
                logger.info("node connected", metadata: ["peer.node.id": "\(id)", "reconnected": "\(reconnected)"])
                await broadcastLocal("$node.connected", ["node": nodeJSON(id), "reconnected": .bool(reconnected)])
            case .nodeUpdated(let id):
                await broadcastLocal("$node.updated", ["node": nodeJSON(id)])
            case .nodeDisconnected(let id, let unexpected):
                if unexpected {
                    logger.warning("node disconnected unexpectedly", metadata: ["peer.node.id": "\(id)"])
                } else {
                    logger.info("node disconnected", metadata: ["peer.node.id": "\(id)"])
                }
                await broadcastLocal("$node.disconnected", ["node": nodeJSON(id), "unexpected": .bool(unexpected)])
            case .servicesChanged(let localOnly):
                await broadcastLocal("$services.changed", ["localService": .bool(localOnly)])
            case .sendDiscover, .rejectPending, .nodeIDConflict:
                break
            }
        }
    }

    func nodeJSON(_ id: String) -> JSON {
        registry.withLock { $0.nodes[id]?.json } ?? ["id": .string(id)]
    }
}
