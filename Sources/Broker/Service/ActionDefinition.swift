/// What is known of an action endpoint: the local schema's options, or what a peer published.
/// Middlewares get it when they wrap an action. A class: it travels with every call, and one
/// reference is cheaper to pass around than a dozen fields.
public final class ActionDefinition: Sendable {
    /// The full name (`v2.posts.list`).
    public let name: String
    public let rawName: String
    /// The service's full name.
    public let service: String
    public let nodeID: String
    public let isLocal: Bool
    public let params: ParamSchema?
    public let timeout: Duration?
    public let visibility: ActionVisibility
    public let retry: RetryPolicy?
    public let cache: CacheOptions?
    public let strategy: StrategyKind?
    public let circuitBreaker: CircuitBreakerOptions?
    public let bulkhead: BulkheadOptions?
    public let fallback: FallbackHandler?
    public let metadata: [String: JSON]
    /// The HTTP route the gateway gives the action, if any.
    public let rest: RestRoute?

    init(local schema: ActionSchema, service: String, nodeID: String) {
        name = "\(service).\(schema.name)"
        rawName = schema.name
        self.service = service
        self.nodeID = nodeID
        isLocal = true
        params = schema.params
        timeout = schema.timeout
        visibility = schema.visibility
        retry = schema.retry
        cache = schema.cache
        strategy = schema.strategy
        circuitBreaker = schema.circuitBreaker
        bulkhead = schema.bulkhead
        fallback = schema.fallback
        metadata = schema.metadata
        rest = schema.rest
    }

    init(remote info: ActionInfo, service: String, nodeID: String) {
        name = info.name
        rawName = info.rawName
        self.service = service
        self.nodeID = nodeID
        isLocal = false
        params = info.params.flatMap { try? ParamSchema($0) }
        timeout = info.timeout.flatMap { $0 > 0 ? .milliseconds($0) : nil }
        visibility = info.visibility.flatMap(ActionVisibility.init(name:)) ?? .published
        retry = nil
        cache = info.extra["cache"].flatMap(CacheOptions.init(json:))
        strategy = info.extra["strategy"]?.stringValue.flatMap { StrategyKind(name: $0, options: info.extra["strategyOptions"] ?? [:]) }
        circuitBreaker = nil
        bulkhead = nil
        fallback = nil
        metadata = info.extra["metadata"]?.objectValue ?? [:]
        rest = info.extra["rest"].flatMap(RestRoute.init(json:))
    }

    /// The form published in INFO.
    var info: ActionInfo {
        var extra: [String: JSON] = [:]
        if let cache { extra["cache"] = cache.json }
        if !metadata.isEmpty { extra["metadata"] = .object(metadata) }
        if let rest { extra["rest"] = .string(rest.description) }
        if let strategy {
            extra["strategy"] = .string(strategy.name)
            extra["strategyOptions"] = strategy.options
        }
        return ActionInfo(
            name: name, rawName: rawName, params: params?.json,
            timeout: timeout.map { Double($0.milliseconds) }, visibility: visibility.name, extra: extra)
    }
}

extension Duration {
    /// Whole milliseconds, rounded down.
    var milliseconds: Int64 {
        let (seconds, attoseconds) = components
        return seconds * 1000 + attoseconds / 1_000_000_000_000_000
    }
}
