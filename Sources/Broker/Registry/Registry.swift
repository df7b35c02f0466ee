/// The registry: every known node, service, action endpoint and event subscription.
/// A pure value: methods change state and return directives; the broker performs them.
struct Registry: Sendable {
    let localNodeID: String
    let instanceID: String
    var nodes: [String: NodeRecord] = [:]
    var actions: [String: [ActionEndpoint]] = [:]
    var events: [EventEndpoint] = []
    var localServices: [LocalServiceEntry] = []
    var localSeq = 0
    var strategies: [String: any LoadBalancingStrategy] = [:]
    var eventCounters: [String: Int] = [:]
    let defaultStrategy: StrategyKind
    let seed: UInt64

    init(localNodeID: String, instanceID: String, defaultStrategy: StrategyKind, seed: UInt64, now: Duration) {
        self.localNodeID = localNodeID
        self.instanceID = instanceID
        self.defaultStrategy = defaultStrategy
        self.seed = seed
        var local = NodeRecord(id: localNodeID, isLocal: true, now: now)
        local.instanceID = instanceID
        nodes[localNodeID] = local
    }

    // MARK: Local services

    mutating func registerLocal(_ entry: LocalServiceEntry) {
        localServices.append(entry)
        for endpoint in entry.actions { actions[endpoint.definition.name, default: []].append(endpoint) }
        events.append(contentsOf: entry.events)
        localSeq += 1
        nodes[localNodeID]?.seq = localSeq
        nodes[localNodeID]?.services = localServices.map(\.info)
    }

    /// The local services as published in INFO (empty while stopping).
    var localServiceInfos: [ServiceInfo] { localServices.map(\.info) }

    /// Removes every local service (at stop); returns them for their `stopped` hooks.
    mutating func unregisterAllLocal() -> [LocalServiceEntry] {
        let removed = localServices
        localServices = []
        removeEndpoints(of: localNodeID)
        localSeq += 1
        nodes[localNodeID]?.services = []
        return removed
    }

    /// A local endpoint that the node `caller` may call, for an incoming request.
    func localEndpoint(_ action: String, remoteCaller: Bool) -> ActionEndpoint? {
        guard let endpoint = actions[action]?.first(where: \.isLocal) else { return nil }
        if remoteCaller && !endpoint.definition.visibility.isRemotelyCallable { return nil }
        return endpoint
    }

    mutating func removeEndpoints(of nodeID: String) {
        for (name, list) in actions {
            let kept = list.filter { $0.nodeID != nodeID }
            if kept.isEmpty {
                actions[name] = nil
                strategies[name] = nil
            } else if kept.count != list.count {
                actions[name] = kept
            }
        }
        events.removeAll { $0.nodeID == nodeID }
    }

    // MARK: Queries

    /// Whether every named service (full name) has at least one available endpoint node.
    func hasServices(_ names: [String]) -> Bool {
        names.allSatisfy { name in
            nodes.values.contains { $0.available && $0.services.contains { $0.fullName == name } }
        }
    }

    var availableNodes: [NodeRecord] { nodes.values.filter(\.available).sorted { $0.id < $1.id } }
}
