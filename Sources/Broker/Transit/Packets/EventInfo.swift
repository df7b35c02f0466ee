/// An event subscription as listed in a service of an `INFO` packet.
public struct EventInfo: Sendable, Hashable {
    /// The event name or pattern (`user.*`, `order.**`).
    public var name: String
    /// The subscription's group; receivers default it to the service name.
    public var group: String?
    /// Every other member, kept so re-encoding loses nothing.
    public var extra: [String: JSON]

    public init(name: String, group: String? = nil, extra: [String: JSON] = [:]) {
        self.name = name
        self.group = group
        self.extra = extra
    }

    /// Decodes an event object. A missing `name` defaults to `key` (the event's key in its
    /// service's `events`).
    public init(json: JSON, key: String = "") throws(BrokerError) {
        let fields = try PacketFields(json, in: "INFO event")
        self.init(
            name: try fields.string("name") ?? key,
            group: try fields.string("group"),
            extra: fields.all.filter { $0.key != "name" && $0.key != "group" })
    }

    /// The event object: `extra` plus the known members; an absent group is omitted.
    public var json: JSON {
        var object = extra
        object["name"] = .string(name)
        object["group"] = group.map(JSON.string)
        return .object(object)
    }
}
