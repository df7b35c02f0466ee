/// The public, typed view of the registry, and its changes.
extension ServiceBroker {
    /// A snapshot of what this node knows of the cluster.
    public func registryView() -> RegistryView {
        let (nodes, actions, events) = registry.withLock { registry in
            (Array(registry.nodes.values), registry.actions, registry.events)
        }
        return RegistryView(
            nodes: nodes.sorted { $0.id < $1.id },
            services: Self.serviceViews(nodes.filter(\.available)),
            actions: actions.filter { !$0.value.isEmpty }.map { ActionView($0.key, endpoints: $0.value) }.sorted { $0.name < $1.name },
            events: Self.eventViews(events))
    }

    /// The view now, then again after every change of the registry (nodes coming, going or
    /// changing their services); views are not queued, so a slow reader sees the latest one.
    /// Ends when the reading task is cancelled.
    public var registryChanges: RegistryChanges { RegistryChanges(broker: self) }

    private static func serviceViews(_ nodes: [NodeRecord]) -> [ServiceView] {
        var byName: [String: ServiceView] = [:]
        for node in nodes {
            for info in node.services {
                var view = byName[info.fullName] ?? ServiceView(
                    name: info.name, fullName: info.fullName, version: ServiceVersion(json: info.version), settings: info.settings,
                    metadata: info.metadata, nodes: [], isLocal: false)
                view.nodes.append(node.id)
                view.isLocal = view.isLocal || node.isLocal
                byName[info.fullName] = view
            }
        }
        return byName.values.map { view in
            var sorted = view
            sorted.nodes.sort()
            return sorted
        }.sorted { $0.fullName < $1.fullName }
    }

    private static func eventViews(_ events: [EventEndpoint]) -> [EventView] {
        var byKey: [String: EventView] = [:]
        for event in events {
            let key = "\(event.pattern.pattern)\u{0}\(event.group)"
            var view = byKey[key] ?? EventView(name: event.pattern.pattern, group: event.group, services: [], nodes: [], hasLocal: false)
            if !view.services.contains(event.service) { view.services.append(event.service) }
            if !view.nodes.contains(event.nodeID) { view.nodes.append(event.nodeID) }
            view.hasLocal = view.hasLocal || event.isLocal
            byKey[key] = view
        }
        return byKey.values.map { view in
            var sorted = view
            sorted.services.sort()
            sorted.nodes.sort()
            return sorted
        }.sorted { ($0.name, $0.group) < ($1.name, $1.group) }
    }
}

/// The registry's views over time: see ``ServiceBroker/registryChanges``.
public struct RegistryChanges: AsyncSequence, Sendable {
    public typealias Element = RegistryView
    let broker: ServiceBroker

    public func makeAsyncIterator() -> Iterator {
        Iterator(broker: broker)
    }

    public struct Iterator: AsyncIteratorProtocol {
        let broker: ServiceBroker
        var seen: Int?

        /// The current view at first, then the next one after a change; nil once cancelled.
        public mutating func next() async -> RegistryView? {
            if let seen { await broker.signals.waitForChange(after: seen) }
            guard !Task.isCancelled else { return nil }
            seen = broker.signals.version
            return broker.registryView()
        }
    }
}
