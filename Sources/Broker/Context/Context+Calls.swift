extension Context {
    /// A nested call: inherits requestID and meta, level + 1, and the remaining time.
    /// The callee's final meta is merged into this context's meta.
    public func call(_ action: String, _ params: JSON = [:], options: CallOptions = CallOptions()) async throws -> JSON {
        try await broker.call(action, params, options: options, parent: self)
    }

    /// A nested call decoding its result as `T`.
    public func call<T: Decodable>(
        _ action: String, _ params: JSON = [:], as type: T.Type, options: CallOptions = CallOptions()
    ) async throws -> T {
        try broker.decodeResult(try await call(action, params, options: options), action: action)
    }

    /// A nested call with `Encodable` params, decoding its result as `T`.
    public func call<P: Encodable, T: Decodable>(
        _ action: String, params: P, as type: T.Type, options: CallOptions = CallOptions()
    ) async throws -> T {
        try broker.decodeResult(try await call(action, try broker.encodeParams(params, action: action), options: options), action: action)
    }

    /// A balanced event, sent with this context as parent.
    public func emit(_ event: String, _ data: JSON = .null, groups: [String]? = nil, meta: [String: JSON] = [:]) async {
        await broker.emit(event, data, options: EventOptions(groups: groups, meta: meta), parent: self)
    }

    /// An event to every subscriber on every node, with this context as parent.
    public func broadcast(_ event: String, _ data: JSON = .null, groups: [String]? = nil, meta: [String: JSON] = [:]) async {
        await broker.broadcast(event, data, options: EventOptions(groups: groups, meta: meta), parent: self)
    }
}

/// Options of one call.
public struct CallOptions: Sendable {
    /// Overrides the action's and the broker's timeout.
    public var timeout: Duration?
    /// Overrides the retry policy's number of retries.
    public var retries: Int?
    /// Calls the action on this node only.
    public var nodeID: String?
    /// Meta added to (and overriding) the inherited meta.
    public var meta: [String: JSON]
    /// Answers instead of the error when the call fails.
    public var fallback: FallbackHandler?
    /// Starts a new chain with this request id instead of a fresh one.
    public var requestID: String?

    public init(
        timeout: Duration? = nil, retries: Int? = nil, nodeID: String? = nil, meta: [String: JSON] = [:],
        fallback: FallbackHandler? = nil, requestID: String? = nil
    ) {
        self.timeout = timeout
        self.retries = retries
        self.nodeID = nodeID
        self.meta = meta
        self.fallback = fallback
        self.requestID = requestID
    }
}

/// Options of one emit or broadcast.
public struct EventOptions: Sendable {
    /// Only these groups get the event (nil = every group).
    public var groups: [String]?
    public var meta: [String: JSON]

    public init(groups: [String]? = nil, meta: [String: JSON] = [:]) {
        self.groups = groups
        self.meta = meta
    }
}
