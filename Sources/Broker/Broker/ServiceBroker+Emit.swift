/// Emitting events.
extension ServiceBroker {
    /// A balanced event: one handler per subscribed group, cluster-wide. Names starting with `$`
    /// stay on this node. Returns when local handlers have run and remote nodes have been sent to.
    public func emit(_ event: String, _ data: JSON = .null, options: EventOptions = EventOptions()) async {
        await emit(event, data, options: options, parent: nil)
    }

    /// An event to every subscribed handler on every node.
    public func broadcast(_ event: String, _ data: JSON = .null, options: EventOptions = EventOptions()) async {
        await broadcast(event, data, options: options, parent: nil)
    }

    /// An event to every subscribed handler on this node only.
    public func broadcastLocal(_ event: String, _ data: JSON = .null, options: EventOptions = EventOptions()) async {
        await deliverLocal(event, data: data, groups: options.groups, meta: options.meta, sender: nodeID, level: 1, requestID: nil, parentID: nil, caller: nil, id: ids.next())
    }

    func emit(_ event: String, _ data: JSON, options: EventOptions, parent: Context?) async {
        if event.hasPrefix("$") {
            await broadcastLocal(event, data, options: options)
            return
        }
        metrics.eventEmitted(event)
        let preferLocal = configuration.registry.preferLocal
        let targets = registry.withLock { $0.emitTargets(event, groups: options.groups, preferLocal: preferLocal) }
        let envelope = EventEnvelope(broker: self, event: event, data: data, options: options, parent: parent)
        var localGroups: [String]?
        for (target, groups) in targets.sorted(by: { $0.key < $1.key }) {
            if target == nodeID {
                localGroups = groups
            } else {
                await sendPaced(.event(envelope.packet(groups: groups, broadcast: false)), to: target)
            }
        }
        if let localGroups { await envelope.deliverHere(groups: localGroups) }
    }

    func broadcast(_ event: String, _ data: JSON, options: EventOptions, parent: Context?) async {
        if event.hasPrefix("$") {
            await broadcastLocal(event, data, options: options)
            return
        }
        metrics.eventEmitted(event)
        let targets = registry.withLock { $0.broadcastTargets(event, groups: options.groups) }
        let envelope = EventEnvelope(broker: self, event: event, data: data, options: options, parent: parent)
        for target in targets where target != nodeID {
            await sendPaced(.event(envelope.packet(groups: options.groups, broadcast: true)), to: target)
        }
        if targets.contains(nodeID) { await envelope.deliverHere(groups: options.groups) }
    }

    /// Runs the matching local handlers concurrently and returns when they have; a failing
    /// handler is logged, never thrown back to the emitter.
    func deliverLocal(
        _ event: String, data: JSON, groups: [String]?, meta: [String: JSON], sender: String, level: Int,
        requestID: String?, parentID: String?, caller: String?, id: String
    ) async {
        let handlers = registry.withLock { $0.localEventHandlers(event, groups: groups) }
        guard !handlers.isEmpty else { return }
        inFlight.begin()
        defer { inFlight.end() }
        let contexts = handlers.map { endpoint in
            Context(
                id: id, requestID: requestID, parentID: parentID, level: level, caller: caller, nodeID: sender,
                action: nil, eventName: event, eventGroups: groups, service: endpoint.service, params: data, meta: meta,
                deadline: nil, broker: self)
        }
        // One handler (the usual case) runs in this task; several run concurrently.
        if handlers.count == 1 {
            await runEventHandler(handlers[0], contexts[0])
            return
        }
        await withTaskGroup(of: Void.self) { group in
            for (endpoint, ctx) in zip(handlers, contexts) {
                group.addTask { await self.runEventHandler(endpoint, ctx) }
            }
        }
    }

    /// Runs one local handler; a failure is logged, never thrown back to the emitter.
    private func runEventHandler(_ endpoint: EventEndpoint, _ ctx: Context) async {
        guard let handler = endpoint.handler else { return }
        do {
            try await handler(ctx)
        } catch {
            logger.error(
                "event handler failed",
                metadata: ["event.name": "\(ctx.eventName ?? "?")", "service.name": "\(endpoint.service)", "error": "\(error)"])
        }
    }
}

/// One emitted event, turned into packets or local deliveries.
private struct EventEnvelope {
    let broker: ServiceBroker
    let event: String
    let data: JSON
    let options: EventOptions
    let parent: Context?
    let id: String
    let meta: [String: JSON]

    init(broker: ServiceBroker, event: String, data: JSON, options: EventOptions, parent: Context?) {
        self.broker = broker
        self.event = event
        self.data = data
        self.options = options
        self.parent = parent
        id = broker.ids.next()
        var meta = parent?.meta ?? [:]
        meta.merge(options.meta) { _, new in new }
        self.meta = meta
    }

    func packet(groups: [String]?, broadcast: Bool) -> EventPacket {
        EventPacket(
            sender: broker.nodeID, id: id, event: event, data: data, groups: groups, broadcast: broadcast, meta: meta,
            level: (parent?.level ?? 0) + 1, tracing: nil, parentID: parent?.id, requestID: parent?.requestID ?? id,
            caller: parent?.service, needAck: nil)
    }

    func deliverHere(groups: [String]?) async {
        await broker.deliverLocal(
            event, data: data, groups: groups, meta: meta, sender: broker.nodeID, level: (parent?.level ?? 0) + 1,
            requestID: parent?.requestID ?? id, parentID: parent?.id, caller: parent?.service, id: id)
    }
}
