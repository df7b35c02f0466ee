import Logging
import Metrics

/// Everything a `ServiceBroker` can be told, with a default for every field.
public struct BrokerConfiguration: Sendable {
    /// The node's unique name in the cluster; default `<hostname>-<pid>-<random>`.
    public var nodeID: String
    /// Clusters on one transport are separated by namespace.
    public var namespace: String = ""
    public var transporter: (any Transporter)?
    public var serializer: any Serializer = JSONSerializer()
    /// Default timeout of a call; `nil` means none (Moleculer's `requestTimeout: 0`).
    public var requestTimeout: Duration?
    public var retryPolicy = RetryPolicy()
    public var circuitBreaker = CircuitBreakerOptions()
    public var bulkhead = BulkheadOptions()
    public var heartbeat = HeartbeatOptions()
    public var registry = RegistryOptions()
    public var lifecycle = LifecycleOptions()
    /// The deepest nesting of calls (`ctx.call` inside `ctx.call`); 0 means unlimited.
    public var maxCallLevel: Int = 100
    /// How often deadlines of in-flight calls are checked.
    public var timeoutResolution: Duration = .milliseconds(5)
    /// Validate params against action schemas.
    public var validation: Bool = true
    public var cacher: CacherOptions?
    /// User middlewares, applied outermost first after the built-in ones.
    public var middlewares: [any BrokerMiddleware] = []
    public var logger = Logger(label: "quark.broker")
    /// Where metrics go; `nil` uses the process-wide `MetricsSystem.factory`.
    public var metricsFactory: (any MetricsFactory)?
    public var clock: any BrokerClock = SystemClock()
    /// Seeds the broker's randomness (strategies, jitter); `nil` picks a random seed.
    public var seed: UInt64?
    /// Metadata published with this node's INFO.
    public var metadata: [String: JSON] = [:]

    public init(nodeID: String? = nil, transporter: (any Transporter)? = nil) {
        self.nodeID = nodeID ?? Self.defaultNodeID()
        self.transporter = transporter
    }

    /// `<hostname>-<pid>-<random>`, unique enough for a cluster.
    public static func defaultNodeID() -> String {
        let host = ProcessInfoLite.hostname
        let suffix = String(UInt32.random(in: 0...UInt32.max) & 0xFFFF, radix: 16)
        return "\(host)-\(ProcessInfoLite.pid)-\(suffix)"
    }
}

public struct HeartbeatOptions: Sendable {
    public var interval: Duration = .seconds(5)
    /// A node silent for this long is marked offline.
    public var timeout: Duration = .seconds(15)
    /// Offline nodes are forgotten after this long.
    public var forgetAfter: Duration = .seconds(600)
    public init() {}
}

public struct RegistryOptions: Sendable {
    public var strategy: StrategyKind = .roundRobin
    /// Call a local endpoint when one exists.
    public var preferLocal: Bool = true
    public init() {}
}

public struct LifecycleOptions: Sendable {
    /// How long to collect INFO answers to the first DISCOVER before starting services.
    public var discoveryWait: Duration = .milliseconds(500)
    /// How long to keep serving after telling peers we are leaving.
    public var stopDelay: Duration = .milliseconds(100)
    /// The bound on waiting for in-flight calls at stop.
    public var drainTimeout: Duration = .seconds(10)
    /// How long a service waits for its dependencies before failing to start.
    public var dependencyTimeout: Duration = .seconds(60)
    public init() {}
}
