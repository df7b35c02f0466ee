/// What a node knows of the cluster, as typed values: its nodes, services, actions (with their
/// params schema and REST route) and event subscriptions. A snapshot: take another one, or
/// follow ``ServiceBroker/registryChanges``, to see changes.
public struct RegistryView: Sendable {
    /// Every known node, this one included, offline ones too, by id.
    public var nodes: [NodeRecord]
    /// The services of the available nodes, by full name.
    public var services: [ServiceView]
    /// The actions callable from this node (local ones of any visibility, remote ones that are
    /// published or public), by name.
    public var actions: [ActionView]
    /// The event subscriptions, by pattern then group.
    public var events: [EventView]

    /// The action named `name`, if some node offers it.
    public func action(_ name: String) -> ActionView? {
        actions.first { $0.name == name }
    }
}

/// A service and the available nodes running it.
public struct ServiceView: Sendable, Hashable {
    public var name: String
    /// `v2.posts`, `staging.posts` or the plain name.
    public var fullName: String
    public var version: ServiceVersion?
    /// The published settings (secure ones removed by the node that runs the service).
    public var settings: JSON
    public var metadata: JSON
    public var nodes: [String]
    public var isLocal: Bool
}

/// An action and the nodes offering it.
public struct ActionView: Sendable {
    /// The full name (`v2.posts.list`).
    public var name: String
    /// What is known of the action (params, route, visibility, timeout, metadata, ...): a local
    /// endpoint's definition when there is one, else what a peer published.
    public var definition: ActionDefinition
    public var nodes: [String]
    public var hasLocal: Bool

    /// The service's full name.
    public var service: String { definition.service }
    public var params: ParamSchema? { definition.params }
    /// The HTTP route the gateway gives the action, if any.
    public var rest: RestRoute? { definition.rest }

    init(_ name: String, endpoints: [ActionEndpoint]) {
        self.name = name
        definition = (endpoints.first(where: \.isLocal) ?? endpoints[0]).definition
        nodes = endpoints.map(\.nodeID).sorted()
        hasLocal = endpoints.contains(where: \.isLocal)
    }
}

/// An event subscription of one group and the nodes where that group listens.
public struct EventView: Sendable, Hashable {
    /// The event name or pattern (`order.*`).
    public var name: String
    public var group: String
    /// The full names of the subscribed services.
    public var services: [String]
    public var nodes: [String]
    public var hasLocal: Bool
}
