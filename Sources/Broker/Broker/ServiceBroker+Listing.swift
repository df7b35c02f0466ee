/// The listings behind `$node.services`, `$node.actions`, and `$node.events`.
extension ServiceBroker {
    func serviceList(_ filter: ListFilter) -> [JSON] {
        let nodes = registry.withLock { Array($0.nodes.values) }.filter(\.available)
        var byName: [String: (info: ServiceInfo, nodes: [String], local: Bool)] = [:]
        for node in nodes {
            for service in node.services {
                var entry = byName[service.fullName] ?? (service, [], false)
                entry.nodes.append(node.id)
                entry.local = entry.local || node.isLocal
                byName[service.fullName] = entry
            }
        }
        return byName.sorted { $0.key < $1.key }.compactMap { name, entry in
            guard !filter.skips(name: name, isLocal: entry.local) else { return nil }
            return [
                "name": .string(entry.info.name), "fullName": .string(name), "version": entry.info.version,
                "local": .bool(entry.local), "available": true, "nodes": .array(entry.nodes.sorted().map(JSON.string)),
                "actions": .array(entry.info.actions.keys.sorted().map(JSON.string)),
                "events": .array(entry.info.events.keys.sorted().map(JSON.string)),
            ]
        }
    }

    func actionList(_ filter: ListFilter) -> [JSON] {
        let actions = registry.withLock { $0.actions }
        return actions.sorted { $0.key < $1.key }.compactMap { name, endpoints in
            let hasLocal = endpoints.contains(where: \.isLocal)
            guard !filter.skips(name: name, isLocal: hasLocal) else { return nil }
            let available = endpoints.filter { breakers.isCallable($0.definition) }
            if filter.onlyAvailable && available.isEmpty { return nil }
            return [
                "name": .string(name), "count": .int(endpoints.count), "hasLocal": .bool(hasLocal),
                "available": .bool(!available.isEmpty),
                "endpoints": .array(endpoints.map { ["nodeID": .string($0.nodeID), "local": .bool($0.isLocal)] }),
            ]
        }
    }

    func eventList(_ filter: ListFilter) -> [JSON] {
        let events = registry.withLock { $0.events }
        var grouped: [String: [EventEndpoint]] = [:]
        for event in events { grouped["\(event.pattern.pattern)|\(event.group)", default: []].append(event) }
        return grouped.sorted { $0.key < $1.key }.compactMap { _, endpoints in
            let first = endpoints[0]
            let hasLocal = endpoints.contains(where: \.isLocal)
            guard !filter.skips(name: first.pattern.pattern, isLocal: hasLocal) else { return nil }
            return [
                "name": .string(first.pattern.pattern), "group": .string(first.group), "count": .int(endpoints.count),
                "hasLocal": .bool(hasLocal), "available": true,
                "endpoints": .array(endpoints.map { ["nodeID": .string($0.nodeID), "service": .string($0.service)] }),
            ]
        }
    }
}
