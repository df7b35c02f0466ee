/// Processing what peers announce: INFO, HEARTBEAT, DISCONNECT, and silence.
extension Registry {
    /// The remotely callable actions a peer's INFO offers, to be wrapped in the transit chain
    /// before ``processInfo(_:endpoints:now:)`` (outside the registry's lock: middlewares run
    /// when wrapping).
    static func remoteActions(of info: InfoPacket) -> [ActionDefinition] {
        info.services.flatMap { service in
            service.actions.values
                .map { ActionDefinition(remote: $0, service: service.fullName, nodeID: info.sender) }
                .filter(\.visibility.isRemotelyCallable)
        }
    }

    /// Whether `info` says nothing new: the same instance and sequence as the node already known.
    func isCurrent(_ info: InfoPacket) -> Bool {
        guard let previous = nodes[info.sender], info.sender != localNodeID else { return false }
        return previous.available && previous.instanceID == info.instanceID && previous.seq == info.seq && info.seq != 0
    }

    /// Takes a peer's INFO with its action endpoints, already wrapped in the transit chain.
    mutating func processInfo(_ info: InfoPacket, endpoints: [ActionEndpoint], now: Duration) -> [RegistryDirective] {
        let sender = info.sender
        if sender == localNodeID {
            return info.instanceID != nil && info.instanceID != instanceID ? [.nodeIDConflict(sender)] : []
        }
        var directives: [RegistryDirective] = []
        let previous = nodes[sender]
        var node = previous ?? NodeRecord(id: sender, isLocal: false, now: now)
        if isCurrent(info) {
            nodes[sender]?.lastHeartbeat = now
            return []
        }
        if let previous, previous.available, previous.instanceID != info.instanceID {
            directives.append(.rejectPending(nodeID: sender))
        }
        node.available = true
        node.offlineSince = nil
        node.instanceID = info.instanceID
        node.seq = info.seq
        node.hostname = info.hostname
        node.ipList = info.ipList
        node.client = info.client
        node.metadata = info.metadata
        node.services = info.services
        node.lastHeartbeat = now
        nodes[sender] = node
        removeEndpoints(of: sender)
        for endpoint in endpoints { actions[endpoint.definition.name, default: []].append(endpoint) }
        for service in info.services {
            for (key, event) in service.events {
                let name = event.name.isEmpty ? key : event.name
                events.append(EventEndpoint(
                    nodeID: sender, service: service.fullName, pattern: WildcardPattern(name),
                    group: event.group ?? service.name, handler: nil))
            }
        }
        if previous?.available == true {
            directives.append(.nodeUpdated(sender))
        } else {
            directives.append(.nodeConnected(sender, reconnected: previous != nil))
        }
        directives.append(.servicesChanged(localOnly: false))
        return directives
    }

    mutating func processHeartbeat(sender: String, cpu: Double?, now: Duration) -> [RegistryDirective] {
        guard sender != localNodeID else { return [] }
        guard var node = nodes[sender], node.available else { return [.sendDiscover(to: sender)] }
        node.cpu = cpu
        node.lastHeartbeat = now
        nodes[sender] = node
        return []
    }

    mutating func processDisconnect(sender: String, now: Duration) -> [RegistryDirective] {
        guard sender != localNodeID, nodes[sender]?.available == true else { return [] }
        return markOffline(sender, now: now, unexpected: false)
    }

    mutating func updateLatency(_ nodeID: String, latency: Duration) {
        nodes[nodeID]?.latency = latency
    }

    /// Marks silent nodes offline and forgets long-gone ones.
    mutating func checkLiveness(now: Duration, timeout: Duration, forgetAfter: Duration) -> [RegistryDirective] {
        var directives: [RegistryDirective] = []
        for node in nodes.values.sorted(by: { $0.id < $1.id }) where !node.isLocal {
            if node.available, now - node.lastHeartbeat > timeout {
                directives += markOffline(node.id, now: now, unexpected: true)
            } else if !node.available, let since = node.offlineSince, now - since > forgetAfter {
                nodes[node.id] = nil
            }
        }
        return directives
    }

    private mutating func markOffline(_ nodeID: String, now: Duration, unexpected: Bool) -> [RegistryDirective] {
        nodes[nodeID]?.available = false
        nodes[nodeID]?.offlineSince = now
        nodes[nodeID]?.services = []
        removeEndpoints(of: nodeID)
        return [.nodeDisconnected(nodeID, unexpected: unexpected), .rejectPending(nodeID: nodeID), .servicesChanged(localOnly: false)]
    }
}
