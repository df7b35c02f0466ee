/// The handler of an event: gets the event's context (`ctx.eventName`, `ctx.params` = data).
public typealias EventHandler = @Sendable (Context) async throws -> Void

/// An event subscription of a service.
public struct EventSchema: Sendable {
    /// The event name or a wildcard pattern (`order.*`, `**`).
    public var name: String
    /// Balanced events go to one handler per group; default: the service's name.
    public var group: String?
    public var handler: EventHandler

    public init(_ name: String, group: String? = nil, handler: @escaping EventHandler) {
        self.name = name
        self.group = group
        self.handler = handler
    }

    /// A subscription whose handler takes the event data decoded as `T`.
    public init<T: Decodable & Sendable>(
        _ name: String, group: String? = nil, handler: @escaping @Sendable (Context, T) async throws -> Void
    ) {
        self.init(name, group: group) { ctx in
            try await handler(ctx, try decodeParams(ctx.params, as: T.self))
        }
    }
}
