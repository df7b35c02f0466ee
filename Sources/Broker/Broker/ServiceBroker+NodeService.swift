/// The internal `$node` service: what this node knows of the cluster.
extension ServiceBroker {
    func nodeService() -> ServiceSchema {
        ServiceSchema(name: "$node", actions: [
            ActionSchema("list", params: ["onlyAvailable": ["type": "boolean", "optional": true]]) { ctx in
                let onlyAvailable = ctx.params["onlyAvailable"]?.boolValue ?? false
                let nodes = ctx.broker.registry.withLock { Array($0.nodes.values) }.sorted { $0.id < $1.id }
                return .array(nodes.filter { !onlyAvailable || $0.available }.map(\.json))
            },
            ActionSchema("services", params: Self.listParams) { ctx in .array(ctx.broker.serviceList(ListFilter(ctx.params))) },
            ActionSchema("actions", params: Self.listParams) { ctx in .array(ctx.broker.actionList(ListFilter(ctx.params))) },
            ActionSchema("events", params: Self.listParams) { ctx in .array(ctx.broker.eventList(ListFilter(ctx.params))) },
            ActionSchema("health") { ctx in await ctx.broker.health() },
            ActionSchema("options") { ctx in ctx.broker.configuration.json },
            ActionSchema("metrics") { ctx in
                var snapshot = ctx.broker.metrics.snapshot
                snapshot["circuitBreakers"] = .object(ctx.broker.breakers.states.mapValues(JSON.string))
                if let cacher = ctx.broker.cacher {
                    let stats = cacher.statistics
                    snapshot["cacher"] = ["entries": .int(stats.entries), "hits": .int(stats.hits), "misses": .int(stats.misses)]
                }
                return snapshot
            },
        ])
    }

    private static let listParams: ParamSchema = [
        "onlyLocal": ["type": "boolean", "optional": true],
        "skipInternal": ["type": "boolean", "optional": true],
        "onlyAvailable": ["type": "boolean", "optional": true],
    ]
}

/// The filters shared by `$node.services`, `$node.actions` and `$node.events`.
struct ListFilter {
    var onlyLocal: Bool
    var skipInternal: Bool
    var onlyAvailable: Bool

    init(_ params: JSON) {
        onlyLocal = params["onlyLocal"]?.boolValue ?? false
        skipInternal = params["skipInternal"]?.boolValue ?? false
        onlyAvailable = params["onlyAvailable"]?.boolValue ?? false
    }

    func skips(name: String, isLocal: Bool) -> Bool {
        (onlyLocal && !isLocal) || (skipInternal && name.hasPrefix("$"))
    }
}
