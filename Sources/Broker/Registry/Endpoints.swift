/// One node's implementation of an action, with its handler already wrapped by the middlewares
/// (the local chain for a local endpoint, the transit chain for a remote one).
public struct ActionEndpoint: Sendable {
    public let definition: ActionDefinition
    let handler: ActionHandler

    public var nodeID: String { definition.nodeID }
    public var isLocal: Bool { definition.isLocal }
}

/// One node's subscription to an event pattern in a group.
struct EventEndpoint: Sendable {
    let nodeID: String
    let service: String
    let pattern: WildcardPattern
    let group: String
    /// The wrapped local handler; nil for a remote node's subscription.
    let handler: EventHandler?

    var isLocal: Bool { handler != nil }
}

/// A local service as it enters the registry.
struct LocalServiceEntry: Sendable {
    let schema: ServiceSchema
    let actions: [ActionEndpoint]
    let events: [EventEndpoint]

    var info: ServiceInfo {
        var actionInfos: [String: ActionInfo] = [:]
        for endpoint in actions { actionInfos[endpoint.definition.name] = endpoint.definition.info }
        var eventInfos: [String: EventInfo] = [:]
        for event in events { eventInfos[event.pattern.pattern] = EventInfo(name: event.pattern.pattern, group: event.group, extra: [:]) }
        return ServiceInfo(
            name: schema.name, version: schema.version?.json ?? .null, fullName: schema.fullName, settings: schema.publishedSettings,
            metadata: schema.metadata, dependencies: schema.dependencies, actions: actionInfos, events: eventInfos)
    }
}

/// What the registry asks its owner to do after a change.
enum RegistryDirective: Sendable, Equatable {
    case nodeConnected(String, reconnected: Bool)
    case nodeUpdated(String)
    case nodeDisconnected(String, unexpected: Bool)
    case servicesChanged(localOnly: Bool)
    case sendDiscover(to: String)
    case rejectPending(nodeID: String)
    case nodeIDConflict(String)
}
