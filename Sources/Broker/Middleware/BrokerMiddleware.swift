/// A hook around calls, action handlers and event handlers. Every method has a default that
/// changes nothing, so a middleware implements only what it needs.
///
/// Middlewares listed in `BrokerConfiguration.middlewares` wrap handlers innermost first (the
/// first in the list is closest to the handler), inside the built-in ones, as in Moleculer.
public protocol BrokerMiddleware: Sendable {
    /// Wraps a whole call: endpoint selection and the chosen endpoint's chain. Runs once per
    /// `broker.call` / `ctx.call`; a retry here re-balances.
    func wrapCall(_ next: @escaping CallHandler, broker: ServiceBroker) -> CallHandler
    /// Wraps a local action's handler once, when the service is registered.
    func wrapLocalAction(_ next: @escaping ActionHandler, action: ActionDefinition) -> ActionHandler
    /// Wraps the transit call to one remote endpoint, when the endpoint is discovered.
    func wrapRemoteAction(_ next: @escaping ActionHandler, action: ActionDefinition) -> ActionHandler
    /// Wraps a local event handler once, when the service is registered.
    func wrapLocalEvent(_ next: @escaping EventHandler, event: EventDefinition) -> EventHandler
    /// Called when the broker has started (services are running).
    func brokerStarted(_ broker: ServiceBroker) async
    /// Called when the broker has stopped.
    func brokerStopped(_ broker: ServiceBroker) async
}

extension BrokerMiddleware {
    public func wrapCall(_ next: @escaping CallHandler, broker: ServiceBroker) -> CallHandler { next }
    public func wrapLocalAction(_ next: @escaping ActionHandler, action: ActionDefinition) -> ActionHandler { next }
    public func wrapRemoteAction(_ next: @escaping ActionHandler, action: ActionDefinition) -> ActionHandler { next }
    public func wrapLocalEvent(_ next: @escaping EventHandler, event: EventDefinition) -> EventHandler { next }
    public func brokerStarted(_ broker: ServiceBroker) async {}
    public func brokerStopped(_ broker: ServiceBroker) async {}
}

/// One call as it enters the call pipeline.
public struct CallRequest: Sendable {
    public var action: String
    public var params: JSON
    public var options: CallOptions
    /// The context of the handler making the call, for nested calls.
    public var parent: Context?
    /// 1-based attempt number, raised by the retry middleware.
    public var attempt: Int = 1
}

/// The call pipeline's handler type.
public typealias CallHandler = @Sendable (CallRequest) async throws -> JSON

/// A local event subscription, as middlewares see it.
public struct EventDefinition: Sendable {
    public var name: String
    public var group: String
    public var service: String
}
