/// Answers a failed call with the call's fallback, else the action's, once retries are spent.
struct FallbackMiddleware: BrokerMiddleware {
    func wrapCall(_ next: @escaping CallHandler, broker: ServiceBroker) -> CallHandler {
        { request in
            do {
                return try await next(request)
            } catch {
                let brokerError = BrokerError.wrapping(error, nodeID: broker.nodeID)
                guard let fallback = request.options.fallback ?? broker.definition(of: request.action)?.fallback else { throw brokerError }
                broker.logger.debug("fallback used", metadata: ["action.name": "\(request.action)", "error": "\(brokerError.code)"])
                return try await fallback(request, brokerError)
            }
        }
    }
}

extension ServiceBroker {
    /// What is known of an action: a local endpoint's definition first, else any endpoint's.
    func definition(of action: String) -> ActionDefinition? {
        registry.withLock { registry in
            guard let endpoints = registry.actions[action] else { return nil }
            return (endpoints.first(where: \.isLocal) ?? endpoints.first)?.definition
        }
    }
}
