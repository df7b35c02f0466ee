import Broker

/// An event from another service's outbox, as a ``ReliableSubscription`` handler gets it.
public struct ReliableEvent: Sendable {
    /// The event name (`order.created`).
    public let name: String
    /// The unique event id.
    public let id: String
    /// The producing service.
    public let source: String
    /// The position in the producer's outbox.
    public let seq: Int
    /// When the producer committed it (ISO 8601 UTC).
    public let occurredAt: String
    /// The whole event data: `{"id", "occurredAt", "source", "seq", ...payload}`
    /// (`event.data.decode(as: OrderCreated.self)` for a typed view).
    public let data: JSON

    /// Reads an event relayed by an outbox; nil when `data` lacks the outbox's keys.
    init?(name: String, data: JSON) {
        guard let id = data["id"]?.stringValue, let source = data["source"]?.stringValue,
            let seq = data["seq"]?.intValue, let occurredAt = data["occurredAt"]?.stringValue
        else { return nil }
        self.name = name
        self.id = id
        self.source = source
        self.seq = seq
        self.occurredAt = occurredAt
        self.data = data
    }
}
