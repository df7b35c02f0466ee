import Synchronization

/// The context of one action call or event delivery: who called, with what, and how deep.
/// Handlers read `params`, read and write `meta` (the callee's meta travels back to the caller),
/// keep per-call state in `locals`, and make nested calls with `call` / `emit` / `broadcast`.
public final class Context: Sendable {
    /// The context's id, unique in the cluster (formatted on first use: most local calls never
    /// need it).
    public var id: String {
        if let given = givenID { return given }
        return state.withLock { state in
            if let id = state.formattedID { return id }
            let id = ids.format(idNumber)
            state.formattedID = id
            return id
        }
    }

    /// The id of the root call of this chain of calls.
    public var requestID: String { givenRequestID ?? id }
    public let parentID: String?
    /// 1 for a root call, +1 for each nested call.
    public let level: Int
    /// The full name of the service that made the call, if a service made it.
    public let caller: String?
    /// The node that sent the call or event (this node for local ones).
    public let nodeID: String
    /// The action being called (nil for events).
    public let action: ActionDefinition?
    /// The event's name (nil for action calls).
    public let eventName: String?
    /// The groups an event was sent to (nil = all).
    public let eventGroups: [String]?
    /// The service whose handler runs with this context.
    public let service: String?
    /// The options the call was made with (timeout, retries, target node, fallback).
    public let options: CallOptions
    public let broker: ServiceBroker
    private let state: Mutex<State>
    private let givenID: String?
    private let givenRequestID: String?
    private let idNumber: UInt64
    private let ids: IDGenerator

    struct State {
        var formattedID: String?
        var params: JSON
        var meta: [String: JSON]
        var locals: [String: JSON] = [:]
        var deadline: Duration?
    }

    /// `id` nil: the next id of the broker's generator, formatted when first read.
    init(
        id: String?, requestID: String?, parentID: String?, level: Int, caller: String?, nodeID: String,
        action: ActionDefinition?, eventName: String? = nil, eventGroups: [String]? = nil, service: String?,
        params: JSON, meta: [String: JSON], deadline: Duration?, options: CallOptions = CallOptions(), broker: ServiceBroker
    ) {
        givenID = id
        givenRequestID = requestID
        ids = broker.ids
        idNumber = id == nil ? broker.ids.reserve() : 0
        self.parentID = parentID
        self.level = level
        self.caller = caller
        self.nodeID = nodeID
        self.action = action
        self.eventName = eventName
        self.eventGroups = eventGroups
        self.service = service
        self.options = options
        self.broker = broker
        state = Mutex(State(params: params, meta: meta, deadline: deadline))
    }

    /// The call's params, or the event's data.
    public var params: JSON {
        get { state.withLock { $0.params } }
        set { state.withLock { $0.params = newValue } }
    }

    /// Request metadata: inherited by nested calls, merged back from callees.
    public var meta: [String: JSON] {
        get { state.withLock { $0.meta } }
        set { state.withLock { $0.meta = newValue } }
    }

    /// Per-call scratch space for middlewares and handlers; never sent.
    public var locals: [String: JSON] {
        get { state.withLock { $0.locals } }
        set { state.withLock { $0.locals = newValue } }
    }

    /// When the call must be answered by, on the broker's clock; nil for no limit.
    public var deadline: Duration? {
        get { state.withLock { $0.deadline } }
        set { state.withLock { $0.deadline = newValue } }
    }

    /// Time left before the deadline, nil without one.
    public var remainingTime: Duration? {
        deadline.map { $0 - broker.clock.now }
    }

    /// The params decoded as `T`; a failure is a ValidationError naming the field.
    public func params<T: Decodable>(as type: T.Type = T.self) throws -> T {
        try decodeParams(params, as: T.self)
    }

    func mergeMeta(_ other: [String: JSON]) {
        guard !other.isEmpty else { return }
        state.withLock { $0.meta.merge(other) { _, new in new } }
    }
}
