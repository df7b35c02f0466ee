import GRDB

/// Events of one source service that a store service must apply exactly once, none missed.
///
/// The handler runs synchronously inside one write transaction of the consumer's database,
/// together with recording the event id in `processed_events` (an id seen before is skipped)
/// and, on the catch-up path, advancing the cursor of the source. Events arrive pushed (the
/// source's relay emits them) and pulled (the kit reads `<source>.outbox` after the cursor at
/// start, periodically and when the source's node connects), so a consumer that was down gets
/// every event it missed, in order, and an event received both ways is applied once.
///
/// ```swift
/// ReliableSubscription(source: "orders", events: ["order.created", "order.paid"]) { event, db in
///     try db.execute(sql: "INSERT INTO sales (orderID) VALUES (?)", arguments: [event.data["orderID"]?.intValue])
/// }
/// ```
public struct ReliableSubscription: Sendable {
    public typealias Handler = @Sendable (ReliableEvent, Database) throws -> Void

    /// The producing service's name (whose `<source>.outbox` action the catch-up calls).
    public var source: String
    /// Exact event names (no wildcards: the outbox is filtered by name).
    public var events: [String]
    public var handler: Handler

    public init(source: String, events: [String], handler: @escaping Handler) {
        precondition(!events.isEmpty, "a reliable subscription needs at least one event name")
        precondition(!events.contains { $0.contains("*") || $0.contains("?") }, "reliable subscriptions take exact event names")
        self.source = source
        self.events = events
        self.handler = handler
    }
}
