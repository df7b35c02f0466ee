/// The handler of an action: gets the call's context, returns the result.
public typealias ActionHandler = @Sendable (Context) async throws -> JSON

/// Who may call an action.
public struct ActionVisibility: Hashable, Sendable, CustomStringConvertible {
    public let name: String
    /// Callable from anywhere, including the API gateway.
    public static let published = Self(raw: "published")
    /// Callable from any node, not exposed by the gateway.
    public static let `public` = Self(raw: "public")
    /// Callable only from services on the same node.
    public static let protected = Self(raw: "protected")
    /// Callable only from the service's own handlers.
    public static let `private` = Self(raw: "private")

    /// Parses a visibility as it travels in INFO; `nil` for an unknown name.
    public init?(name: String) {
        guard ["published", "public", "protected", "private"].contains(name) else { return nil }
        self.name = name
    }

    private init(raw: String) { name = raw }
    public var description: String { name }
    /// Whether another node may call it.
    public var isRemotelyCallable: Bool { self == .published || self == .public }
}

/// An action of a service, with its params schema and per-action fault-tolerance options.
public struct ActionSchema: Sendable {
    /// The short name (`add`); the full name is `<service full name>.<name>`.
    public var name: String
    public var params: ParamSchema?
    public var handler: ActionHandler
    public var timeout: Duration?
    public var visibility: ActionVisibility = .published
    public var retry: RetryPolicy?
    public var cache: CacheOptions?
    public var strategy: StrategyKind?
    public var circuitBreaker: CircuitBreakerOptions?
    public var bulkhead: BulkheadOptions?
    /// Answers instead of the error when the action fails.
    public var fallback: FallbackHandler?
    /// Published to other nodes with the action.
    public var metadata: [String: JSON] = [:]
    /// The HTTP route the API gateway gives the action (`"GET /products/:id"`); published in
    /// INFO. Only actions with a route (and `.published` visibility) are reachable over HTTP.
    public var rest: RestRoute?
    /// Why the params schema could not be inferred from the typed input; `createService` throws it.
    var schemaError: BrokerError?

    public init(
        _ name: String, params: ParamSchema? = nil, timeout: Duration? = nil, visibility: ActionVisibility = .published,
        retry: RetryPolicy? = nil, cache: CacheOptions? = nil, strategy: StrategyKind? = nil,
        circuitBreaker: CircuitBreakerOptions? = nil, bulkhead: BulkheadOptions? = nil,
        fallback: FallbackHandler? = nil, metadata: [String: JSON] = [:], rest: RestRoute? = nil,
        handler: @escaping ActionHandler
    ) {
        self.name = name
        self.params = params
        self.timeout = timeout
        self.visibility = visibility
        self.retry = retry
        self.cache = cache
        self.strategy = strategy
        self.circuitBreaker = circuitBreaker
        self.bulkhead = bulkhead
        self.fallback = fallback
        self.metadata = metadata
        self.rest = rest
        self.handler = handler
    }
}

/// Produces a result for a failed call: `(request, error) -> result`.
public typealias FallbackHandler = @Sendable (CallRequest, BrokerError) async throws -> JSON
