/// Choosing where a call or an event goes.
extension Registry {
    /// Picks the endpoint for a call: a given node, else a local one when `preferLocal`, else by
    /// the action's strategy among endpoints that `isCallable` accepts (circuit breakers).
    mutating func selectEndpoint(
        _ action: String, nodeID: String?, context: SelectionContext, preferLocal: Bool,
        isCallable: (ActionEndpoint) -> Bool
    ) -> Result<ActionEndpoint, BrokerError> {
        guard let all = actions[action], !all.isEmpty else {
            return .failure(.serviceNotFound(action: action, nodeID: nodeID))
        }
        if let nodeID {
            guard let endpoint = all.first(where: { $0.nodeID == nodeID }) else {
                return .failure(.serviceNotFound(action: action, nodeID: nodeID))
            }
            return .success(endpoint)
        }
        if preferLocal, let local = all.first(where: \.isLocal), isCallable(local) { return .success(local) }
        if all.count == 1 {
            return isCallable(all[0]) ? .success(all[0]) : .failure(.serviceNotAvailable(action: action))
        }
        let usable = all.filter(isCallable)
        guard !usable.isEmpty else { return .failure(.serviceNotAvailable(action: action)) }
        if preferLocal, let local = usable.first(where: \.isLocal) { return .success(local) }
        if usable.count == 1 { return .success(usable[0]) }
        let candidates = usable.map { endpoint in
            let node = nodes[endpoint.nodeID]
            return EndpointCandidate(nodeID: endpoint.nodeID, isLocal: endpoint.isLocal, cpu: node?.cpu, latency: node?.latency)
        }
        var strategy = strategies[action] ?? makeStrategy(for: action, kind: usable[0].definition.strategy)
        let index = strategy.select(from: candidates, context: context)
        strategies[action] = strategy
        return .success(usable[candidates.indices.contains(index) ? index : 0])
    }

    private func makeStrategy(for action: String, kind: StrategyKind?) -> any LoadBalancingStrategy {
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        for byte in action.utf8 { hash = (hash ^ UInt64(byte)) &* 0x100_0000_01b3 }
        return (kind ?? defaultStrategy).makeStrategy(seed: seed ^ hash)
    }

    /// For a balanced emit: node → the groups it must deliver to. One endpoint per group,
    /// round robin across the nodes subscribed in that group (a local one when `preferLocal`).
    mutating func emitTargets(_ event: String, groups: [String]?, preferLocal: Bool) -> [String: [String]] {
        var byGroup: [String: [String]] = [:]
        for endpoint in events where endpoint.pattern.matches(event) {
            if let groups, !groups.contains(endpoint.group) { continue }
            if !(byGroup[endpoint.group]?.contains(endpoint.nodeID) ?? false) {
                byGroup[endpoint.group, default: []].append(endpoint.nodeID)
            }
        }
        var targets: [String: [String]] = [:]
        for (group, nodeIDs) in byGroup.sorted(by: { $0.key < $1.key }) {
            let chosen: String
            if preferLocal, nodeIDs.contains(localNodeID) {
                chosen = localNodeID
            } else {
                let key = "\(event)\u{0}\(group)"
                let counter = eventCounters[key, default: 0]
                eventCounters[key] = counter &+ 1
                chosen = nodeIDs.sorted()[counter % nodeIDs.count]
            }
            targets[chosen, default: []].append(group)
        }
        return targets
    }

    /// For a broadcast: every node with a subscription matching `event` (in `groups`, if given).
    func broadcastTargets(_ event: String, groups: [String]?) -> [String] {
        var nodeIDs: Set<String> = []
        for endpoint in events where endpoint.pattern.matches(event) {
            if let groups, !groups.contains(endpoint.group) { continue }
            nodeIDs.insert(endpoint.nodeID)
        }
        return nodeIDs.sorted()
    }

    /// The local handlers for an incoming or local event in `groups` (nil = all groups).
    func localEventHandlers(_ event: String, groups: [String]?) -> [EventEndpoint] {
        events.filter { endpoint in
            endpoint.isLocal && endpoint.pattern.matches(event) && (groups.map { $0.contains(endpoint.group) } ?? true)
        }
    }
}
