import Logging
import ServiceLifecycle
import Synchronization

/// The service broker: hosts local services, knows the cluster's services through its registry,
/// and calls actions and emits events locally or through the transporter.
///
/// It is a swift-service-lifecycle `Service`: run it in a `ServiceGroup`, or call `start()` and
/// `stop()` yourself.
public final class ServiceBroker: Sendable {
    public let nodeID: String
    public let namespace: String
    public let configuration: BrokerConfiguration
    public let logger: Logger
    public let clock: any BrokerClock
    /// Random per process start; lets peers tell a restarted node from a nodeID conflict.
    public let instanceID: String
    /// This machine's IPv4 addresses (Moleculer's `getIpList`), read once; sent in INFO and
    /// reported by `$node.health`.
    let ipList: [String]
    let transporter: (any Transporter)?
    let serializer: any Serializer
    let registry: Mutex<Registry>
    let pending = Mutex(PendingRequests())
    let lifecycle = Mutex(LifecycleState())
    /// Requests from peers, event lanes and event handlers still running; `stop()` waits for them.
    let inFlight = InFlightCounter()
    let eventLanes = Mutex(EventLanes())
    let ids: IDGenerator
    let middlewares: [any BrokerMiddleware]
    let breakers: CircuitBreakerMiddleware
    let metrics: BrokerMetrics
    /// The memory cacher, when the configuration enables one.
    public let cacher: MemoryCacher?
    let signals: BrokerSignals
    /// Built on first use. A class box, not a closure in a Mutex: reading a closure through
    /// `withLock { $0 }` re-abstracts it on write-back and stacks one thunk per read.
    private let callChainStorage = AtomicLazyReference<CallChainBox>()

    public init(_ configuration: BrokerConfiguration) {
        self.configuration = configuration
        nodeID = configuration.nodeID
        namespace = configuration.namespace
        var logger = configuration.logger
        logger[metadataKey: "node.id"] = .string(configuration.nodeID)
        self.logger = logger
        clock = configuration.clock
        transporter = configuration.transporter
        serializer = configuration.serializer
        // Identity is always random (two brokers with one seed must still differ); the seed only
        // drives strategies.
        instanceID = String(UInt64.random(in: 0...UInt64.max), radix: 16)
        ipList = HostAddresses.ipList()
        ids = IDGenerator(prefix: String(UInt64.random(in: 0...UInt64.max) & 0xFFFF_FFFF_FFFF, radix: 36))
        var random = SeededRandom(seed: configuration.seed ?? UInt64.random(in: 0...UInt64.max))
        registry = Mutex(Registry(
            localNodeID: configuration.nodeID, instanceID: instanceID, defaultStrategy: configuration.registry.strategy,
            seed: random.next(), now: configuration.clock.now))
        metrics = BrokerMetrics(factory: configuration.metricsFactory)
        breakers = CircuitBreakerMiddleware(options: configuration.circuitBreaker, clock: configuration.clock)
        cacher = configuration.cacher.map { MemoryCacher(options: $0, clock: configuration.clock) }
        signals = BrokerSignals()
        middlewares = Self.builtInMiddlewares(configuration, breakers: breakers, cacher: cacher, metrics: metrics)
    }

    /// The call pipeline: `wrapCall` of every middleware around endpoint selection and dispatch.
    var callChain: CallHandler {
        if let box = callChainStorage.load() { return box.handler }
        let base: CallHandler = { [unowned self] request in try await self.dispatch(request) }
        var chain = base
        for middleware in middlewares { chain = middleware.wrapCall(chain, broker: self) }
        return callChainStorage.storeIfNil(CallChainBox(handler: chain)).handler
    }

    /// Innermost first: user middlewares sit closest to the handler, as in Moleculer.
    private static func builtInMiddlewares(
        _ configuration: BrokerConfiguration, breakers: CircuitBreakerMiddleware, cacher: MemoryCacher?,
        metrics: BrokerMetrics
    ) -> [any BrokerMiddleware] {
        var list: [any BrokerMiddleware] = configuration.middlewares
        if configuration.validation { list.append(ValidationMiddleware()) }
        list.append(BulkheadMiddleware(defaults: configuration.bulkhead))
        if let cacher { list.append(CacherMiddleware(cacher: cacher)) }
        list.append(breakers)
        list.append(TimeoutMiddleware(defaultTimeout: configuration.requestTimeout, clock: configuration.clock))
        list.append(RetryMiddleware(policy: configuration.retryPolicy, clock: configuration.clock))
        list.append(FallbackMiddleware())
        list.append(MetricsMiddleware(metrics: metrics))
        return list
    }
}

/// Holds the call pipeline so it can be published once, lock-free.
final class CallChainBox: Sendable {
    let handler: CallHandler

    init(handler: @escaping CallHandler) {
        self.handler = handler
    }
}

/// Where the broker is in its life, what it still has to start, and who waits for what.
struct LifecycleState {
    enum Phase: Equatable { case created, starting, started, stopping, stopped }
    var phase = Phase.created
    var schemas: [ServiceSchema] = []
    var background: Task<Void, Never>?
    var startedServices: [LocalServiceEntry] = []
    /// Set when a peer announced this node's nodeID with another instanceID.
    var conflict = false
}

/// Short, cluster-unique ids: a random per-process prefix and a counter.
final class IDGenerator: Sendable {
    private let prefix: String
    private let counter = Atomic<UInt64>(0)

    init(prefix: String) {
        self.prefix = prefix
    }

    func next() -> String {
        format(reserve())
    }

    /// Takes the next number without formatting it.
    func reserve() -> UInt64 {
        counter.wrappingAdd(1, ordering: .relaxed).newValue
    }

    func format(_ number: UInt64) -> String {
        prefix + "-" + String(number, radix: 36)
    }
}
