/// Calling actions.
extension ServiceBroker {
    /// Calls an action anywhere in the cluster and returns its result.
    /// Every failure is thrown as a `BrokerError`.
    public func call(_ action: String, _ params: JSON = [:], options: CallOptions = CallOptions()) async throws -> JSON {
        try await call(action, params, options: options, parent: nil)
    }

    /// Calls an action and decodes its result as `T`.
    public func call<T: Decodable>(
        _ action: String, _ params: JSON = [:], as type: T.Type, options: CallOptions = CallOptions()
    ) async throws -> T {
        let result = try await call(action, params, options: options, parent: nil)
        return try JSONValueDecoder().decode(T.self, from: result)
    }

    /// Calls an action with `Encodable` params and decodes its result as `T`.
    public func call<P: Encodable, T: Decodable>(
        _ action: String, params: P, as type: T.Type, options: CallOptions = CallOptions()
    ) async throws -> T {
        let result = try await call(action, try JSONValueEncoder().encode(params), options: options, parent: nil)
        return try JSONValueDecoder().decode(T.self, from: result)
    }

    func call(_ action: String, _ params: JSON, options: CallOptions, parent: Context?) async throws -> JSON {
        do {
            return try await callChain(CallRequest(action: action, params: params, options: options, parent: parent))
        } catch let error as BrokerError {
            throw error
        } catch {
            throw BrokerError.wrapping(error, nodeID: nodeID)
        }
    }

    /// The innermost step of the call pipeline: pick an endpoint, build the context, run the
    /// endpoint's chain, merge the callee's meta into the parent.
    func dispatch(_ request: CallRequest) async throws -> JSON {
        let parent = request.parent
        let level = (parent?.level ?? 0) + 1
        if configuration.maxCallLevel > 0, level > configuration.maxCallLevel {
            throw BrokerError.maxCallLevel(nodeID: nodeID, level: level)
        }
        var meta = parent?.meta ?? [:]
        if !request.options.meta.isEmpty { meta.merge(request.options.meta) { _, new in new } }
        let endpoint = try selectEndpoint(request.action, nodeID: request.options.nodeID, params: request.params, meta: meta)
        let ctx = Context(
            id: nil, requestID: request.options.requestID ?? parent?.requestID, parentID: parent?.id, level: level,
            caller: parent?.service, nodeID: nodeID, action: endpoint.definition, service: endpoint.definition.service,
            params: request.params, meta: meta, deadline: parent?.deadline, options: request.options, broker: self)
        do {
            let result = try await endpoint.handler(ctx)
            parent?.mergeMeta(ctx.meta)
            return result
        } catch {
            parent?.mergeMeta(ctx.meta)
            throw error
        }
    }

    func selectEndpoint(_ action: String, nodeID target: String?, params: JSON, meta: [String: JSON]) throws -> ActionEndpoint {
        let preferLocal = configuration.registry.preferLocal
        let breakers = self.breakers
        let result = registry.withLock { registry in
            registry.selectEndpoint(
                action, nodeID: target, context: SelectionContext(params: params, meta: meta), preferLocal: preferLocal,
                isCallable: { breakers.isCallable($0.definition) })
        }
        return try result.get()
    }
}
