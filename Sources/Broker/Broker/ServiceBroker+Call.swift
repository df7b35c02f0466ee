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
        try decodeResult(try await call(action, params, options: options, parent: nil), action: action)
    }

    /// Calls an action with `Encodable` params and decodes its result as `T`.
    public func call<P: Encodable, T: Decodable>(
        _ action: String, params: P, as type: T.Type, options: CallOptions = CallOptions()
    ) async throws -> T {
        try decodeResult(try await call(action, try encodeParams(params, action: action), options: options, parent: nil), action: action)
    }

    func encodeParams<P: Encodable>(_ params: P, action: String) throws -> JSON {
        do {
            return try JSONValueEncoder().encode(params)
        } catch {
            throw BrokerError.client("The params of '\(action)' cannot be encoded: \(error)", type: "INVALID_PARAMS")
        }
    }

    /// Every error comes out as a `BrokerError`: the fallback middleware, outermost of the
    /// call pipeline, converts anything else.
    func call(_ action: String, _ params: JSON, options: CallOptions, parent: Context?) async throws -> JSON {
        try await callChain(CallRequest(action: action, params: params, options: options, parent: parent))
    }

    func decodeResult<T: Decodable>(_ result: JSON, action: String) throws -> T {
        do {
            return try JSONValueDecoder().decode(T.self, from: result)
        } catch {
            throw BrokerError.client(
                "The result of '\(action)' does not decode as \(T.self): \(error)", type: "RESULT_TYPE_MISMATCH", data: ["result": result])
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
