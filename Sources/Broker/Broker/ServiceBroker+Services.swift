/// Creating services and waiting for them.
extension ServiceBroker {
    /// Adds a service. Before `start()` it is started with the broker; afterwards it starts at
    /// once (dependencies first) and is announced to the cluster.
    public func createService(_ schema: ServiceSchema) async throws {
        try validate(schema)
        let startNow = try lifecycle.withLock { state -> Bool in
            if state.schemas.contains(where: { $0.fullName == schema.fullName }) {
                throw BrokerError(code: .serviceSchema, message: "The service '\(schema.fullName)' is already registered.")
            }
            state.schemas.append(schema)
            return state.phase == .started
        }
        if startNow { try await startService(schema, announce: true) }
    }

    private func validate(_ schema: ServiceSchema) throws {
        guard !schema.name.isEmpty, !schema.name.contains(" ") else {
            throw BrokerError(code: .serviceSchema, message: "A service needs a name without spaces (got '\(schema.name)').")
        }
        var seen: Set<String> = []
        for action in schema.actions {
            if let error = action.schemaError { throw error }
            guard !action.name.isEmpty, seen.insert(action.name).inserted else {
                throw BrokerError(code: .serviceSchema, message: "The service '\(schema.fullName)' declares the action '\(action.name)' twice or without a name.")
            }
        }
    }

    /// Waits for dependencies, runs `started`, then puts the service in the registry. A service
    /// whose dependencies never come or whose `started` throws is not registered (so never
    /// announced), and the error names it.
    func startService(_ schema: ServiceSchema, announce: Bool) async throws {
        if !schema.dependencies.isEmpty {
            logger.info("waiting for dependencies", metadata: ["service.name": "\(schema.fullName)", "dependencies": "\(schema.dependencies)"])
            try await waitForServices(schema.dependencies, timeout: configuration.lifecycle.dependencyTimeout)
        }
        let entry = localEntry(schema)
        do {
            try await schema.started?(self)
        } catch {
            let reason = (error as? BrokerError)?.message ?? "\(error)"
            throw BrokerError(
                code: .serverError, message: "The service '\(schema.fullName)' failed to start: \(reason)",
                data: ["service": .string(schema.fullName)], nodeID: nodeID, cause: "\(error)")
        }
        registry.withLock { $0.registerLocal(entry) }
        signals.notify()
        logger.debug("service started", metadata: ["service.name": "\(schema.fullName)"])
        if announce {
            sendInfo(to: nil)
            await broadcastLocal("$services.changed", ["localService": true])
        }
    }

    private func localEntry(_ schema: ServiceSchema) -> LocalServiceEntry {
        let service = schema.fullName
        let actions = schema.actions.map { action in
            let definition = ActionDefinition(local: action, service: service, nodeID: nodeID)
            var handler = action.handler
            for middleware in middlewares { handler = middleware.wrapLocalAction(handler, action: definition) }
            return ActionEndpoint(definition: definition, handler: handler)
        }
        let events = schema.events.map { event in
            let definition = EventDefinition(name: event.name, group: event.group ?? schema.name, service: service)
            var handler = event.handler
            for middleware in middlewares { handler = middleware.wrapLocalEvent(handler, event: definition) }
            return EventEndpoint(nodeID: nodeID, service: service, pattern: WildcardPattern(event.name), group: definition.group, handler: handler)
        }
        return LocalServiceEntry(schema: schema, actions: actions, events: events)
    }

    /// The chain in front of a remote endpoint: the middlewares around the transit request.
    func remoteChain(_ definition: ActionDefinition) -> ActionHandler {
        // A loop, not `reduce`: passing closures through a generic accumulator wraps each layer
        // in re-abstraction thunks that cost an async frame per call.
        var handler: ActionHandler = { [unowned self] ctx in try await self.request(ctx) }
        for middleware in middlewares { handler = middleware.wrapRemoteAction(handler, action: definition) }
        return handler
    }

    /// Waits until every named service (full names such as `v2.posts`) is available somewhere
    /// in the cluster; throws a retryable error after `timeout` (nil waits forever).
    public func waitForServices(_ names: [String], timeout: Duration? = nil) async throws {
        let deadline = timeout.map { clock.now + $0 }
        while true {
            let version = signals.version
            if registry.withLock({ $0.hasServices(names) }) { return }
            if let deadline, clock.now >= deadline {
                let missing = registry.withLock { registry in names.filter { !registry.hasServices([$0]) } }
                throw BrokerError.retryable(
                    "Waiting for services timed out: \(missing.joined(separator: ", ")).", type: "WAITFOR_SERVICES",
                    data: ["services": .array(missing.map(JSON.string))])
            }
            try Task.checkCancellation()
            await signals.waitForChange(after: version, until: deadline, clock: clock)
        }
    }

    /// Waits until every named node is online and known to this node's registry.
    public func waitForNodes(_ nodeIDs: [String], timeout: Duration? = nil) async throws {
        let deadline = timeout.map { clock.now + $0 }
        while true {
            let version = signals.version
            let online = Set(registry.withLock { $0.availableNodes.map(\.id) })
            if Set(nodeIDs).isSubset(of: online) { return }
            if let deadline, clock.now >= deadline {
                throw BrokerError.retryable("Waiting for nodes timed out: \(Set(nodeIDs).subtracting(online).sorted()).")
            }
            try Task.checkCancellation()
            await signals.waitForChange(after: version, until: deadline, clock: clock)
        }
    }

    /// The names of the local services, `$node` included.
    public var localServiceNames: [String] {
        registry.withLock { $0.localServices.map(\.schema.fullName) }
    }
}
